using Microsoft.AspNetCore.Http;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;
using OsintResolver.Store;
using OsintResolver.Store.Runs;
using OsintResolver.Testing.Http;

namespace OsintResolver.Crawling.Tests.Sites;

public sealed class SiteCrawlTests
{
    private const int Pages = 200;

    // Page 13 is missing, so its subtree (27–28, 55–58, 111–118) is never linked.
    private const int Reachable = Pages - 1 - 14;

    /// <summary>
    /// Page i links to 2i+1 and 2i+2 (a tree, only children that exist) and back to 0; page 13 is
    /// linked but missing (404), so it is the single failure.
    /// </summary>
    private static Task<LoopbackServer> SiteAsync(Action? onPage = null) => LoopbackServer.StartAsync(async c =>
    {
        var path = c.Request.Path.Value!;
        if (path == "/robots.txt" || !int.TryParse(path.TrimStart('/', 'p'), out var i) || i >= Pages || i == 13)
        {
            c.Response.StatusCode = 404;
            return;
        }

        onPage?.Invoke();
        await Task.Delay(10);
        c.Response.ContentType = "text/html; charset=utf-8";
        var children = string.Concat(new[] { 2 * i + 1, 2 * i + 2 }.Where(n => n < Pages).Select(n => $"<a href=\"/p{n}\">{n}</a> "));
        await c.Response.WriteAsync($"<html><head><title>Page {i}</title></head><body>{children}<a href=\"/p0\">home</a></body></html>");
    });

    private static string SourceFile(TempDirectory dir, LoopbackServer server)
    {
        var path = dir.File("site.yml");
        File.WriteAllText(path, $"name: test_site\ncrawler: site\nurls:\n  start: {server.Url("p0")}\noptions:\n  concurrency: \"4\"\n");
        return path;
    }

    private static CrawlRunner Runner(EntityStore store) => new(store, new SourceCatalog([], []), new CrawlerOptions
    {
        AllowPrivateNetwork = true,
        PerHostDelay = TimeSpan.Zero,
        PerHostConcurrency = 4,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        CommitInterval = TimeSpan.FromMilliseconds(20),
        StatsInterval = TimeSpan.FromMilliseconds(20),
    });

    [Fact]
    public async Task RunAsync_SiteCrawl_StoresEveryPageOrReportsItFailedWithReason()
    {
        await using var server = await SiteAsync();
        using var dir = new TempDirectory();
        var store = EntityStore.Open(dir.Path);
        var runner = Runner(store);

        var result = await runner.RunAsync(new CrawlRequest { Source = SourceFile(dir, server) });

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Equal(Reachable, result.Stats.PagesDone);
        var failure = Assert.Single(runner.State.ListFailures(result.Run.Id));
        Assert.EndsWith("/p13", failure.Url);
        Assert.Contains("HTTP 404", failure.Error);
        Assert.Equal(Reachable, result.Stats.EntitiesBySchema["Article"]);
        Assert.Contains(runner.State.ListLinks(result.Run.Id), l => l.From.EndsWith("/p1") && l.To.EndsWith("/p3"));
    }

    [Fact]
    public async Task RunAsync_InterruptedThenResumed_EndsInTheSameStateAndRefetchesNothingStored()
    {
        // The interruption is driven by the server (after half the pages were served), not by
        // the progress heartbeat, so it happens mid-crawl however loaded the machine is.
        using var cts = new CancellationTokenSource();
        var interrupt = false;
        var served = 0;
        await using var server = await SiteAsync(() =>
        {
            if (Volatile.Read(ref interrupt) && Interlocked.Increment(ref served) == Reachable / 2)
            {
                cts.Cancel();
            }
        });
        using var dir = new TempDirectory();
        using var reference = new TempDirectory();
        var file = SourceFile(dir, server);

        var full = await Runner(EntityStore.Open(reference.Path)).RunAsync(new CrawlRequest { Source = file });
        Assert.True(full.Succeeded);
        server.Requests.Clear();

        var store = EntityStore.Open(dir.Path);
        Volatile.Write(ref interrupt, true);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner(store).RunAsync(new CrawlRequest { Source = file }, null, cts.Token));
        Volatile.Write(ref interrupt, false);
        var interrupted = Assert.Single(store.ListRuns("test_site"));
        Assert.Equal(RunState.Running, interrupted.State);
        var doneBefore = new Store.Crawl.CrawlStateStore(store).CountFrontier(interrupted.Id).Done;
        Assert.InRange(doneBefore, 1, Reachable - 1);
        server.Requests.Clear();

