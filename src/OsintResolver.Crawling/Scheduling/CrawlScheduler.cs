using Cronos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;

namespace OsintResolver.Crawling.Scheduling;

/// <summary>When a source runs next.</summary>
public sealed record ScheduledSource(string Source, string Cron, DateTimeOffset NextRun, bool Running, bool Paused = false);

/// <summary>Something the scheduler did, for display and logs.</summary>
public sealed record SchedulerEvent(DateTimeOffset At, string Source, string What, CrawlResult? Result = null, string? Error = null);

/// <summary>
/// Runs every source on the cron in its <c>source.yml</c> (UTC), plus a random jitter up to the
/// source's <c>schedule.jitter</c>. A source never runs twice at once (here, and across processes
/// through the source lock); a failing source is logged and rescheduled without touching others.
/// A paused source (an admin's decision, kept in the store) skips its due runs until resumed.
/// </summary>
public sealed class CrawlScheduler
{
    private readonly CrawlRunner _runner;
    private readonly IReadOnlyList<SourceDefinition> _sources;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly ILogger _log;
    private readonly Func<SourceDefinition, CrawlRequest> _request;
    private readonly Func<IReadOnlySet<string>> _paused;
    private readonly Dictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _wake = new(0);

    public CrawlScheduler(CrawlRunner runner, IEnumerable<SourceDefinition> sources, TimeProvider? time = null, Random? random = null,
        ILogger? log = null, Func<SourceDefinition, CrawlRequest>? request = null, Func<IReadOnlySet<string>>? paused = null)
    {
        _runner = runner;
        _sources = sources.Where(s => s.Schedule?.Cron is not null).ToList();
        _time = time ?? TimeProvider.System;
        _random = random ?? new Random();
        _log = log ?? NullLogger.Instance;
        _request = request ?? (s => new CrawlRequest { Source = s.Name });
        _paused = paused ?? (() => new HashSet<string>());
    }

    /// <summary>The next run of every scheduled source, soonest first.</summary>
    public IReadOnlyList<ScheduledSource> Plan()
    {
        var now = _time.GetUtcNow();
        var paused = _paused();
        lock (_lock)
        {
            foreach (var source in _sources)
            {
                if (!_next.ContainsKey(source.Name))
                {
                    _next[source.Name] = NextAfter(source, now);
                }
            }

            return _sources.Select(s => new ScheduledSource(s.Name, s.Schedule!.Cron!, _next[s.Name], _running.Contains(s.Name), paused.Contains(s.Name)))
                .OrderBy(s => s.NextRun).ToList();
        }
    }

    /// <summary>The next cron occurrence after a time, plus jitter.</summary>
    public DateTimeOffset NextAfter(SourceDefinition source, DateTimeOffset after)
    {
        var cron = CronExpression.Parse(source.Schedule!.Cron!);
        var next = cron.GetNextOccurrence(after, TimeZoneInfo.Utc) ?? DateTimeOffset.MaxValue;
        var jitter = source.Jitter;
        if (jitter > TimeSpan.Zero && next != DateTimeOffset.MaxValue)
        {
            lock (_lock)
            {
                next += TimeSpan.FromMilliseconds(_random.NextDouble() * jitter.TotalMilliseconds);
            }
        }

        return next;
    }

    /// <summary>Runs until cancelled, starting each source when it is due.</summary>
    public async Task RunAsync(Action<SchedulerEvent>? onEvent, CancellationToken ct)
    {
        var tasks = new List<Task>();
        Plan();
        while (!ct.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            DateTimeOffset soonest = DateTimeOffset.MaxValue;
            var paused = _paused();
            lock (_lock)
            {
                foreach (var source in _sources)
                {
                    if (_running.Contains(source.Name))
                    {
                        continue;
                    }

                    if (_next[source.Name] <= now && paused.Contains(source.Name))
                    {
                        // Skipped, not postponed: resuming must not fire a burst of missed runs.
                        _next[source.Name] = NextAfter(source, now);
                        onEvent?.Invoke(new SchedulerEvent(now, source.Name, "skipped (paused)"));
                    }

                    if (_next[source.Name] <= now)
                    {
                        _running.Add(source.Name);
                        tasks.Add(RunSourceAsync(source, onEvent, ct));
                    }
                    else if (_next[source.Name] < soonest)
                    {
                        soonest = _next[source.Name];
                    }
                }
            }

            tasks.RemoveAll(t => t.IsCompleted);
            var wait = soonest == DateTimeOffset.MaxValue ? TimeSpan.FromMinutes(1) : soonest - now;
            if (wait > TimeSpan.FromMinutes(1))
            {
                wait = TimeSpan.FromMinutes(1);
            }

            try
            {
                // Wakes when the next source is due (on the injected clock) or when a run finishes.
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var delay = Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, _time, timeout.Token);
                await Task.WhenAny(delay, _wake.WaitAsync(timeout.Token)).ConfigureAwait(false);
                await timeout.CancelAsync().ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
    }

    /// <summary>Runs every scheduled source once now, one after another; returns what happened to each.</summary>
    public async Task<IReadOnlyList<SchedulerEvent>> RunOnceAsync(Action<SchedulerEvent>? onEvent, CancellationToken ct)
    {
        var events = new List<SchedulerEvent>();
        var paused = _paused();
        foreach (var source in _sources)
        {
            if (paused.Contains(source.Name))
            {
                var skipped = new SchedulerEvent(_time.GetUtcNow(), source.Name, "skipped (paused)");
                onEvent?.Invoke(skipped);
                events.Add(skipped);
                continue;
            }

            lock (_lock)
            {
                _running.Add(source.Name);
            }

            events.Add(await RunSourceAsync(source, onEvent, ct).ConfigureAwait(false));
        }

        return events;
    }

    private async Task<SchedulerEvent> RunSourceAsync(SourceDefinition source, Action<SchedulerEvent>? onEvent, CancellationToken ct)
    {
        onEvent?.Invoke(new SchedulerEvent(_time.GetUtcNow(), source.Name, "started"));
        SchedulerEvent done;
        try
        {
            var result = await _runner.RunAsync(_request(source), null, ct).ConfigureAwait(false);
            done = new SchedulerEvent(_time.GetUtcNow(), source.Name, result.Succeeded ? "succeeded" : "failed", result, result.Run.Error);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            done = new SchedulerEvent(_time.GetUtcNow(), source.Name, "interrupted");
        }
        catch (Exception ex)
        {
            // One source failing (even a lock held by a manual crawl) never stops the others.
            _log.LogError(ex, "scheduled crawl of {Source} failed", source.Name);
            done = new SchedulerEvent(_time.GetUtcNow(), source.Name, "failed", null, ex.Message);
        }

        lock (_lock)
        {
            _running.Remove(source.Name);
            _next[source.Name] = NextAfter(source, _time.GetUtcNow());
        }

        _wake.Release();
        onEvent?.Invoke(done);
        return done;
    }
}
