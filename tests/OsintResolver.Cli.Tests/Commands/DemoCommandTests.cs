using System.Text.Json;
using OsintResolver.Cli.Tests.Support;
using OsintResolver.Index;
using OsintResolver.Store;
using OsintResolver.Web.Auth;

namespace OsintResolver.Cli.Tests.Commands;

public sealed class DemoCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Demo_NoServe_CrawlsTheSamplesResolvesIndexesAndCreatesTheAnalystItPrints()
    {
        var (code, output, error) = await _cli.RunAsync("demo", "--no-serve", "--json");

        Assert.True(code == 0, error);
        var body = JsonDocument.Parse(output).RootElement;
        var steps = body.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        Assert.Equal(["crawl un_sc_consolidated", "crawl us_ofac_sdn", "import sample", "resolve", "index", "account"], steps.Keys.ToList());
        Assert.All(steps.Values, s => Assert.True(s.GetProperty("succeeded").GetBoolean()));
        var store = EntityStore.Open(_cli.DataDir);
        var datasets = store.GetStats().Entities.Select(e => e.Dataset).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["demo_trade", "un_sc_consolidated", "us_ofac_sdn"], datasets);
        Assert.All(store.ListRuns().Where(r => r.Kind == Store.Runs.RunKind.Crawl), r => Assert.Equal(Store.Runs.RunState.Succeeded, r.State));

        // The sample's vessel and the OFAC vessel share an IMO number: one canonical entity in search.
        using var index = EntityIndexFactory.Open(new IndexOptions { DataDir = _cli.DataDir });
        var found = await index.SearchAsync(new Index.Querying.SearchQuery { Text = "OCEAN SAMPLE", Schemata = ["Vessel"] });
        var vessel = Assert.Single(found.Hits).Entity;
        Assert.Equal(2, vessel.Referents.Count);
        Assert.Equal(["demo_trade", "us_ofac_sdn"], vessel.Datasets.ToList());
        // Less certain pairs wait for the analyst.
        Assert.True(Resolution.ReviewQueue.For(store, Resolution.Matching.Matcher.LoadShipped().Card).Pending() >= 1);
        var user = new UserAccounts(store).Verify(body.GetProperty("user").GetString()!, body.GetProperty("password").GetString()!);
        Assert.Equal(Store.Users.UserRole.Analyst, user?.Role);
    }

    [Fact]
    public async Task Demo_RunTwice_KeepsOneAccountWithTheNewPassword()
    {
        await _cli.RunAsync("demo", "--no-serve", "--json");
        var (code, output, _) = await _cli.RunAsync("demo", "--no-serve", "--json");

        Assert.Equal(0, code);
        var body = JsonDocument.Parse(output).RootElement;
        var accounts = new UserAccounts(EntityStore.Open(_cli.DataDir));
        Assert.Single(accounts.Store.List());
        Assert.NotNull(accounts.Verify("demo", body.GetProperty("password").GetString()!));
    }
}
