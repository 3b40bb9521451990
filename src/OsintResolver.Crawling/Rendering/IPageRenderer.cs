namespace OsintResolver.Crawling.Rendering;

/// <summary>A page as the browser rendered it: the final DOM serialised as HTML.</summary>
public sealed record RenderedPage(int Status, Uri FinalUrl, string Html, string? ContentType);

/// <summary>
/// Renders pages of <c>render: browser</c> sources. The engine calls it inside the same
/// politeness gate, retries, timeouts, archive and provenance as plain HTTP. Implemented with
/// Playwright in OsintResolver.Crawling.Browser, which only the CLI references.
/// </summary>
public interface IPageRenderer
{
    /// <param name="url">The page.</param>
    /// <param name="allowRequest">Checks every request the page makes (SSRF policy); false aborts it.</param>
    /// <param name="userAgent">The crawler's user agent.</param>
    /// <param name="ct">Cancelled on the attempt timeout.</param>
    Task<RenderedPage> RenderAsync(Uri url, Func<Uri, CancellationToken, Task<bool>> allowRequest, string userAgent, CancellationToken ct);
}
