using OsintResolver.Crawling;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;
using OsintResolver.Model.Entities;
using OsintResolver.Store;
using OsintResolver.Testing.Http;

namespace OsintResolver.Crawlers.Tests.Support;

/// <summary>A temporary data folder with a store and a crawl runner over the real crawler catalogue.</summary>
internal sealed class CrawlHarness : IDisposable
{
    private readonly TempDirectory _dir = new("osint-crawlers");

    public CrawlHarness()
    {
        Store = EntityStore.Open(_dir.Path);
        Runner = new CrawlRunner(Store, Catalog, new CrawlerOptions
        {
            AllowPrivateNetwork = true,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            PerHostDelay = TimeSpan.Zero,
            StatsInterval = TimeSpan.FromMilliseconds(200),
            RandomSeed = 7,
        });
    }

    public static SourceCatalog Catalog => CrawlerCatalog.Load();

    public EntityStore Store { get; }
    public CrawlRunner Runner { get; }
    public string DataDir => _dir.Path;

    public static string Fixture(string source, string file) => RepositoryRoot.Combine("crawlers", source, "fixtures", file);

    /// <summary>Serves the files over loopback HTTP and crawls the source with its URLs pointed at them.</summary>
    public async Task<CrawlResult> CrawlAsync(string source, IReadOnlyDictionary<string, string> urlFiles,
        IReadOnlyDictionary<string, string>? options = null, bool skipAssertions = true)
    {
        await using var server = await Serve(urlFiles);
        return await CrawlAsync(server, source, urlFiles, options, skipAssertions);
    }

    public static Task<LoopbackServer> Serve(IReadOnlyDictionary<string, string> urlFiles) =>
        LoopbackServer.ServeFilesAsync(urlFiles.ToDictionary(kv => "/" + Path.GetFileName(kv.Value), kv => kv.Value));

    public async Task<CrawlResult> CrawlAsync(LoopbackServer server, string source, IReadOnlyDictionary<string, string> urlFiles,
        IReadOnlyDictionary<string, string>? options = null, bool skipAssertions = true)
    {
        var result = await Runner.RunAsync(new CrawlRequest
        {
            Source = source,
            Urls = urlFiles.Select(kv => $"{kv.Key}={server.Url(Path.GetFileName(kv.Value))}").ToList(),
            Options = options ?? new Dictionary<string, string>(),
            SkipAssertions = skipAssertions,
        });
        foreach (var line in result.Stats.WarningSamples.Concat(result.Stats.UnusedFields.Select(u => $"unused {u.Key}: {u.Value}")).Take(40))
        {
            Console.Error.WriteLine($"[{source}] {line}");
        }

        return result;
    }

    /// <summary>Entities of exactly this schema (not its descendants).</summary>
    public IReadOnlyList<Entity> Entities(string dataset, string schema) =>
        Store.ReadEntities(new ReadOptions { Datasets = [dataset], Schemata = [schema] }).Where(e => e.Schema.Name == schema).ToList();

    public Entity Single(string dataset, string schema, Func<Entity, bool> predicate) =>
        Assert.Single(Entities(dataset, schema), e => predicate(e));

    public void Dispose() => _dir.Dispose();
}
