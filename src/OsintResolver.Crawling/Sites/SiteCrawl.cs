using System.Threading.Channels;
using OsintResolver.Crawling.Fetching;
using OsintResolver.Crawling.Parsing;
using OsintResolver.Crawling.Runs;
using OsintResolver.Model.Entities;
using OsintResolver.Store.Crawl;

namespace OsintResolver.Crawling.Sites;

/// <summary>Limits of a site crawl.</summary>
public sealed record SiteCrawlOptions
{
    /// <summary>Stop discovering new pages past this many (null: no limit).</summary>
    public int? MaxPages { get; init; }

    /// <summary>Links deeper than this from a seed are not followed (null: no limit).</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Follow links only to the seeds' hosts.</summary>
    public bool SameHost { get; init; } = true;

    /// <summary>Pages in flight at once (null: the engine's <see cref="CrawlerOptions.Concurrency"/>).</summary>
    public int? Concurrency { get; init; }
}

/// <summary>How a site crawl ended: every page is either done or failed with a reason.</summary>
public sealed record SiteCrawlResult(long Done, long Failed, long Pending, bool Resumed);

/// <summary>One fetched page in a site crawl: emit entities from it and follow its links.</summary>
public sealed class PageContext
{
    private readonly List<Entity> _entities = [];
    private readonly List<Uri> _follow = [];
    private HtmlPage? _html;

    internal PageContext(CrawlContext crawl, CrawlDocument document, int depth)
    {
        Crawl = crawl;
        Document = document;
        Depth = depth;
    }

    public CrawlContext Crawl { get; }
    public CrawlDocument Document { get; }
    public int Depth { get; }

    internal IReadOnlyList<Entity> Entities => _entities;
    internal IReadOnlyList<Uri> Followed => _follow;

    public bool IsHtml => Document.ContentType is null || Document.ContentType.Contains("html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page's title and links (parsed once).</summary>
    public HtmlPage Html => _html ??= HtmlPage.Parse(Document.Text, Document.FinalUrl);

    /// <summary>Stores the entity with this page as its provenance, in the page's transaction.</summary>
    public void Emit(Entity entity)
    {
        if (Crawl.Validate(entity) is { } problem)
        {
            Crawl.Drop(entity.Id, problem);
            return;
        }

        _entities.Add(entity);
    }

    public void Follow(Uri url) => _follow.Add(HtmlPage.Normalize(url));

    public void Follow(IEnumerable<Uri> urls)
    {
        foreach (var url in urls)
        {
            Follow(url);
        }
    }
}

/// <summary>
/// The resumable frontier in action. Pending entries of the run are loaded (a resumed run
/// continues where it stopped), seeds are added, and workers fetch, parse and commit pages.
/// A page that cannot be fetched or parsed is marked failed with its reason; the crawl ends
/// when no page is pending.
/// </summary>
internal sealed class SiteCrawl(CrawlContext context, HttpFetcher fetcher, RunSink sink, CrawlStateStore state, SiteCrawlOptions options, CrawlerOptions engine)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();
    private readonly Channel<FrontierItem> _queue = Channel.CreateUnbounded<FrontierItem>();
    private readonly Dictionary<string, int> _deferrals = new(StringComparer.Ordinal);
    private long _outstanding;

