using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OsintResolver.Crawling.Runs;

/// <summary>
/// Live counters of one crawl run: requests, bytes, status codes, retries, cache use, pages,
/// entities per schema, warnings and unused source fields. Thread-safe; saved to the run as JSON
/// every few seconds and shown by the CLI as progress.
/// </summary>
public sealed class CrawlStats
{
    /// <summary>How many warning and failure messages are kept verbatim (all are counted).</summary>
    public const int MaxSamples = 50;

    private readonly ConcurrentDictionary<int, long> _statuses = new();
    private readonly ConcurrentDictionary<string, long> _schemata = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _unused = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _failureKinds = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _warnings = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private long _requests, _responses, _bytes, _retries, _deferrals, _notModified, _reused, _robotsDenied, _refused;
    private long _pagesDone, _pagesFailed, _pagesQueued, _entities, _statements, _warningCount, _dropped, _invalidValues;

    public long Requests => Interlocked.Read(ref _requests);
    public long Bytes => Interlocked.Read(ref _bytes);
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Pages set aside while their host's circuit breaker was open, then queued again.</summary>
    public long BreakerDeferrals => Interlocked.Read(ref _deferrals);
    public long NotModified => Interlocked.Read(ref _notModified);
    public long ReusedFromRun => Interlocked.Read(ref _reused);
    public long PagesDone => Interlocked.Read(ref _pagesDone);
    public long PagesFailed => Interlocked.Read(ref _pagesFailed);
    public long PagesQueued => Interlocked.Read(ref _pagesQueued);
    public long Entities => Interlocked.Read(ref _entities);
    public long Statements => Interlocked.Read(ref _statements);
    public long Warnings => Interlocked.Read(ref _warningCount);
    public long Dropped => Interlocked.Read(ref _dropped);
    public long InvalidValues => Interlocked.Read(ref _invalidValues);
    public IReadOnlyDictionary<int, long> Statuses => _statuses;
    public IReadOnlyDictionary<string, long> EntitiesBySchema => _schemata;
    public IReadOnlyDictionary<string, long> UnusedFields => _unused;
    public IReadOnlyCollection<string> WarningSamples => _warnings;
    public IReadOnlyCollection<string> FailureSamples => _failures;

    internal void Attempt() => Interlocked.Increment(ref _requests);
    internal void Retry() => Interlocked.Increment(ref _retries);
    internal void Deferred() => Interlocked.Increment(ref _deferrals);

    internal void Response(int status, long bytes)
    {
        Interlocked.Increment(ref _responses);
        Interlocked.Add(ref _bytes, bytes);
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
    }

    internal void NotModifiedHit() => Interlocked.Increment(ref _notModified);
    internal void ReusedHit() => Interlocked.Increment(ref _reused);
    internal void RobotsDenied() => Interlocked.Increment(ref _robotsDenied);
    internal void Refused() => Interlocked.Increment(ref _refused);
    internal void Queued(long n = 1) => Interlocked.Add(ref _pagesQueued, n);
    internal void PageDone() => Interlocked.Increment(ref _pagesDone);

    internal void PageFailed(string url, string kind, string reason)
    {
        Interlocked.Increment(ref _pagesFailed);
        _failureKinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
        Sample(_failures, $"{url}: {reason}");
    }

    internal void Entity(string schema, bool isNew, long statements)
    {
        Interlocked.Add(ref _statements, statements);
        if (isNew)
        {
            Interlocked.Increment(ref _entities);
            _schemata.AddOrUpdate(schema, 1, (_, n) => n + 1);
        }
    }

    /// <summary>Seeds the entity counts of a resumed run with what it had already stored.</summary>
    internal void SeedEntities(IReadOnlyDictionary<string, long> bySchema)
    {
        foreach (var (schema, count) in bySchema)
        {
            _schemata[schema] = count;
            Interlocked.Add(ref _entities, count);
        }
    }

    internal void Warning(string message)
    {
        Interlocked.Increment(ref _warningCount);
        Sample(_warnings, message);
    }

    internal void Drop(string message)
    {
        Interlocked.Increment(ref _dropped);
        Warning(message);
    }

    internal void InvalidValue(string message)
    {
        Interlocked.Increment(ref _invalidValues);
        Warning(message);
    }

    internal bool Unused(string field) => _unused.AddOrUpdate(field, 1, (_, n) => n + 1) == 1;

    private static void Sample(ConcurrentQueue<string> queue, string message)
    {
        if (queue.Count < MaxSamples)
        {
            queue.Enqueue(message);
        }
    }

    /// <summary>A one-line summary for progress displays.</summary>
    public string Summary()
    {
        var statuses = string.Join(" ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value:N0}"));
        var schemata = string.Join(" ", _schemata.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}:{s.Value:N0}"));
        return $"{Requests:N0} req, {Bytes / 1024.0 / 1024.0:F1} MiB, {Retries:N0} retries [{statuses}] " +
               $"pages {PagesDone:N0}/{PagesQueued:N0} ({PagesFailed:N0} failed), entities {Entities:N0} [{schemata}], {Warnings:N0} warnings";
    }

    public Snapshot ToSnapshot() => new()
    {
        Requests = Requests,
        Responses = Interlocked.Read(ref _responses),
        Bytes = Bytes,
        Retries = Retries,
        BreakerDeferrals = BreakerDeferrals,
        NotModified = NotModified,
        ReusedFromRun = ReusedFromRun,
        RobotsDenied = Interlocked.Read(ref _robotsDenied),
        RefusedPrivateNetwork = Interlocked.Read(ref _refused),
        Statuses = _statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Value),
        PagesQueued = PagesQueued,
        PagesDone = PagesDone,
        PagesFailed = PagesFailed,
        FailureKinds = _failureKinds.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(),
        Entities = Entities,
        Statements = Statements,
        EntitiesBySchema = _schemata.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(),
        Warnings = Warnings,
        Dropped = Dropped,
        InvalidValues = InvalidValues,
        UnusedFields = _unused.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(),
        WarningSamples = [.. _warnings],
        FailureSamples = [.. _failures],
    };

    public string ToJson() => JsonSerializer.Serialize(ToSnapshot(), Json);

    public static Snapshot? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<Snapshot>(json, Json);

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The stats of a run as saved in the store.</summary>
    public sealed record Snapshot
    {
        public long Requests { get; init; }
        public long Responses { get; init; }
        public long Bytes { get; init; }
        public long Retries { get; init; }
        public long BreakerDeferrals { get; init; }
        public long NotModified { get; init; }
        public long ReusedFromRun { get; init; }
        public long RobotsDenied { get; init; }
        public long RefusedPrivateNetwork { get; init; }
        public Dictionary<string, long> Statuses { get; init; } = [];
        public long PagesQueued { get; init; }
        public long PagesDone { get; init; }
        public long PagesFailed { get; init; }
        public Dictionary<string, long> FailureKinds { get; init; } = [];
        public long Entities { get; init; }
        public long Statements { get; init; }
        public Dictionary<string, long> EntitiesBySchema { get; init; } = [];
        public long Warnings { get; init; }
        public long Dropped { get; init; }
        public long InvalidValues { get; init; }
        public Dictionary<string, long> UnusedFields { get; init; } = [];
        public List<string> WarningSamples { get; init; } = [];
        public List<string> FailureSamples { get; init; } = [];
        public List<string> AssertionFailures { get; init; } = [];
    }
}
