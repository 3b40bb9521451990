using Microsoft.Extensions.Logging.Abstractions;
using OsintResolver.Cli.Pipeline;
using OsintResolver.Crawling;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;
using OsintResolver.Index;
using OsintResolver.Store;
using OsintResolver.Store.Runs;

namespace OsintResolver.Cli.Tests.Pipeline;

public sealed class EngineCrawlSourcesTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("osint-engine-sources");
    private SampleSourceServer _samples = null!;
    private EntityStore _store = null!;
    private IEntityIndex _index = null!;
    private EngineCrawlSources _sources = null!;

    public async Task InitializeAsync()
    {
        _samples = await SampleSourceServer.StartAsync(typeof(Crawlers.CrawlerCatalog).Assembly, CancellationToken.None);
        _store = EntityStore.Open(_dir.Path);
        _index = EntityIndexFactory.Open(new IndexOptions { DataDir = _dir.Path });
        var runner = new CrawlRunner(_store, Crawlers.CrawlerCatalog.Load(), new CrawlerOptions { AllowPrivateNetwork = true });
        _sources = new EngineCrawlSources(_store, runner,
            s => new CrawlRequest { Source = s.Name, Urls = _samples.OverridesFor(s), AllowPrivateNetwork = true, SkipAssertions = true },
            () => _index, NullLogger.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _index.Dispose();
        await _samples.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void List_Catalogue_ShowsEverySourceWithItsCronAndNextRun()
    {
        var sources = _sources.List().ToDictionary(s => s.Name);

        Assert.True(_sources.CanRun);
        Assert.Equal(["un_sc_consolidated", "us_ofac_sdn"], sources.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.Equal("30 */4 * * *", sources["us_ofac_sdn"].Schedule);
        Assert.True(sources["us_ofac_sdn"].NextRun > DateTimeOffset.UtcNow);
        Assert.Null(sources["us_ofac_sdn"].LastRun);
    }

    [Fact]
    public async Task Start_Source_CrawlsResolvesAndIndexesInTheBackground()
    {
        await _sources.StartAsync("un_sc_consolidated", "alice");
        await Assert.ThrowsAsync<Model.Errors.ConflictException>(() => _sources.StartAsync("un_sc_consolidated", "alice"));
        await Task.WhenAll(_sources.Running);

        var status = _sources.List().Single(s => s.Name == "un_sc_consolidated");
        Assert.Equal(RunState.Succeeded, status.LastRun!.State);
        Assert.Contains("/un_sc_consolidated/consolidated.xml", _store.GetStatements(_store.ReadEntities().First(e => e.Datasets.Contains("un_sc_consolidated")).Id)[0].SourceUrl, StringComparison.Ordinal);
        var found = await _index.SearchAsync(new Index.Querying.SearchQuery { Text = "Testov" });
        Assert.NotEmpty(found.Hits);
    }

    [Fact]
    public async Task Start_UnknownSource_IsNotFound()
    {
        await Assert.ThrowsAsync<Model.Errors.NotFoundException>(() => _sources.StartAsync("no_such_source", "alice"));
    }

    [Fact]
    public void SampleServer_EverySourceHasItsUrlsPointedAtTheSamples()
    {
        var catalog = Crawlers.CrawlerCatalog.Load();

        var ofac = _samples.OverridesFor(catalog.Get("us_ofac_sdn"));

        Assert.Contains(ofac, o => o.StartsWith("sdn_xml=http://127.0.0.1:", StringComparison.Ordinal) && o.EndsWith("/us_ofac_sdn/sdn.xml", StringComparison.Ordinal));
        Assert.Equal(4, ofac.Count);
        Assert.Single(_samples.OverridesFor(catalog.Get("un_sc_consolidated")));
    }
}
