using System.Globalization;
using OsintResolver.Model.Entities;

namespace OsintResolver.Crawling.Sites;

/// <summary>
/// The built-in crawler (<c>crawler: site</c>): starts at every URL of the source, follows links
/// on the same hosts, and stores each HTML page as an <c>Article</c> (title, URL) with its links
/// in the crawl graph. Options: <c>max_pages</c>, <c>max_depth</c>, <c>concurrency</c>.
/// </summary>
internal sealed class SiteCrawler : ICrawler
{
    public async Task CrawlAsync(CrawlContext context, CancellationToken cancellationToken)
    {
        var options = new SiteCrawlOptions
        {
            MaxPages = Int(context, "max_pages"),
            MaxDepth = Int(context, "max_depth"),
            Concurrency = Int(context, "concurrency"),
        };
        var result = await context.CrawlSiteAsync(context.Source.Urls.Values, (page, _) =>
        {
            if (page.IsHtml)
            {
                var html = page.Html;
                var article = new Entity("Article", EntityIds.Make(context.Dataset, page.Document.Url.AbsoluteUri));
                context.Add(article, "sourceUrl", page.Document.FinalUrl.AbsoluteUri);
                context.Add(article, "title", html.Title);
                page.Emit(article);
                page.Follow(html.Links);
            }

            return Task.CompletedTask;
        }, options, cancellationToken).ConfigureAwait(false);
        context.Log.LogSiteResult(context.Source.Name, result);
    }

    private static int? Int(CrawlContext context, string key) =>
        context.Option(key) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}

internal static partial class SiteCrawlerLog
{
    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information,
        Message = "{Source}: {Done} pages stored, {Failed} failed, {Pending} pending (resumed: {Resumed})")]
    private static partial void SiteResult(Microsoft.Extensions.Logging.ILogger logger, string source, long done, long failed, long pending, bool resumed);

    public static void LogSiteResult(this Microsoft.Extensions.Logging.ILogger logger, string source, SiteCrawlResult result) =>
        SiteResult(logger, source, result.Done, result.Failed, result.Pending, result.Resumed);
}
