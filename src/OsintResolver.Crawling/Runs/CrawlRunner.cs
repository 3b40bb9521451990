using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OsintResolver.Crawling.Archive;
using OsintResolver.Crawling.Fetching;
using OsintResolver.Crawling.Rendering;
using OsintResolver.Crawling.Sources;
using OsintResolver.Model.Errors;
using OsintResolver.Store;
using OsintResolver.Store.Crawl;
using OsintResolver.Store.Runs;

namespace OsintResolver.Crawling.Runs;

/// <summary>What to crawl, with overrides.</summary>
public sealed record CrawlRequest
{
    /// <summary>A source name from the catalogue, or the path of a <c>source.yml</c>.</summary>
    public required string Source { get; init; }

    /// <summary><c>KEY=URL</c> overrides, or one bare URL for a source with one URL.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>Overrides of the source's options.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Overrides <see cref="CrawlerOptions.AllowPrivateNetwork"/> for this run.</summary>
    public bool? AllowPrivateNetwork { get; init; }

    /// <summary>Skip the source's assertions (a partial mirror or a fixture); the run still records its counts.</summary>
    public bool SkipAssertions { get; init; }

    /// <summary>Continue an unfinished run of the source (after a crash) instead of abandoning it.</summary>
    public bool Resume { get; init; } = true;
}

/// <summary>How a run ended.</summary>
public sealed record CrawlResult(Run Run, CrawlStats.Snapshot Stats, bool Resumed, IReadOnlyList<string> AssertionFailures)
{
    public bool Succeeded => Run.State == RunState.Succeeded;
}

/// <summary>
/// Runs one crawl of one source: takes the source lock, starts or resumes a staged run, runs the
/// crawler with a context wired to the fetch pipeline and the run's writer, saves live stats,
/// checks the source's assertions, and then promotes the run's statements (success) or discards
/// them (failure), so a bad run never replaces the last good data. A run interrupted by
/// cancellation or a crash stays "running" and is resumed by the next crawl of the source.
/// </summary>
public sealed class CrawlRunner
{
    private readonly EntityStore _store;
    private readonly CrawlStateStore _state;
    private readonly SourceCatalog _catalog;
    private readonly CrawlerOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly IPageRenderer? _renderer;
    private readonly ContentArchive _archive;

    public CrawlRunner(EntityStore store, SourceCatalog catalog, CrawlerOptions options, ILoggerFactory? loggers = null,
        TimeProvider? time = null, IPageRenderer? renderer = null)
    {
        _store = store;
        _state = new CrawlStateStore(store);
        _catalog = catalog;
        _options = Model.Errors.OptionsValidation.Validate(options, "crawler options");
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _time = time ?? store.Time;
        _renderer = renderer;
        _archive = new ContentArchive(store.DataDir);
    }

    public SourceCatalog Catalog => _catalog;
    public CrawlStateStore State => _state;
    public ContentArchive Archive => _archive;

    /// <summary>The source a request names, with its URL and option overrides applied.</summary>
    public SourceDefinition Resolve(CrawlRequest request)
    {
        var source = _catalog.Get(request.Source);
        return source.WithOverrides(UrlOverrides.Resolve(source, request.Urls), request.Options);
    }

