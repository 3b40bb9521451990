using Microsoft.AspNetCore.Http;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Scheduling;
using OsintResolver.Crawling.Sources;
using OsintResolver.Store;
using OsintResolver.Store.Runs;
using OsintResolver.Testing.Http;

namespace OsintResolver.Crawling.Tests.Scheduling;

public sealed class CrawlSchedulerTests
{
    private static Task<LoopbackServer> PageAsync() => LoopbackServer.StartAsync(async c =>
    {
        if (c.Request.Path != "/home")
        {
            c.Response.StatusCode = 404;
            return;
        }

        c.Response.ContentType = "text/html";
        await c.Response.WriteAsync("<html><head><title>Home</title></head><body>hello</body></html>");
    });

    private static SourceDefinition Source(TempDirectory dir, string name, string url, string cron = "0 3 * * *", string? jitter = null)
    {
        var path = dir.File(name + ".yml");
        File.WriteAllText(path, $"name: {name}\ncrawler: site\nurls:\n  start: {url}\nschedule:\n  cron: \"{cron}\"\n" + (jitter is null ? "" : $"  jitter: {jitter}\n"));
        return new SourceCatalog([], []).Get(path);
    }

    private static CrawlRunner Runner(EntityStore store) => new(store, new SourceCatalog([], []), new CrawlerOptions
    {
        AllowPrivateNetwork = true,
        PerHostDelay = TimeSpan.Zero,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
    });

    [Fact]
    public async Task RunOnceAsync_OneSourceAlreadyRunning_FailsAloneAndTheOthersRun()
    {
        await using var server = await PageAsync();
        using var dir = new TempDirectory();
        var store = EntityStore.Open(dir.File("data"));
        var sources = new[] { Source(dir, "first", server.Url("home")), Source(dir, "busy", server.Url("home")), Source(dir, "last", server.Url("home")) };
        var scheduler = new CrawlScheduler(Runner(store), sources, request: s => new CrawlRequest { Source = dir.File(s.Name + ".yml") });

        // Another process (here: this test) holds the lock of "busy", as a manual crawl would.
        IReadOnlyList<SchedulerEvent> events;
        using (SourceLock.Acquire(store.DataDir, "busy"))
        {
            events = await scheduler.RunOnceAsync(null, CancellationToken.None);
        }

        Assert.Equal(["first", "busy", "last"], events.Select(e => e.Source));
        Assert.Equal("failed", events[1].What);
        Assert.Contains("already being crawled", events[1].Error);
        Assert.All(new[] { events[0], events[2] }, e => Assert.Equal("succeeded", e.What));
        Assert.Equal(RunState.Succeeded, Assert.Single(store.ListRuns("last")).State);
        Assert.Empty(store.ListRuns("busy"));
        Assert.Equal(2, store.ReadEntities().Count());
    }

    [Fact]
    public void NextAfter_CronWithJitter_IsTheNextOccurrencePlusAtMostTheJitter()
    {
        using var dir = new TempDirectory();
        var source = Source(dir, "nightly", "http://127.0.0.1/", "30 2 * * *", "10m");
        var scheduler = new CrawlScheduler(Runner(EntityStore.Open(dir.File("data"))), [source], random: new Random(7));
        var after = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        var runs = Enumerable.Range(0, 50).Select(_ => scheduler.NextAfter(source, after)).ToList();

        var due = new DateTimeOffset(2026, 1, 2, 2, 30, 0, TimeSpan.Zero);
        Assert.All(runs, r => Assert.InRange(r, due, due.AddMinutes(10)));
        Assert.True(runs.Distinct().Count() > 40, "jitter spreads the runs");
    }

    [Fact]
    public async Task RunOnceAsync_PausedSource_IsSkippedAndTheOthersRun()
    {
        await using var server = await PageAsync();
        using var dir = new TempDirectory();
        var store = EntityStore.Open(dir.File("data"));
        var sources = new[] { Source(dir, "kept", server.Url("home")), Source(dir, "held", server.Url("home")) };
        var pauses = new Store.Crawl.SourcePauses(store);
        pauses.Pause("held", "ada", "mirror is down");
        var scheduler = new CrawlScheduler(Runner(store), sources, request: s => new CrawlRequest { Source = dir.File(s.Name + ".yml") },
            paused: pauses.Names);

        var events = await scheduler.RunOnceAsync(null, CancellationToken.None);

        Assert.Equal([("kept", "succeeded"), ("held", "skipped (paused)")], events.Select(e => (e.Source, e.What)));
        Assert.Empty(store.ListRuns("held"));
        Assert.True(scheduler.Plan().Single(p => p.Source == "held").Paused);
        Assert.False(scheduler.Plan().Single(p => p.Source == "kept").Paused);
    }

    [Fact]
    public async Task RunAsync_SourcePausedThenResumed_SkipsDueRunsOnlyWhilePaused()
    {
        await using var server = await PageAsync();
        using var dir = new TempDirectory();
        var store = EntityStore.Open(dir.File("data"));
        var source = Source(dir, "minutely", server.Url("home"), "* * * * *");
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 30, TimeSpan.Zero));
        var pauses = new Store.Crawl.SourcePauses(store);
        pauses.Pause("minutely", "ada");
        var events = new System.Collections.Concurrent.ConcurrentQueue<SchedulerEvent>();
        var scheduler = new CrawlScheduler(Runner(store), [source], time, new Random(1),
            request: s => new CrawlRequest { Source = dir.File(s.Name + ".yml") },
            paused: pauses.Names);
        using var stop = new CancellationTokenSource();
        var running = scheduler.RunAsync(events.Enqueue, stop.Token);

        // Due at 12:01 while paused: skipped, not run.
        await AdvanceUntil(time, () => events.Any(e => e.What == "skipped (paused)"));
        Assert.Empty(store.ListRuns("minutely"));
        pauses.Resume("minutely");
        // Due at 12:02 after resuming: runs.
        await AdvanceUntil(time, () => events.Any(e => e.What == "succeeded"));
        await stop.CancelAsync();
        await running;

        Assert.Single(store.ListRuns("minutely"));
        Assert.Equal(1, events.Count(e => e.What == "skipped (paused)"));
    }

    /// <summary>Moves the fake clock on in small steps until the condition holds (real time bounded).</summary>
    private static async Task AdvanceUntil(Microsoft.Extensions.Time.Testing.FakeTimeProvider time, Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduler did not get there in 30 s");
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }
    }
}
