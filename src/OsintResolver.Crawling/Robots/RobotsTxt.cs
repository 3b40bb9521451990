using System.Globalization;

namespace OsintResolver.Crawling.Robots;

/// <summary>
/// A parsed robots.txt (RFC 9309): groups of user agents with Allow/Disallow rules (with
/// <c>*</c> and <c>$</c>), plus Crawl-delay and Sitemap. The longest matching rule wins and
/// Allow wins a tie; a URL no rule matches is allowed.
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<Group> _groups;

    private RobotsTxt(List<Group> groups, List<string> sitemaps)
    {
        _groups = groups;
        Sitemaps = sitemaps;
    }

    public IReadOnlyList<string> Sitemaps { get; }

    public static RobotsTxt AllowAll { get; } = new([], []);

    public static RobotsTxt DisallowAll { get; } = new([new Group(["*"], [new Rule("/", false)], null)], []);

    /// <summary>The rules that apply to a user agent: its most specific group, else the <c>*</c> group.</summary>
    public RobotsPolicy For(string userAgent)
    {
        var product = ProductToken(userAgent);
        Group? best = null;
        var bestLength = -1;
        Group? star = null;
        foreach (var group in _groups)
        {
            foreach (var agent in group.Agents)
            {
                if (agent == "*")
                {
                    star ??= group;
                }
                else if (product.Contains(agent, StringComparison.OrdinalIgnoreCase) && agent.Length > bestLength)
                {
                    best = group;
                    bestLength = agent.Length;
                }
            }
        }

        var chosen = best ?? star;
        return chosen is null ? RobotsPolicy.Unrestricted : new RobotsPolicy(chosen.Rules, chosen.CrawlDelay);
    }

    public static RobotsTxt Parse(string text)
    {
        var groups = new List<Group>();
        var sitemaps = new List<string>();
        List<string>? agents = null;
        List<Rule>? rules = null;
        double? delay = null;
        var inRules = false;

        void Flush()
        {
            if (agents is { Count: > 0 })
            {
                groups.Add(new Group(agents, rules ?? [], delay));
            }

            agents = null;
            rules = null;
            delay = null;
            inRules = false;
        }

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (inRules)
                    {
                        Flush();
                    }

                    agents ??= [];
                    agents.Add(value.ToLowerInvariant());
                    break;
                case "allow" or "disallow":
                    if (agents is null)
                    {
                        break;
                    }

                    inRules = true;
                    rules ??= [];
                    if (value.Length > 0)
                    {
                        rules.Add(new Rule(Normalize(value), key == "allow"));
                    }

                    break;
                case "crawl-delay":
                    if (agents is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0)
                    {
                        inRules = true;
                        delay = d;
                    }

                    break;
                case "sitemap":
                    sitemaps.Add(value);
                    break;
            }
        }

        Flush();
        return new RobotsTxt(groups, sitemaps);
    }

    private static string ProductToken(string userAgent)
    {
        var slash = userAgent.IndexOfAny(['/', ' ']);
        return (slash > 0 ? userAgent[..slash] : userAgent).ToLowerInvariant();
    }

    /// <summary>Percent-encoding is compared decoded for unreserved characters, as crawlers do.</summary>
    internal static string Normalize(string path)
    {
        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return path;
        }
    }

    internal sealed record Rule(string Pattern, bool Allow);

    private sealed record Group(List<string> Agents, List<Rule> Rules, double? CrawlDelay);
}

/// <summary>The robots.txt rules for our user agent on one origin.</summary>
public sealed class RobotsPolicy
{
    private readonly IReadOnlyList<RobotsTxt.Rule> _rules;

    internal RobotsPolicy(IReadOnlyList<RobotsTxt.Rule> rules, double? crawlDelaySeconds)
    {
        _rules = rules;
        CrawlDelay = crawlDelaySeconds is { } s ? TimeSpan.FromSeconds(s) : null;
    }

    public static RobotsPolicy Unrestricted { get; } = new([], null);

    public TimeSpan? CrawlDelay { get; }

    /// <summary>Whether a path (with its query) may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        if (pathAndQuery == "/robots.txt")
        {
            return true;
        }

        var path = RobotsTxt.Normalize(pathAndQuery);
        RobotsTxt.Rule? best = null;
        var bestLength = -1;
        foreach (var rule in _rules)
        {
            if (Matches(rule.Pattern, path) && (rule.Pattern.Length > bestLength || (rule.Pattern.Length == bestLength && rule.Allow)))
            {
                best = rule;
                bestLength = rule.Pattern.Length;
            }
        }

        return best?.Allow ?? true;
    }

    /// <summary>Glob match where <c>*</c> is any run of characters and a trailing <c>$</c> anchors the end.</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored)
        {
            pattern = pattern[..^1];
        }

        return Match(pattern.AsSpan(), path.AsSpan(), anchored);
    }

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool anchored)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return anchored ? text.SequenceEqual(pattern) : text.StartsWith(pattern, StringComparison.Ordinal);
        }

        if (!text.StartsWith(pattern[..star], StringComparison.Ordinal))
        {
            return false;
        }

        var rest = pattern[(star + 1)..];
        for (var i = star; i <= text.Length; i++)
        {
            if (Match(rest, text[i..], anchored))
            {
                return true;
            }
        }

        return false;
    }
}