    public async Task<CrawlResult> RunAsync(CrawlRequest request, IProgress<CrawlStats>? progress = null, CancellationToken ct = default)
    {
        var source = Resolve(request);
        if (source.Render == RenderMode.Browser && _renderer is null)
        {
            throw new InvalidInputException($"source {source.Name} needs browser rendering (render: browser), which this host does not provide");
        }

        using var sourceLock = SourceLock.Acquire(_store.DataDir, source.Name);
        var log = _loggers.CreateLogger("crawl." + source.Name);
        var run = _store.FindUnfinishedRun(source.Name, RunKind.Crawl);
        var resumed = false;
        if (run is not null && request.Resume)
        {
            resumed = true;
            log.LogInformation("resuming run {Run} of {Source}, started {Started:u}", run.Id, source.Name, run.StartedAt);
        }
        else
        {
            if (run is not null)
            {
                _store.FailRun(run, "abandoned: a new run was started without resuming it");
            }

            run = _store.BeginRun(source.Name, RunKind.Crawl, WriteMode.Staged, snapshot: true, source: source.Origin);
        }

        var stats = new CrawlStats();
        IReadOnlySet<string>? known = null;
        if (resumed)
        {
            known = _state.ListRunEntityIds(run);
            stats.SeedEntities(_state.CountRunEntities(run));
        }

        var options = _options.Clone();
        if (request.AllowPrivateNetwork is { } allow)
        {
            options.AllowPrivateNetwork = allow;
        }

        using var sink = new RunSink(_state.OpenWriter(run), stats, _time, options.CommitInterval, known);
        using var fetcher = new HttpFetcher(options, _archive, _state, stats, _time, log, new FetchScope
        {
            RunId = run.Id,
            Source = source.Name,
            Log = sink,
            RunResponses = resumed ? _state.LoadRunResponses(run.Id) : null,
            PerHostConcurrency = source.Politeness?.Concurrency is { } c ? Math.Min(c, options.PerHostConcurrency) : null,
            HostDelay = source.PolitenessDelay,
            Render = source.Render == RenderMode.Browser,
        }, _renderer);
        var context = new CrawlContext(source, fetcher, sink, _state, stats, options, log, _time);
        var crawler = _catalog.CreateCrawler(source);

        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = HeartbeatAsync(run, stats, progress, options.StatsInterval, heartbeatStop.Token);
        string? error = null;
        try
        {
            await crawler.CrawlAsync(context, ct).ConfigureAwait(false);
            // Writes are queued: one that failed after the crawler's last call fails the run here.
            sink.Flush();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            sink.FlushUnlessFaulted();
            await StopAsync(heartbeatStop, heartbeat).ConfigureAwait(false);
            _store.UpdateRunStats(run, stats.ToJson());
            log.LogWarning("run {Run} of {Source} interrupted; crawl the source again to resume it", run.Id, source.Name);
            throw;
        }
        catch (OsintException ex)
        {
            error = ex.Message;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A crawler bug fails its run (with the stack in the log), never the scheduler.
            log.LogError(ex, "crawler {Source} crashed", source.Name);
            error = $"crawler crashed: {ex.GetType().Name}: {ex.Message}";
        }

        sink.FlushUnlessFaulted();
        await StopAsync(heartbeatStop, heartbeat).ConfigureAwait(false);
        progress?.Report(stats);

        var failures = error is null && !request.SkipAssertions ? CheckAssertions(source, run, stats) : [];
        var snapshot = stats.ToSnapshot() with { AssertionFailures = failures };
        var json = System.Text.Json.JsonSerializer.Serialize(snapshot, CrawlStats.Json);
        sink.Dispose();
        Run final;
        if (error is not null)
        {
            final = _store.FailRun(run, error, json);
        }
        else if (failures.Count > 0)
        {
            final = _store.FailRun(run, "assertions failed: " + string.Join("; ", failures), json);
        }
        else
        {
            final = _store.CompleteRun(run, json);
        }

        log.LogInformation("run {Run} of {Source} {State}: {Summary}", final.Id, source.Name, final.State, stats.Summary());
        return new CrawlResult(final, snapshot, resumed, failures);
    }

    private List<string> CheckAssertions(SourceDefinition source, Run run, CrawlStats stats)
    {
        var failures = new List<string>();
        var counts = _state.CountRunEntities(run);
        long CountOf(string schema) => counts.Where(c => _store.Model.TryGet(c.Key, out var s) && s.IsA(_store.Model.Get(schema))).Sum(c => c.Value);

        foreach (var (schema, min) in source.Assertions.Min)
        {
            var n = CountOf(schema);
            if (n < min)
            {
                failures.Add($"{schema}: {n:N0} entities, expected at least {min:N0}");
            }
        }

        foreach (var (schema, max) in source.Assertions.Max)
        {
            var n = CountOf(schema);
            if (n > max)
            {
                failures.Add($"{schema}: {n:N0} entities, expected at most {max:N0}");
            }
        }

        if (source.Assertions.MaxFailedPages is { } maxFailed)
        {
            var failed = _state.CountFrontier(run.Id).Failed;
            if (failed > maxFailed)
            {
                failures.Add($"{failed:N0} pages failed, expected at most {maxFailed:N0}");
            }
        }

        return failures;
    }

    private async Task HeartbeatAsync(Run run, CrawlStats stats, IProgress<CrawlStats>? progress, TimeSpan interval, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                _store.UpdateRunStats(run, stats.ToJson());
                progress?.Report(stats);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task heartbeat)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await heartbeat.ConfigureAwait(false);
    }
}
