using Microsoft.Extensions.Logging.Abstractions;
using OsintResolver.Crawling.Archive;
using OsintResolver.Crawling.Fetching;
using OsintResolver.Crawling.Runs;
using OsintResolver.Store;
using OsintResolver.Store.Crawl;

namespace OsintResolver.Crawling.Tests.Support;

/// <summary>A fetcher over a temporary store and archive, with fast retries for tests.</summary>
internal sealed class EngineHarness : IDisposable
{
    private readonly TempDirectory _dir = new("osint-engine");

    public EngineHarness(Action<CrawlerOptions>? configure = null)
    {
        Options = new CrawlerOptions
        {
            AllowPrivateNetwork = true,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            PerHostDelay = TimeSpan.Zero,
            AttemptTimeout = TimeSpan.FromSeconds(5),
            RandomSeed = 1,
        };
        configure?.Invoke(Options);
        Store = EntityStore.Open(_dir.Path);
        State = new CrawlStateStore(Store);
        Archive = new ContentArchive(_dir.Path);
        Fetcher = new HttpFetcher(Options, Archive, State, Stats, TimeProvider.System, NullLogger.Instance);
    }

    public CrawlerOptions Options { get; }
    public EntityStore Store { get; }
    public CrawlStateStore State { get; }
    public ContentArchive Archive { get; }
    public CrawlStats Stats { get; } = new();
    public HttpFetcher Fetcher { get; }
    public string DataDir => _dir.Path;

    public Task<CrawlDocument> FetchAsync(string url) => Fetcher.FetchAsync(new Uri(url), CancellationToken.None);

    public void Dispose()
    {
        Fetcher.Dispose();
        _dir.Dispose();
    }
}
