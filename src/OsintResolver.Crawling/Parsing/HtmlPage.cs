using AngleSharp.Html.Parser;

namespace OsintResolver.Crawling.Parsing;

/// <summary>The title and outgoing links of an HTML page, resolved against its URL.</summary>
public sealed record HtmlPage(string? Title, IReadOnlyList<Uri> Links)
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public static HtmlPage Parse(string html, Uri baseUrl)
    {
        using var document = Parser.ParseDocument(html);
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        if (baseHref is not null && Uri.TryCreate(baseUrl, baseHref, out var declared))
        {
            baseUrl = declared;
        }

        var links = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href");
            if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#') ||
                !Uri.TryCreate(baseUrl, href.Trim(), out var url) || url.Scheme is not ("http" or "https"))
            {
                continue;
            }

            var normalized = Normalize(url);
            if (seen.Add(normalized.AbsoluteUri))
            {
                links.Add(normalized);
            }
        }

        var title = document.Title?.Trim();
        return new HtmlPage(string.IsNullOrEmpty(title) ? null : title, links);
    }

    /// <summary>Drops the fragment, so one page is one frontier entry.</summary>
    public static Uri Normalize(Uri url) =>
        url.Fragment.Length == 0 ? url : new UriBuilder(url) { Fragment = "" }.Uri;
}
