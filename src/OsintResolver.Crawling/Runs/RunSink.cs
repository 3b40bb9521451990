using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using OsintResolver.Crawling.Fetching;
using OsintResolver.Model.Entities;
using OsintResolver.Store.Crawl;
using OsintResolver.Store.Runs;

namespace OsintResolver.Crawling.Runs;

/// <summary>
/// The single writer of a run: statements, frontier updates, links, responses and validators are
/// queued in order to one writer task that applies them to one SQLite transaction, committed
/// every <see cref="CrawlerOptions.CommitInterval"/> (a group commit of many pages). Workers hand
/// their writes over and go on fetching: a lock held across the SQLite calls had the other
/// workers spinning for it, which on a few cores cost more CPU than the writes themselves.
/// Order is kept (a page's statements before its done mark, a response before its page), so a
/// crash loses at most the uncommitted tail, which a resumed run fetches again.
/// </summary>
internal sealed class RunSink : IFetchLog, IDisposable
{
    // Bounded, so a writer slower than the fetchers slows them down instead of buffering a crawl in memory.
    private const int QueueCapacity = 4096;

    private readonly CrawlRunWriter _writer;
    private readonly CrawlStats _stats;
    private readonly TimeProvider _time;
    private readonly TimeSpan _commitInterval;
    private readonly HashSet<string> _entities;
    private readonly Channel<Action> _queue = Channel.CreateBounded<Action>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });
    private readonly Task _consumer;
    private readonly Lock _disposeLock = new();
    private long _lastCommit = Stopwatch.GetTimestamp();
    private volatile ExceptionDispatchInfo? _fault;
    private bool _disposed;

    public RunSink(CrawlRunWriter writer, CrawlStats stats, TimeProvider time, TimeSpan commitInterval, IReadOnlySet<string>? knownEntities = null)
    {
        _writer = writer;
        _stats = stats;
        _time = time;
        _commitInterval = commitInterval;
        _entities = knownEntities is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(knownEntities, StringComparer.Ordinal);
        _consumer = Task.Run(ConsumeAsync);
    }

    public Run Run => _writer.Run;

    public void Emit(Entity entity, Provenance? provenance)
    {
        // A crawler may go on changing its entity after emitting it; the write sees it as emitted.
        var snapshot = Snapshot(entity);
        Post(() =>
        {
            WriteEntity(snapshot, provenance);
            MaybeCommit();
        });
    }

    public void Record(ResponseRecord response) => Post(() =>
    {
        _writer.RecordResponse(response);
        MaybeCommit();
    });

    public void SaveValidators(CachedValidators validators) => Post(() =>
    {
        _writer.SaveValidators(validators);
        MaybeCommit();
    });

    public void Enqueue(IReadOnlyCollection<(string Url, int Depth, string? From)> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        Post(() =>
        {
            _writer.Enqueue(items, now);
            MaybeCommit();
        });
    }

    /// <summary>A page's entities, its done mark, its links and the new frontier entries, in one transaction.</summary>
    public void CompletePage(string url, CrawlDocument document, IReadOnlyList<Entity> entities, IReadOnlyList<string> links,
        IReadOnlyCollection<(string Url, int Depth, string? From)> discovered)
    {
        var now = _time.GetUtcNow();
        Post(() =>
        {
            foreach (var entity in entities)
            {
                WriteEntity(entity, document.Provenance);
            }

            if (discovered.Count > 0)
            {
                _writer.Enqueue(discovered, now);
            }

            _writer.Complete(url, document.Status, document.Sha256, document.Attempts, links, now);
            MaybeCommit();
        });
    }

    public void FailPage(string url, int? status, int attempts, string reason)
    {
        var now = _time.GetUtcNow();
        Post(() =>
        {
            _writer.Fail(url, status, attempts, reason, now);
            MaybeCommit();
        });
    }

    /// <summary>Waits until everything queued so far is written and committed; rethrows a write that failed.</summary>
    public void Flush()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            _writer.Commit();
            _lastCommit = Stopwatch.GetTimestamp();
            done.TrySetResult();
        });
        // A failed write makes the writer skip the rest of the queue, this barrier included.
        while (!done.Task.Wait(TimeSpan.FromMilliseconds(50)) && _fault is null && !_consumer.IsCompleted)
        {
        }

        _fault?.Throw();
    }

    /// <summary>Commits what is queued; after a failed write (already reported) there is nothing more to commit.</summary>
    public void FlushUnlessFaulted()
    {
        if (_fault is null)
        {
            Flush();
        }
    }

    private void Post(Action write)
    {
        _fault?.Throw();
        if (!_queue.Writer.TryWrite(write))
        {
            _queue.Writer.WriteAsync(write).AsTask().GetAwaiter().GetResult();
        }
    }

    private async Task ConsumeAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var write))
            {
                if (_fault is not null)
                {
                    // After a failed write nothing more is applied: a later done mark must not commit without what came before it.
                    continue;
                }

                try
                {
                    write();
                }
                catch (Exception ex)
                {
                    _fault = ExceptionDispatchInfo.Capture(ex);
                }
            }
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

    private static Entity Snapshot(Entity entity)
    {
        var copy = new Entity(entity.Schema, entity.Id);
        foreach (var (property, value) in entity.Items())
        {
            copy.AddClean(property.Name, value);
        }

        return copy;
    }

    public void Dispose()
    {
        lock (_disposeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _queue.Writer.TryComplete();
        _consumer.GetAwaiter().GetResult();
        _writer.Dispose();
    }
}
