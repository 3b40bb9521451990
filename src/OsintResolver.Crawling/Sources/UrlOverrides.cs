using OsintResolver.Model.Errors;

namespace OsintResolver.Crawling.Sources;

/// <summary>
/// Resolves URL overrides for a source, so mirrors and tests can point any source elsewhere:
/// the environment (<c>OSINT_URL_&lt;SOURCE&gt;_&lt;KEY&gt;</c>) first, then the command line
/// (<c>--url KEY=URL</c>, or a bare <c>--url URL</c> when the source has one URL).
/// </summary>
public static class UrlOverrides
{
    public static string EnvironmentName(string source, string key) =>
        $"OSINT_URL_{source.ToUpperInvariant()}_{key.ToUpperInvariant()}";

    public static Dictionary<string, string> Resolve(SourceDefinition source, IEnumerable<string> commandLine, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in source.Urls.Keys)
        {
            if (environment(EnvironmentName(source.Name, key)) is { Length: > 0 } value)
            {
                result[key] = value;
            }
        }

        foreach (var item in commandLine)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var scheme = item.IndexOf("://", StringComparison.Ordinal);
            if (eq > 0 && (scheme < 0 || eq < scheme))
            {
                result[item[..eq]] = item[(eq + 1)..];
            }
            else if (source.Urls.Count == 1)
            {
                result[source.Urls.Keys.First()] = item;
            }
            else
            {
                throw new InvalidInputException(
                    $"source {source.Name} has several URLs ({string.Join(", ", source.Urls.Keys)}); write --url KEY=URL");
            }
        }

        return result;
    }

    /// <summary>Parses <c>KEY=VALUE</c> pairs (for <c>--option</c>).</summary>
    public static Dictionary<string, string> ParsePairs(IEnumerable<string> items, string what)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new InvalidInputException($"{what} '{item}' must be KEY=VALUE");
            }

            result[item[..eq]] = item[(eq + 1)..];
        }

        return result;
    }
}
