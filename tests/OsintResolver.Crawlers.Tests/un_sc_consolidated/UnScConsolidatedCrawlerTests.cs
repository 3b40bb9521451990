using OsintResolver.Crawlers.Tests.Support;
using OsintResolver.Store.Runs;

namespace OsintResolver.Crawlers.Tests.UnScConsolidated;

public sealed class UnScConsolidatedCrawlerTests
{
    private const string Source = "un_sc_consolidated";

    [Fact]
    public async Task CrawlAsync_FixtureXml_EmitsPeopleOrganizationsSanctionsAndDocuments()
    {
        using var h = new CrawlHarness();
        var result = await h.CrawlAsync(Source, new Dictionary<string, string> { ["xml"] = CrawlHarness.Fixture(Source, "consolidated.xml") });

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Empty(result.Stats.UnusedFields);
        Assert.Equal(2, h.Entities(Source, "Person").Count);
        Assert.Equal(2, h.Entities(Source, "Organization").Count);
        Assert.Equal(4, h.Entities(Source, "Sanction").Count);

        var ivan = h.Single(Source, "Person", p => p.Get("firstName").Contains("TESTOV"));
        Assert.Contains("TESTOV IVAN PETROVICH", ivan.Get("name"));
        Assert.Contains("테스토프 이반", ivan.Get("name"));
        Assert.Contains("Ivan Testoff", ivan.Get("alias"));
        Assert.Contains("Vanya", ivan.Get("weakAlias"));
        Assert.Contains("Ivan Testovsky", ivan.Get("previousName"));
        Assert.Equal(["1964-07-17"], ivan.Get("birthDate"));
        Assert.Contains("kp", ivan.Get("nationality"));
        Assert.Equal(["male"], ivan.Get("gender"));
        Assert.Equal(2, ivan.Get("position").Count());
        Assert.Contains("381310999", ivan.Get("passportNumber"));
        Assert.Single(ivan.Get("addressEntity"));

        var passport = Assert.Single(h.Entities(Source, "Passport"));
        Assert.Equal([ivan.Id], passport.Get("holder"));
        Assert.Equal(["2011-05-04"], passport.Get("startDate"));
        var nationalId = Assert.Single(h.Entities(Source, "Identification"));
        Assert.Equal(["ID-77-1234"], nationalId.Get("number"));

        var sanction = h.Single(Source, "Sanction", s => s.Get("entity").Contains(ivan.Id));
        Assert.Equal(["KPi.901"], sanction.Get("unscId"));
        Assert.Equal(["DPRK"], sanction.Get("program"));
        Assert.Equal(["2016-11-30"], sanction.Get("listingDate"));
        Assert.Contains("1718 (2006)", Assert.Single(sanction.Get("provisions")));

        var sample = h.Single(Source, "Person", p => p.Get("firstName").Contains("SAMPLE"));
        Assert.Equal(["1970", "1971", "1972"], sample.Get("birthDate").Order());
        Assert.Contains("ye", sample.Get("country"));

        var company = h.Single(Source, "Organization", o => o.Get("name").Contains("EXAMPLE OCEAN TRADING CORPORATION"));
        Assert.Contains("示例海洋贸易公司", company.Get("name"));
        Assert.Contains("Example Sea Trading", company.Get("previousName"));
        var address = Assert.Single(h.Store.GetEntities(company.Get("addressEntity")));
        Assert.Equal(["116000"], address.Get("postalCode"));
    }

    [Fact]
    public async Task CrawlAsync_FixtureXml_EveryStatementPointsAtTheArchivedResponse()
    {
        using var h = new CrawlHarness();
        var result = await h.CrawlAsync(Source, new Dictionary<string, string> { ["xml"] = CrawlHarness.Fixture(Source, "consolidated.xml") });
        Assert.True(result.Succeeded, result.Run.Error);

        var person = h.Entities(Source, "Person")[0];
        var statements = h.Store.GetStatements(person.Id);
        Assert.NotEmpty(statements);
        var sha = Assert.Single(statements.Select(s => s.ArchiveSha256).Distinct());
        Assert.All(statements, s => Assert.EndsWith("/consolidated.xml", s.SourceUrl));
        var body = h.Runner.Archive.TryGet(sha!, 1 << 20);
        Assert.NotNull(body);
        Assert.Equal(await File.ReadAllBytesAsync(CrawlHarness.Fixture(Source, "consolidated.xml")), body);
        var response = Assert.Single(h.Runner.State.ListResponses(result.Run.Id));
        Assert.Equal(sha, response.Sha256);
        Assert.Equal(200, response.Status);
        Assert.Contains("User-Agent", response.RequestHeaders);
    }

    [Fact]
    public async Task CrawlAsync_FixtureBelowAssertedMinimum_FailsAndKeepsTheLastGoodData()
    {
        using var h = new CrawlHarness();
        var good = await h.CrawlAsync(Source, new Dictionary<string, string> { ["xml"] = CrawlHarness.Fixture(Source, "consolidated.xml") });
        Assert.True(good.Succeeded);

        // The same two-person file fails source.yml's "at least 500 people".
        var bad = await h.CrawlAsync(Source, new Dictionary<string, string> { ["xml"] = CrawlHarness.Fixture(Source, "consolidated.xml") },
            skipAssertions: false);

        Assert.Equal(RunState.Failed, bad.Run.State);
        Assert.Contains("Person: 2 entities, expected at least 500", bad.Run.Error);
        Assert.Equal(good.Run.Id, h.Store.ListDatasets().Single(d => d.Name == Source).CurrentRun);
        Assert.Equal(2, h.Entities(Source, "Person").Count);
    }

    [SkippableFact]
    public async Task CrawlAsync_RealList2017_Has650IndividualsAnd371EntitiesAndNoUnusedField()
    {
        var path = SharedData.Require("sanctions/un/un_sc_consolidated_2017-07-03.xml");
        using var h = new CrawlHarness();
        var result = await h.CrawlAsync(Source, new Dictionary<string, string> { ["xml"] = path }, skipAssertions: false);

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Empty(result.Stats.UnusedFields);
        Assert.Equal(650, result.Stats.EntitiesBySchema["Person"]);
        Assert.Equal(371, result.Stats.EntitiesBySchema["Organization"]);
        Assert.Equal(1021, result.Stats.EntitiesBySchema["Sanction"]);
        Assert.Equal(0, result.Stats.Dropped);
        Assert.True(result.Stats.EntitiesBySchema.GetValueOrDefault("Passport") > 100);
    }
}
