using System.Globalization;
using System.Text;

namespace OsintResolver.Crawling.Sources;

/// <summary>
/// The reference page of the sources (<c>docs/crawlers.md</c>), written from their
/// <c>source.yml</c> files so it never drifts from what is crawled.
/// </summary>
public static class SourceDocs
{
    public static string Markdown(IEnumerable<SourceDefinition> sources)
    {
        var md = new StringBuilder();
        md.AppendLine("# Crawlers");
        md.AppendLine();
        md.AppendLine("<!-- Generated from crawlers/*/source.yml by SourceDocs; edit the source.yml files, then run");
        md.AppendLine("     OSINT_UPDATE_DOCS=1 dotnet test tests/OsintResolver.Crawlers.Tests --filter CrawlerDocs -->");
        md.AppendLine();
        md.AppendLine("Every URL can be overridden: `osint crawl SOURCE --url KEY=URL` (mirrors, tests); options with `--option KEY=VALUE`.");
        md.AppendLine();
        md.AppendLine("| source | title | schedule (UTC) | render |");
        md.AppendLine("|---|---|---|---|");
        var list = sources.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        foreach (var s in list)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| [`{s.Name}`](#{s.Name}) | {Cell(s.Title)} | {Cell(Schedule(s))} | {s.Render.ToString().ToLowerInvariant()} |");
        }

        foreach (var s in list)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {s.Name}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"**{s.Title ?? s.Name}**");
            if (s.Summary is { Length: > 0 } summary)
            {
                md.AppendLine();
                md.AppendLine(summary.Trim());
            }

            md.AppendLine();
            if (s.Publisher.Name is { } publisher)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- Publisher: {publisher}{(s.Publisher.Url is { } pu ? $" ({pu})" : "")}{(s.Publisher.Country is { } c ? $", country `{c}`" : "")}");
            }

            if (s.Url is { } home)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- About the source: {home}");
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"- Crawler: {(string.IsNullOrEmpty(s.Crawler) ? "its own (`[Source(\"" + s.Name + "\")]`)" : $"`{s.Crawler}`")}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- Schedule: {Schedule(s)}");
            if (s.Politeness is { } p)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- Politeness: {(p.Concurrency is { } n ? $"{n} request(s) at once" : "engine default concurrency")}, {(p.Delay is { } d ? $"{d} between requests" : "engine default delay")}");
            }

            md.AppendLine();
            md.AppendLine("| URL key | default URL |");
            md.AppendLine("|---|---|");
            foreach (var (key, url) in s.Urls)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| `{key}` | {url} |");
            }

            if (s.Options.Count > 0)
            {
                md.AppendLine();
                md.AppendLine("| option | default |");
                md.AppendLine("|---|---|");
                foreach (var (key, value) in s.Options)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| `{key}` | `{value}` |");
                }
            }

            var schemas = s.Assertions.Min.Keys.Union(s.Assertions.Max.Keys).Order(StringComparer.Ordinal).ToList();
            if (schemas.Count > 0 || s.Assertions.MaxFailedPages is not null)
            {
                md.AppendLine();
                md.AppendLine("A run is marked failed (and its data not made current) outside these counts:");
                md.AppendLine();
                md.AppendLine("| schema | min | max |");
                md.AppendLine("|---|---:|---:|");
                foreach (var schema in schemas)
                {
                    md.AppendLine(CultureInfo.InvariantCulture,
                        $"| {schema} | {(s.Assertions.Min.TryGetValue(schema, out var min) ? min.ToString("N0", CultureInfo.InvariantCulture) : "")} | {(s.Assertions.Max.TryGetValue(schema, out var max) ? max.ToString("N0", CultureInfo.InvariantCulture) : "")} |");
                }

                if (s.Assertions.MaxFailedPages is { } failed)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| failed pages | | {failed:N0} |");
                }
            }
        }

        return md.ToString();
    }

    private static string Schedule(SourceDefinition s) =>
        s.Schedule?.Cron is { } cron ? $"`{cron}`{(s.Schedule.Jitter is { } j ? $" + up to {j} jitter" : "")}" : "not scheduled";

    private static string Cell(string? text) => (text ?? "").Replace("|", "\\|", StringComparison.Ordinal);
}
