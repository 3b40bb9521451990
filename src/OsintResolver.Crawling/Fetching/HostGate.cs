namespace OsintResolver.Crawling.Fetching;

/// <summary>
/// Politeness for one host: at most N requests in flight, and request starts spaced by at least
/// the host's delay (the configured delay or robots.txt Crawl-delay, whichever is longer).
/// Waiters are served in arrival order.
/// </summary>
internal sealed class HostGate
{
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _spacing = new(1, 1);
    private readonly TimeProvider _time;
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    public HostGate(int concurrency, TimeSpan delay, TimeProvider time)
    {
        _slots = new SemaphoreSlim(concurrency, concurrency);
        Delay = delay;
        _time = time;
        Concurrency = concurrency;
    }

    public int Concurrency { get; }
    public TimeSpan Delay { get; set; }

    /// <summary>Waits for a slot and for the spacing; dispose the result when the request is done.</summary>
    public async ValueTask<Lease> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await _spacing.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    var now = _time.GetUtcNow();
                    if (_nextStart > now)
                    {
                        await Task.Delay(_nextStart - now, _time, ct).ConfigureAwait(false);
                        now = _time.GetUtcNow();
                    }

                    _nextStart = now + Delay;
                }
                finally
                {
                    _spacing.Release();
                }
            }
        }
        catch
        {
            _slots.Release();
            throw;
        }

        return new Lease(_slots);
    }

    internal readonly struct Lease(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
