using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OsintResolver.Crawling;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;
using OsintResolver.Store;
using OsintResolver.Store.Runs;
using OsintResolver.Cli.Tests.Support;
using OsintResolver.Testing.Http;

namespace OsintResolver.Cli.Tests.Commands;

/// <summary>
/// The faulty 2,000-page site of issue 3 (20% 503 with Retry-After, 5% stalls past the timeout,
/// 5% resets, 2% truncated bodies, on the first three attempts of each URL; plus dead links that
/// always fail), crawled once without interruption. The tests share that crawl as the reference.
/// </summary>
public sealed class FaultySiteFixture : IAsyncLifetime
{
    public const int Pages = 2000;

    // Short timeouts and delays keep the suite fast; the CLI gets the same through OSINT_CRAWL_*.
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["OSINT_CRAWL_TIMEOUT"] = "1s",
        ["OSINT_CRAWL_RETRY_DELAY"] = "20ms",
        ["OSINT_CRAWL_MAX_RETRIES"] = "5",
        ["OSINT_CRAWL_CONCURRENCY"] = "16",
        ["OSINT_CRAWL_PER_HOST_CONCURRENCY"] = "16",
        ["OSINT_CRAWL_PER_HOST_DELAY"] = "0s",
    };

    private readonly TempDirectory _dir = new("osint-faulty");

    public GeneratedSite Site { get; private set; } = null!;
    public string SourceFile => _dir.File("source.yml");
    public string ReferenceDataDir => _dir.File("reference");
    public CrawlResult Reference { get; private set; } = null!;
    public (long Unavailable, long Stalled, long Reset, long Truncated) Injected { get; private set; }
    public TimeSpan Elapsed { get; private set; }

    public async Task InitializeAsync()
    {
        Site = await GeneratedSite.StartAsync(Pages, SiteFaults.Issue3 with { Seed = 3 });
        await File.WriteAllTextAsync(SourceFile, $"name: faulty_site\ncrawler: site\nurls:\n  start: {Site.StartUrl}\n");
        var runner = new CrawlRunner(EntityStore.Open(ReferenceDataDir), new SourceCatalog([], []), new CrawlerOptions
        {
            AllowPrivateNetwork = true,
            AttemptTimeout = TimeSpan.FromSeconds(1),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetries = 5,
            Concurrency = 16,
            PerHostConcurrency = 16,
            PerHostDelay = TimeSpan.Zero,
        });
        var clock = Stopwatch.StartNew();
        Reference = await runner.RunAsync(new CrawlRequest { Source = SourceFile, SkipAssertions = true });
        Elapsed = clock.Elapsed;
        Injected = Site.Injected;
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        _dir.Dispose();
    }
}

public sealed class CrawlReliabilityTests(FaultySiteFixture fixture) : IClassFixture<FaultySiteFixture>
{
    [Fact]
    public void Crawl_FaultySite_StoresEveryPageOrReportsItFailedWithItsReason()
    {
        var result = fixture.Reference;
        Assert.True(result.Succeeded, result.Run.Error);
        var (unavailable, stalled, reset, truncated) = fixture.Injected;
        Assert.True(unavailable > 0 && stalled > 0 && reset > 0 && truncated > 0, $"faults injected: {fixture.Injected}");
        Assert.True(result.Stats.Retries >= unavailable + stalled + reset + truncated, $"{result.Stats.Retries} retries for {fixture.Injected}");

        var state = StoreState.Read(fixture.ReferenceDataDir);
        // Faults hit only the first three attempts, so every page is stored in the end…
        var pages = Enumerable.Range(0, FaultySiteFixture.Pages).Select(i => fixture.Site.Server.Url($"p{i}")).ToHashSet();
        Assert.Equal(pages.Order(StringComparer.Ordinal), state.Done);
        Assert.Equal(FaultySiteFixture.Pages, result.Stats.EntitiesBySchema["Article"]);
        Assert.Equal(FaultySiteFixture.Pages, state.Statements.Count(s => s.Prop == "title"));

        // …and every URL that always fails is reported with its reason.
        var dead = fixture.Site.DeadUrls;
        Assert.Equal(dead.Keys.Order(StringComparer.Ordinal), state.Failed.Select(f => f.Url));
        foreach (var failure in state.Failed)
        {
            Assert.Equal(dead[failure.Url], failure.Status);
            Assert.False(string.IsNullOrWhiteSpace(failure.Error), failure.Url);
            if (failure.Status is { } status)
            {
                Assert.Contains($"HTTP {status}", failure.Error);
            }
        }
    }

    [Fact]
    public async Task Crawl_KilledHalfWayThenResumed_EndsInTheSameStoreStateAsAnUninterruptedCrawl()
    {
        var site = fixture.Site;
        site.ResetAttempts();
        using var dir = new TempDirectory("osint-killed");
        var dataDir = dir.Path;

        var (killed, _) = OsintProcess.Start(dataDir, fixture.SourceFile);
        long doneAtKill;
        try
        {
            doneAtKill = await WaitForDoneAsync(dataDir, FaultySiteFixture.Pages / 2, killed, TimeSpan.FromSeconds(60));
        }
        finally
        {
            killed.Kill(); // SIGKILL: no flush, no cleanup.
            await killed.WaitForExitAsync();
        }

        int requestsAtKill;
        lock (site.Server.Requests)
        {
            requestsAtKill = site.Server.Requests.Count;
        }

        var before = StoreState.Read(dataDir);
        Assert.Equal(RunState.Running, Assert.Single(EntityStore.Open(dataDir).ListRuns("faulty_site")).State);
        Assert.InRange(before.Done.Count, doneAtKill, FaultySiteFixture.Pages - 1);

        var (resumed, output) = OsintProcess.Start(dataDir, fixture.SourceFile);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            await resumed.WaitForExitAsync(timeout.Token);
        }

