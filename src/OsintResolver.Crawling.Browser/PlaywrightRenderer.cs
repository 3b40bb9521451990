using Microsoft.Playwright;
using OsintResolver.Crawling.Rendering;

namespace OsintResolver.Crawling.Browser;

/// <summary>
/// Renders <c>render: browser</c> pages in the system Chromium through Playwright (never a
/// downloaded browser). One browser per renderer, one fresh context per page; every request the
/// page makes passes the engine's SSRF check first.
/// </summary>
public sealed class PlaywrightRenderer : IPageRenderer, IAsyncDisposable
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    // DESIGN.md: the last rule stops Chromium looking up Google hosts.
    internal static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ];

    private readonly string _executable;
    private readonly SemaphoreSlim _start = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public PlaywrightRenderer(string executablePath = DefaultExecutable) => _executable = executablePath;

    public async Task<RenderedPage> RenderAsync(Uri url, Func<Uri, CancellationToken, Task<bool>> allowRequest, string userAgent, CancellationToken ct)
    {
        var browser = await BrowserAsync(ct).ConfigureAwait(false);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { UserAgent = userAgent }).ConfigureAwait(false);
        await context.RouteAsync("**/*", async route =>
        {
            var allowed = Uri.TryCreate(route.Request.Url, UriKind.Absolute, out var target) &&
                          (target.Scheme is "data" or "blob" || (target.Scheme is "http" or "https" && await allowRequest(target, ct).ConfigureAwait(false)));
            await (allowed ? route.ContinueAsync() : route.AbortAsync("blockedbyclient")).ConfigureAwait(false);
        }).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        // The engine's attempt timeout cancels ct; closing the page ends a hanging navigation.
        await using var closeOnCancel = ct.Register(() => _ = page.CloseAsync());
        try
        {
            var response = await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 0 }).ConfigureAwait(false);
            var html = await page.ContentAsync().ConfigureAwait(false);
            string? contentType = null;
            response?.Headers.TryGetValue("content-type", out contentType);
            return new RenderedPage(response?.Status ?? 0, new Uri(page.Url), html, contentType);
        }
        catch (PlaywrightException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }
        catch (PlaywrightException ex)
        {
            // Navigation errors (refused, reset, blocked) are network errors to the retry policy.
            throw new HttpRequestException($"browser: {ex.Message.Split('\n')[0]}", ex);
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { } ready)
        {
            return ready;
        }

        await _start.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_browser is null)
            {
                if (!File.Exists(_executable))
                {
                    throw new Model.Errors.InvalidInputException($"browser rendering needs Chromium at {_executable} (apt-get install chromium)");
                }

                _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = _executable,
                    Headless = true,
                    Args = ChromiumArgs,
                }).ConfigureAwait(false);
            }

            return _browser;
        }
        finally
        {
            _start.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
        _start.Dispose();
    }
}
