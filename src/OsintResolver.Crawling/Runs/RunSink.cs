using System.Diagnostics;
using OsintResolver.Crawling.Fetching;
using OsintResolver.Model.Entities;
using OsintResolver.Store.Crawl;
using OsintResolver.Store.Runs;

namespace OsintResolver.Crawling.Runs;

/// <summary>
/// The single writer of a run: statements, frontier updates, links, responses and validators go
/// through one lock into one SQLite transaction, committed every <see cref="CrawlerOptions.CommitInterval"/>.
/// Workers fetch and parse in parallel; only the short writes are serialised.
/// </summary>
internal sealed class RunSink : IFetchLog, IDisposable
{
    private readonly CrawlRunWriter _writer;
    private readonly CrawlStats _stats;
    private readonly TimeProvider _time;
    private readonly TimeSpan _commitInterval;
    private readonly HashSet<string> _entities;
    private readonly Lock _lock = new();
    private long _lastCommit = Stopwatch.GetTimestamp();
    private bool _disposed;

    public RunSink(CrawlRunWriter writer, CrawlStats stats, TimeProvider time, TimeSpan commitInterval, IReadOnlySet<string>? knownEntities = null)
    {
        _writer = writer;
        _stats = stats;
        _time = time;
        _commitInterval = commitInterval;
        _entities = knownEntities is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(knownEntities, StringComparer.Ordinal);
    }

    public Run Run => _writer.Run;

    public void Emit(Entity entity, Provenance? provenance)
    {
        lock (_lock)
        {
            WriteEntity(entity, provenance);
            MaybeCommit();
        }
    }

    public void Record(ResponseRecord response)
    {
        lock (_lock)
        {
            _writer.RecordResponse(response);
            MaybeCommit();
        }
    }

    public void SaveValidators(CachedValidators validators)
    {
        lock (_lock)
        {
            _writer.SaveValidators(validators);
            MaybeCommit();
        }
    }

    public void Enqueue(IReadOnlyCollection<(string Url, int Depth, string? From)> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            _writer.Enqueue(items, _time.GetUtcNow());
            MaybeCommit();
        }
    }

    /// <summary>A page's entities, its done mark, its links and the new frontier entries, in one transaction.</summary>
    public void CompletePage(string url, CrawlDocument document, IReadOnlyList<Entity> entities, IReadOnlyList<string> links,
        IReadOnlyCollection<(string Url, int Depth, string? From)> discovered)
    {
        lock (_lock)
        {
            foreach (var entity in entities)
            {
                WriteEntity(entity, document.Provenance);
            }

            var now = _time.GetUtcNow();
            if (discovered.Count > 0)
            {
                _writer.Enqueue(discovered, now);
            }

            _writer.Complete(url, document.Status, document.Sha256, document.Attempts, links, now);
            MaybeCommit();
        }
    }

    public void FailPage(string url, int? status, int attempts, string reason)
    {
        lock (_lock)
        {
            _writer.Fail(url, status, attempts, reason, _time.GetUtcNow());
            MaybeCommit();
        }
    }

    public void Flush()
    {
        lock (_lock)
        {
            _writer.Commit();
            _lastCommit = Stopwatch.GetTimestamp();
        }
    }

    private void WriteEntity(Entity entity, Provenance? provenance)
    {
        _writer.Write(entity, provenance);
        _stats.Entity(entity.Schema.Name, _entities.Add(entity.Id), entity.ValueCount);
    }

    private void MaybeCommit()
    {
        if (Stopwatch.GetElapsedTime(_lastCommit) >= _commitInterval)
        {
            _writer.Commit();
            _lastCommit = Stopwatch.GetTimestamp();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer.Dispose();
        }
    }
}