        var stdout = await output;
        Assert.True(resumed.ExitCode == 0, $"exit {resumed.ExitCode}: {stdout}");
        var run = JsonDocument.Parse(stdout).RootElement[0];
        Assert.True(run.GetProperty("resumed").GetBoolean(), stdout);
        Assert.Equal("succeeded", run.GetProperty("state").GetString());

        var after = StoreState.Read(dataDir);
        var reference = StoreState.Read(fixture.ReferenceDataDir);
        var missing = reference.Done.Except(after.Done).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} pages not stored after the resume: " +
            string.Join("; ", after.Failed.Where(f => missing.Contains(f.Url)).Take(5).Select(f => $"{f.Url} failed: {f.Error}")) +
            $" (pending or unknown: {string.Join(", ", missing.Except(after.Failed.Select(f => f.Url)).Take(5))})");
        Assert.Equal(reference.Done, after.Done);
        var extra = after.Failed.ExceptBy(reference.Failed.Select(f => f.Url), f => f.Url).Select(f => $"{f.Url} {f.Status} {f.Error}");
        var lost = reference.Failed.ExceptBy(after.Failed.Select(f => f.Url), f => f.Url).Select(f => f.Url);
        Assert.True(reference.Failed.Count == after.Failed.Count, $"failed only after the resume: {string.Join("; ", extra)}; failed only in the reference: {string.Join("; ", lost)}");
        var differing = after.Failed.Except(reference.Failed).Where(f => !reference.Failed.Any(r => r.Url == f.Url && r.Status == f.Status));
        Assert.True(!differing.Any(), "failed differently after the resume: " + string.Join("; ", differing.Select(f => $"{f.Url} {f.Status} {f.Error}")));
        Assert.Equal(reference.Failed.Select(f => (f.Url, f.Status)), after.Failed.Select(f => (f.Url, f.Status)));
        Assert.Equal(reference.Statements, after.Statements);

        // Pages stored before the kill were not fetched again.
        List<string> requestsAfter;
        lock (site.Server.Requests)
        {
            requestsAfter = site.Server.Requests.Skip(requestsAtKill).ToList();
        }

        var refetched = before.Done.Select(u => "GET " + new Uri(u).AbsolutePath).Intersect(requestsAfter).ToList();
        Assert.True(refetched.Count == 0, $"{refetched.Count} stored pages fetched again, e.g. {string.Join(", ", refetched.Take(5))}");
    }

    private static async Task<long> WaitForDoneAsync(string dataDir, int target, Process crawl, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var db = Path.Combine(dataDir, "osint.db");
        while (clock.Elapsed < limit)
        {
            Assert.False(crawl.HasExited, $"the crawl ended (exit {(crawl.HasExited ? crawl.ExitCode : 0)}) before it could be killed");
            if (File.Exists(db))
            {
                try
                {
                    using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
                    c.Open();
                    using var cmd = c.CreateCommand();
                    cmd.CommandText = "SELECT count(*) FROM crawl_frontier WHERE state = 'done'";
                    var done = (long)cmd.ExecuteScalar()!;
                    if (done >= target)
                    {
                        return done;
                    }
                }
                catch (SqliteException)
                {
                    // The store is still being created by the child.
                }
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"fewer than {target} pages stored after {limit}");
    }

    /// <summary>What a crawl left in a store: pages stored, pages failed, and statements.</summary>
    private sealed record StoreState(
        List<string> Done, List<(string Url, int? Status, string Error)> Failed,
        List<(string Entity, string Schema, string Prop, string Value, string? SourceUrl, string? Sha256)> Statements)
    {
        public static StoreState Read(string dataDir)
        {
            using var c = new SqliteConnection($"Data Source={Path.Combine(dataDir, "osint.db")};Mode=ReadOnly;Pooling=False");
            c.Open();
            var done = Query(c, "SELECT url FROM crawl_frontier WHERE state = 'done' ORDER BY url", r => r.GetString(0));
            var failed = Query(c, "SELECT url, status, coalesce(error, '') FROM crawl_frontier WHERE state = 'failed' ORDER BY url",
                r => (r.GetString(0), r.IsDBNull(1) ? (int?)null : r.GetInt32(1), r.GetString(2)));
            var statements = Query(c, """
                SELECT entity_id, schema, prop, value, source_url, archive_sha256 FROM statements
                ORDER BY entity_id, prop, value
                """, r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
            return new StoreState(done, failed, statements);
        }

        private static List<T> Query<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> read)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            var list = new List<T>();
            while (r.Read())
            {
                list.Add(read(r));
            }

            return list;
        }
    }
}
