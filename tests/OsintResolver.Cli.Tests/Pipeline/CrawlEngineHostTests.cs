using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OsintResolver.Cli.Pipeline;
using OsintResolver.Crawling;
using OsintResolver.Crawling.Runs;
using OsintResolver.Store;
using OsintResolver.Store.Runs;
using OsintResolver.Store.Users;
using OsintResolver.Web;
using OsintResolver.Web.Auth;
using OsintResolver.Web.Crawls;

namespace OsintResolver.Cli.Tests.Pipeline;

/// <summary>The web app with the crawl engine, as <c>osint demo</c> composes it: analysts run a source now over HTTP.</summary>
public sealed class CrawlEngineHostTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("osint-engine-host");
    private SampleSourceServer _samples = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private readonly Dictionary<string, string> _keys = [];

    public async Task InitializeAsync()
    {
        _samples = await SampleSourceServer.StartAsync(typeof(Crawlers.CrawlerCatalog).Assembly, CancellationToken.None);
        var store = EntityStore.Open(_dir.Path);
        var accounts = new UserAccounts(store);
        foreach (var (name, role) in new[] { ("alice", UserRole.Analyst), ("vic", UserRole.Viewer) })
        {
            accounts.Create(name, role, "a long password");
            _keys[name] = accounts.Store.CreateApiKey(name).Secret;
        }

        var runner = new CrawlRunner(store, Crawlers.CrawlerCatalog.Load(), new CrawlerOptions { AllowPrivateNetwork = true });
        _app = OsintWebHost.Create(new OsintWebHostSettings { DataDir = _dir.Path, Urls = "http://127.0.0.1:0", LogLevel = LogLevel.Warning },
            b => b.Services.AddCrawlEngine(runner, s => new CrawlRequest { Source = s.Name, Urls = _samples.OverridesFor(s), AllowPrivateNetwork = true, SkipAssertions = true }));
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _samples.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private HttpClient Client(string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _keys[user]);
        return client;
    }

    [Fact]
    public async Task RunNow_Analyst_CrawlsTheSourceAndItsRunAppearsInTheStatus()
    {
        using var alice = Client("alice");

        var started = await alice.PostAsync("/api/crawls/us_ofac_sdn/run", null);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var engine = (EngineCrawlSources)_app.Services.GetRequiredService<ICrawlSources>();
        await Task.WhenAll(engine.Running);
        var body = JsonDocument.Parse(await alice.GetStringAsync("/api/crawls")).RootElement;
        Assert.True(body.GetProperty("can_run").GetBoolean());
        var ofac = body.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "us_ofac_sdn");
        Assert.Equal("30 */4 * * *", ofac.GetProperty("schedule").GetString());
        Assert.Equal("succeeded", ofac.GetProperty("last_run").GetProperty("state").GetString());
        Assert.True(ofac.GetProperty("last_run").GetProperty("stats").GetProperty("entities").GetInt32() > 0);
        // Crawled, resolved and indexed: the new data is searchable.
        var search = JsonDocument.Parse(await alice.GetStringAsync("/api/search?q=ocean+sample")).RootElement;
        Assert.True(search.GetProperty("total").GetProperty("value").GetInt64() >= 1);
    }

    [Fact]
    public async Task RunNow_Viewer_IsForbiddenAndNothingRuns()
    {
        using var vic = Client("vic");

        var response = await vic.PostAsync("/api/crawls/un_sc_consolidated/run", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(EntityStore.Open(_dir.Path).ListRuns("un_sc_consolidated"));
    }
}