    public async Task<SiteCrawlResult> RunAsync(IEnumerable<string> seeds, Func<PageContext, CancellationToken, Task> handler, CancellationToken ct)
    {
        var frontier = state.LoadFrontier(sink.Run.Id);
        var resumed = frontier.Count > 0;
        var pending = new List<FrontierItem>();
        long done = 0, failed = 0;
        foreach (var item in frontier)
        {
            _known.Add(item.Url);
            switch (item.State)
            {
                case FrontierState.Pending: pending.Add(item); break;
                case FrontierState.Done: done++; break;
                default: failed++; break;
            }
        }

        var newSeeds = new List<(string Url, int Depth, string? From)>();
        foreach (var seed in seeds)
        {
            var url = HtmlPage.Normalize(new Uri(seed));
            _hosts.Add(url.Host);
            if (_known.Add(url.AbsoluteUri))
            {
                newSeeds.Add((url.AbsoluteUri, 0, null));
                pending.Add(new FrontierItem(url.AbsoluteUri, 0, FrontierState.Pending, 0, null));
            }
        }

        sink.Enqueue(newSeeds);
        sink.Flush();
        context.Stats.Queued(_known.Count);
        for (var i = 0; i < done; i++)
        {
            context.Stats.PageDone();
        }

        _outstanding = pending.Count;
        if (pending.Count == 0)
        {
            return new SiteCrawlResult(done, failed, 0, resumed);
        }

        foreach (var item in pending)
        {
            _queue.Writer.TryWrite(item);
        }

        var workers = Enumerable.Range(0, options.Concurrency ?? engine.Concurrency)
            .Select(_ => Task.Run(() => WorkAsync(handler, ct), ct)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        sink.Flush();
        var counts = state.CountFrontier(sink.Run.Id);
        return new SiteCrawlResult(counts.Done, counts.Failed, counts.Pending, resumed);
    }

    private async Task WorkAsync(Func<PageContext, CancellationToken, Task> handler, CancellationToken ct)
    {
        await foreach (var item in _queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            try
            {
                await ProcessAsync(item, handler, ct).ConfigureAwait(false);
            }
            finally
            {
                if (Interlocked.Decrement(ref _outstanding) == 0)
                {
                    _queue.Writer.TryComplete();
                }
            }
        }
    }

    /// <summary>
    /// Sets a page aside while its host's circuit is open and queues it again after the break.
    /// It stays pending in the frontier meanwhile, so an interrupted run resumes it too.
    /// </summary>
    private bool Defer(FrontierItem item, CancellationToken ct)
    {
        lock (_lock)
        {
            var deferred = _deferrals.GetValueOrDefault(item.Url);
            if (deferred >= engine.MaxBreakerDeferrals)
            {
                return false;
            }

            _deferrals[item.Url] = deferred + 1;
        }

        // Counted before this item's own decrement, so the queue cannot complete meanwhile.
        Interlocked.Increment(ref _outstanding);
        _ = RequeueAfterBreakAsync(item, ct);
        return true;
    }

    private async Task RequeueAfterBreakAsync(FrontierItem item, CancellationToken ct)
    {
        try
        {
            context.Stats.Deferred();
            await Task.Delay(engine.BreakerBreakDuration, context.Time, ct).ConfigureAwait(false);
            _queue.Writer.TryWrite(item);
        }
        catch (OperationCanceledException)
        {
            // The run is stopping; the page is still pending in the frontier.
        }
    }

    private async Task ProcessAsync(FrontierItem item, Func<PageContext, CancellationToken, Task> handler, CancellationToken ct)
    {
        CrawlDocument document;
        try
        {
            document = await fetcher.FetchAsync(new Uri(item.Url), ct).ConfigureAwait(false);
        }
        catch (FetchFailedException ex) when (ex.FailureKind == FetchFailureKind.CircuitOpen && Defer(item, ct))
        {
            return;
        }
        catch (FetchFailedException ex)
        {
            sink.FailPage(item.Url, ex.Status, ex.Attempts, ex.Reason);
            context.Stats.PageFailed(item.Url, ex.FailureKind.ToString(), ex.Reason);
            return;
        }

        var page = new PageContext(context, document, item.Depth);
        try
        {
            await handler(page, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = $"parse error: {ex.GetType().Name}: {ex.Message}";
            sink.FailPage(item.Url, document.Status, document.Attempts, reason);
            context.Stats.PageFailed(item.Url, "Parse", reason);
            return;
        }

        var links = new List<string>(page.Followed.Count);
        var discovered = new List<(string Url, int Depth, string? From)>();
        var depth = item.Depth + 1;
        lock (_lock)
        {
            foreach (var link in page.Followed)
            {
                var url = link.AbsoluteUri;
                links.Add(url);
                if ((options.MaxDepth is { } maxDepth && depth > maxDepth) ||
                    (options.SameHost && !_hosts.Contains(link.Host)) ||
                    (options.MaxPages is { } maxPages && _known.Count >= maxPages))
                {
                    continue;
                }

                if (_known.Add(url))
                {
                    discovered.Add((url, depth, item.Url));
                }
            }
        }

        sink.CompletePage(item.Url, document, page.Entities, links, discovered);
        context.Stats.PageDone();
        if (discovered.Count == 0)
        {
            return;
        }

        context.Stats.Queued(discovered.Count);
        Interlocked.Add(ref _outstanding, discovered.Count);
        foreach (var (url, d, from) in discovered)
        {
            _queue.Writer.TryWrite(new FrontierItem(url, d, FrontierState.Pending, 0, from));
        }
    }
}
