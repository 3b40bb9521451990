using Microsoft.AspNetCore.Http;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;
using OsintResolver.Store;
using OsintResolver.Store.Crawl;
using OsintResolver.Testing.Http;

namespace OsintResolver.Crawling.Browser.Tests;

public sealed class PlaywrightRendererTests
{
    [SkippableFact]
    public async Task RunAsync_RenderBrowserSource_StoresTheDomTheScriptBuiltWithProvenance()
    {
        Skip.IfNot(File.Exists(PlaywrightRenderer.DefaultExecutable), $"no Chromium at {PlaywrightRenderer.DefaultExecutable}");
        // The title and the link exist only after the script ran: plain HTTP would see neither.
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            var html = c.Request.Path.Value switch
            {
                "/app" => "<html><head><title>loading</title></head><body><script>document.title = 'Rendered app'; document.body.innerHTML += '<a href=\"/second\">second</a>';</script></body></html>",
                "/second" => "<html><head><title>Second page</title></head><body>no links</body></html>",
                _ => null,
            };
            if (html is null)
            {
                c.Response.StatusCode = 404;
                return;
            }

            await c.Response.WriteAsync(html);
        });
        using var dir = new TempDirectory();
        var source = dir.File("source.yml");
        await File.WriteAllTextAsync(source, $"name: spa\ncrawler: site\nrender: browser\nurls:\n  start: {server.Url("app")}\n");
        var store = EntityStore.Open(dir.File("data"));
        await using var renderer = new PlaywrightRenderer();
        var runner = new CrawlRunner(store, new SourceCatalog([], []), new CrawlerOptions
        {
            AllowPrivateNetwork = true,
            PerHostDelay = TimeSpan.Zero,
            AttemptTimeout = TimeSpan.FromSeconds(30),
        }, renderer: renderer);

        var result = await runner.RunAsync(new CrawlRequest { Source = source, SkipAssertions = true });

        Assert.True(result.Succeeded, result.Run.Error);
        var titles = store.ReadEntities().Select(e => e.Caption).Order().ToList();
        Assert.Equal(["Rendered app", "Second page"], titles);
        var responses = new CrawlStateStore(store).ListResponses(result.Run.Id).Where(r => !r.Url.EndsWith("/robots.txt", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, responses.Count);
        Assert.All(responses, r => Assert.True(r.Rendered && r.Sha256 is not null, r.Url));
    }
}
