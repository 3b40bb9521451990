using System.Globalization;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Schemata;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OsintResolver.Crawling.Sources;

/// <summary>How a source's pages are fetched.</summary>
public enum RenderMode
{
    /// <summary>Plain HTTP through the fetch pipeline.</summary>
    Http,

    /// <summary>Rendered in headless Chromium (pages that build their content with JavaScript).</summary>
    Browser,
}

/// <summary>Who publishes a source.</summary>
public sealed class Publisher
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public string? Country { get; set; }
    public string? Description { get; set; }
}

/// <summary>When a source is crawled by <c>osint schedule</c>.</summary>
public sealed class ScheduleDefinition
{
    /// <summary>Five-field cron expression (UTC).</summary>
    public string? Cron { get; set; }

    /// <summary>A random delay up to this long is added to each run, so sources do not all start at once.</summary>
    public string? Jitter { get; set; }
}

/// <summary>Per-source politeness, tighter than the engine defaults if the publisher asks for it.</summary>
public sealed class PolitenessDefinition
{
    public int? Concurrency { get; set; }
    public string? Delay { get; set; }
}

/// <summary>Minimum and maximum entity counts per schema a good run must have.</summary>
public sealed class AssertionDefinition
{
    public Dictionary<string, long> Min { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Max { get; set; } = new(StringComparer.Ordinal);

    /// <summary>At most this many pages may end failed (site crawls); null for no limit.</summary>
    public long? MaxFailedPages { get; set; }
}

/// <summary>
/// A source as declared in <c>crawlers/&lt;name&gt;/source.yml</c>: publisher, URLs, schedule,
/// politeness and assertions. Every URL can be overridden from the command line or the
/// environment (<see cref="UrlOverrides"/>).
/// </summary>
public sealed class SourceDefinition
{
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Url { get; set; }
    public Publisher Publisher { get; set; } = new();

    /// <summary>Crawler to use: empty for the class marked <c>[Source("name")]</c>; <c>site</c> for the built-in link crawler.</summary>
    public string? Crawler { get; set; }

    public Dictionary<string, string> Urls { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Options { get; set; } = new(StringComparer.Ordinal);
    public ScheduleDefinition? Schedule { get; set; }
    public RenderMode Render { get; set; } = RenderMode.Http;
    public PolitenessDefinition? Politeness { get; set; }
    public AssertionDefinition Assertions { get; set; } = new();

    /// <summary>Where the definition was read from (a resource or file name), for messages.</summary>
    [YamlIgnore]
    public string Origin { get; set; } = "";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static SourceDefinition Parse(string yaml, string origin)
    {
        SourceDefinition? definition;
        try
        {
            definition = Yaml.Deserialize<SourceDefinition>(yaml);
        }
        catch (YamlException ex)
        {
            throw new InvalidInputException($"{origin}: invalid source definition at line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        if (definition is null)
        {
            throw new InvalidInputException($"{origin}: empty source definition");
        }

        definition.Origin = origin;
        definition.Validate();
        return definition;
    }

    public static SourceDefinition Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Checks names, URLs, durations, cron and assertion schemata; throws naming the field.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || !Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new InvalidInputException($"{Origin}: name '{Name}' must be lower-case letters, digits and '_'");
        }

        foreach (var (key, url) in Urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new InvalidInputException($"{Origin}: urls.{key} '{url}' is not an absolute http(s) URL");
            }
        }

        if (Schedule?.Cron is { } cron)
        {
            try
            {
                Cronos.CronExpression.Parse(cron);
            }
            catch (Cronos.CronFormatException ex)
            {
                throw new InvalidInputException($"{Origin}: schedule.cron '{cron}': {ex.Message}");
            }
        }

        _ = Durations.ParseOrNull(Schedule?.Jitter, $"{Origin}: schedule.jitter");
        _ = Durations.ParseOrNull(Politeness?.Delay, $"{Origin}: politeness.delay");
        if (Politeness?.Concurrency is < 1 or > 64)
        {
            throw new InvalidInputException($"{Origin}: politeness.concurrency must be 1–64");
        }

        foreach (var schema in Assertions.Min.Keys.Concat(Assertions.Max.Keys))
        {
            if (!SchemaModel.Default.TryGet(schema, out _))
            {
                throw new InvalidInputException($"{Origin}: assertions name unknown schema '{schema}'");
            }
        }

        foreach (var (schema, min) in Assertions.Min)
        {
            if (Assertions.Max.TryGetValue(schema, out var max) && max < min)
            {
                throw new InvalidInputException($"{Origin}: assertions for {schema}: max {max} is below min {min}");
            }
        }
    }

    public TimeSpan? PolitenessDelay => Durations.ParseOrNull(Politeness?.Delay, "politeness.delay");
    public TimeSpan Jitter => Durations.ParseOrNull(Schedule?.Jitter, "schedule.jitter") ?? TimeSpan.Zero;

    /// <summary>A copy with URL and option overrides applied (command line, then environment).</summary>
    public SourceDefinition WithOverrides(IReadOnlyDictionary<string, string> urls, IReadOnlyDictionary<string, string> options)
    {
        var copy = (SourceDefinition)MemberwiseClone();
        copy.Urls = new Dictionary<string, string>(Urls, StringComparer.Ordinal);
        copy.Options = new Dictionary<string, string>(Options, StringComparer.Ordinal);
        foreach (var (key, value) in urls)
        {
            if (!copy.Urls.ContainsKey(key))
            {
                throw new InvalidInputException(
                    $"source {Name} has no URL named '{key}' (it has: {string.Join(", ", Urls.Keys)})");
            }

            copy.Urls[key] = value;
        }

        foreach (var (key, value) in options)
        {
            copy.Options[key] = value;
        }

        copy.Validate();
        return copy;
    }
}

/// <summary>Durations written as <c>500ms</c>, <c>2s</c>, <c>10m</c>, <c>6h</c>, <c>1d</c> or a TimeSpan.</summary>
public static class Durations
{
    public static TimeSpan? ParseOrNull(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var units = new (string Suffix, double Ms)[] { ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000) };
        foreach (var (suffix, ms) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) &&
                double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
            {
                return TimeSpan.FromMilliseconds(n * ms);
            }
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            return span;
        }

        throw new InvalidInputException($"{field}: '{text}' is not a duration (e.g. 500ms, 2s, 10m, 6h)");
    }
}