        var resumed = await Runner(store).RunAsync(new CrawlRequest { Source = file });

        Assert.True(resumed.Resumed);
        Assert.Equal(interrupted.Id, resumed.Run.Id);
        Assert.True(resumed.Succeeded, resumed.Run.Error);
        var fullIds = EntityStore.Open(reference.Path).ReadEntities().Select(e => (e.Id, e.Caption)).ToHashSet();
        var resumedIds = store.ReadEntities().Select(e => (e.Id, e.Caption)).ToHashSet();
        Assert.Equal(fullIds, resumedIds);
        // Pages stored before the interruption were not requested again.
        var pageRequests = server.Requests.Count(r => r.StartsWith("GET /p", StringComparison.Ordinal));
        Assert.True(pageRequests <= Reachable + 1 - doneBefore + 10, $"{pageRequests} page requests after {doneBefore} were stored");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(0)]
    public async Task RunAsync_HostDownLongerThanRetries_PagesWaitOutTheBreakerInsteadOfFailing(int deferrals)
    {
        // Once the start page is served the host answers 503 to everything for 2.5 s: longer than
        // a page's retries last (two attempts, half-second breaks), shorter than its deferrals.
        long outageEnds = 0;
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            var path = c.Request.Path.Value!;
            if (path == "/robots.txt")
            {
                c.Response.StatusCode = 404;
                return;
            }

            if (path == "/p0")
            {
                Interlocked.CompareExchange(ref outageEnds, Environment.TickCount64 + 2500, 0);
                c.Response.ContentType = "text/html";
                await c.Response.WriteAsync("<html><body>" + string.Concat(Enumerable.Range(1, 20).Select(i => $"<a href=\"/p{i}\">{i}</a>")) + "</body></html>");
                return;
            }

            if (Environment.TickCount64 < Interlocked.Read(ref outageEnds))
            {
                c.Response.StatusCode = 503;
                return;
            }

            c.Response.ContentType = "text/html";
            await c.Response.WriteAsync($"<html><head><title>{path}</title></head><body>ok</body></html>");
        });
        using var dir = new TempDirectory();
        var store = EntityStore.Open(dir.Path);
        var runner = new CrawlRunner(store, new SourceCatalog([], []), new CrawlerOptions
        {
            AllowPrivateNetwork = true,
            PerHostDelay = TimeSpan.Zero,
            PerHostConcurrency = 4,
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            BreakerMinimumThroughput = 2,
            BreakerFailureRatio = 0.5,
            BreakerSamplingDuration = TimeSpan.FromSeconds(5),
            BreakerBreakDuration = TimeSpan.FromMilliseconds(500),
            MaxBreakerDeferrals = deferrals,
            CommitInterval = TimeSpan.FromMilliseconds(20),
        });

        var result = await runner.RunAsync(new CrawlRequest { Source = SourceFile(dir, server) });

        var failures = runner.State.ListFailures(result.Run.Id);
        var breakerFailures = failures.Count(f => f.Error.Contains("circuit breaker open", StringComparison.Ordinal));
        Assert.True(21 == result.Stats.PagesDone + result.Stats.PagesFailed, $"{result.Run.Error}; {result.Stats.PagesDone} done, {result.Stats.PagesFailed} failed: {string.Join(" | ", failures.Select(f => f.Url + " " + f.Error))}");
        if (deferrals > 0)
        {
            Assert.Equal(0, breakerFailures);
            Assert.True(result.Stats.BreakerDeferrals > 0);
        }
        else
        {
            Assert.True(breakerFailures > 0, "without deferrals an open breaker fails pages");
            Assert.Equal(0, result.Stats.BreakerDeferrals);
        }
    }
}
