using OsintResolver.Crawlers.Tests.Support;
using OsintResolver.Crawlers.UsOfacSdn;

namespace OsintResolver.Crawlers.Tests.UsOfacSdn;

public sealed class UsOfacSdnCrawlerTests
{
    private const string Source = "us_ofac_sdn";

    private static Dictionary<string, string> CsvTrio(string sdn, string add, string alt) =>
        new() { ["sdn_csv"] = sdn, ["add_csv"] = add, ["alt_csv"] = alt };

    private static Dictionary<string, string> Csv => new() { ["format"] = "csv" };

    [Fact]
    public async Task CrawlAsync_FixtureCsvTrio_ParsesRemarksIntoPropertiesIdentificationsAndRelations()
    {
        using var h = new CrawlHarness();
        var result = await h.CrawlAsync(Source, CsvTrio(CrawlHarness.Fixture(Source, "sdn.csv"), CrawlHarness.Fixture(Source, "add.csv"),
            CrawlHarness.Fixture(Source, "alt.csv")), Csv);

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Empty(result.Stats.UnusedFields);

        var anna = Assert.Single(h.Entities(Source, "Person"));
        Assert.Equal(["TESTER, Anna Maria"], anna.Get("name"));
        Assert.Equal(["1960-01-12", "1962"], anna.Get("birthDate").Order());
        Assert.Equal(["Beirut, Lebanon"], anna.Get("birthPlace"));
        Assert.Equal(["lb"], anna.Get("nationality"));
        Assert.Equal(["female"], anna.Get("gender"));
        Assert.Equal(["Financial Officer"], anna.Get("title"));
        Assert.Contains("TESTER, Anne", anna.Get("alias"));
        var passport = Assert.Single(h.Entities(Source, "Passport"));
        Assert.Equal(["RL1234567"], passport.Get("number"));
        Assert.Equal(["lb"], passport.Get("country"));
        Assert.Equal(["2025-01-10"], passport.Get("endDate"));

        var company = Assert.Single(h.Entities(Source, "Company"));
        Assert.Equal(["1234567"], company.Get("registrationNumber"));
        Assert.Equal(["IMO 5123455"], company.Get("imoNumber"));
        Assert.Equal(["2001"], company.Get("incorporationDate"));
        Assert.Contains("EHG", company.Get("alias"));
        Assert.Contains("EXAMPLE GROUP SAL", company.Get("previousName"));

        var links = h.Entities(Source, "UnknownLink");
        Assert.Contains(links, l => l.Get("subject").Contains(anna.Id) && l.Get("object").Contains(company.Id));

        var vessel = Assert.Single(h.Entities(Source, "Vessel"));
        Assert.Equal(["IMO 9123453"], vessel.Get("imoNumber"));
        Assert.Equal(["pa"], vessel.Get("flag"));
        Assert.Equal(["Crude Oil Tanker"], vessel.Get("type"));
        Assert.Equal(["12345"], vessel.Get("tonnage"));
        Assert.Equal(["8150"], vessel.Get("grossRegisteredTonnage"));
        Assert.Equal(["355000123"], vessel.Get("mmsi"));
        Assert.Equal(["mn"], vessel.Get("pastFlags"));
        Assert.Equal([company.Id], vessel.Get("owner"));

        var plane = Assert.Single(h.Entities(Source, "Airplane"));
        Assert.Equal(["EP-TST"], plane.Get("registrationNumber"));
        Assert.Equal(["IL76-TD"], plane.Get("model"));
        Assert.Equal([company.Id], plane.Get("operator"));
        Assert.Equal(["1992"], plane.Get("buildDate"));

        // What no rule understands is kept and reported, not dropped.
        var front = Assert.Single(h.Entities(Source, "Organization"));
        Assert.Contains("Unusual remark that no rule knows", front.Get("notes"));
        Assert.Contains("Linked To: NOBODY KNOWN", front.Get("notes"));
        Assert.Contains(result.Stats.WarningSamples, w => w.Contains("NOBODY KNOWN"));
        Assert.Equal(5, h.Entities(Source, "Sanction").Count);
        var sanction = Assert.Single(h.Entities(Source, "Sanction"), s => s.Get("entity").Contains(company.Id));
        Assert.Equal(["IFSR", "SDGT"], sanction.Get("program").Order());
        Assert.Contains(sanction.Get("provisions"), p => p.Contains("Secondary Sanctions"));
    }

    [Fact]
    public async Task CrawlAsync_FixtureXml_MapsTheSameEntriesAsTheCsv()
    {
        using var h = new CrawlHarness();
        var result = await h.CrawlAsync(Source, new Dictionary<string, string> { ["sdn_xml"] = CrawlHarness.Fixture(Source, "sdn.xml") });

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Empty(result.Stats.UnusedFields);
        var anna = Assert.Single(h.Entities(Source, "Person"));
        Assert.Equal(["Anna Maria TESTER"], anna.Get("name"));
        Assert.Equal(["1960-01-12"], anna.Get("birthDate"));
        Assert.Contains("Umm Test", anna.Get("weakAlias"));
        Assert.Equal(["RL1234567"], anna.Get("passportNumber"));
        var company = Assert.Single(h.Entities(Source, "Company"));
        var vessel = Assert.Single(h.Entities(Source, "Vessel"));
        Assert.Equal(["IMO 9123453"], vessel.Get("imoNumber"));
        Assert.Equal([company.Id], vessel.Get("owner"));
        Assert.Contains(h.Entities(Source, "UnknownLink"), l => l.Get("subject").Contains(anna.Id) && l.Get("object").Contains(company.Id));
    }

    [Fact]
    public async Task CrawlAsync_SecondRunWithUnchangedFiles_Gets304AndReusesTheArchive()
    {
        using var h = new CrawlHarness();
        var urls = new Dictionary<string, string> { ["sdn_xml"] = CrawlHarness.Fixture(Source, "sdn.xml") };
        await using var server = await CrawlHarness.Serve(urls);
        var first = await h.CrawlAsync(server, Source, urls);
        var second = await h.CrawlAsync(server, Source, urls);

        Assert.True(second.Succeeded, second.Run.Error);
        Assert.Equal(0, first.Stats.NotModified);
        Assert.Equal(1, second.Stats.NotModified);
        Assert.Equal(1, second.Stats.Statuses["304"]);
        Assert.Equal(first.Stats.EntitiesBySchema, second.Stats.EntitiesBySchema);
    }

    [Theory]
    [InlineData("Passport A1234567 (Iran) expires 10 Jan 2017", "Passport", "A1234567", "Iran")]
    [InlineData("National ID No. 55-1234 (Lebanon)", "National ID No.", "55-1234", "Lebanon")]
    [InlineData("Company Number IMO 5123455", "Company Number IMO", "5123455", null)]
    [InlineData("alt. DOB circa 1962", "DOB", "circa 1962", null)]
    [InlineData("Linked To: AL-QAIDA", "Linked To:", "AL-QAIDA", null)]
    public void ParseRemark_KnownForms_SplitsKeyValueAndCountry(string remark, string key, string value, string? country)
    {
        var fact = SdnMapper.ParseRemark(remark);
        Assert.NotNull(fact);
        Assert.Equal(key, fact.Key);
        Assert.Equal(value, fact.Value);
        Assert.Equal(country, fact.Country);
    }

    [Fact]
    public void SplitRemarks_QuotesAndParentheses_AreNotSplit()
    {
        var parts = SdnMapper.SplitRemarks("a.k.a. 'A; B'; DOB 1960; Passport 123 (Syria; issued 2001).");
        Assert.Equal(["a.k.a. 'A; B'", "DOB 1960", "Passport 123 (Syria; issued 2001)"], parts);
    }

    [Theory]
    [InlineData("12 Jan 1960", new[] { "1960-01-12" })]
    [InlineData("circa 1962", new[] { "1962" })]
    [InlineData("1955 to 1957", new[] { "1955", "1956", "1957" })]
    [InlineData("Feb 1971", new[] { "1971-02" })]
    public void Dates_OfacForms_BecomeIsoDates(string text, string[] expected) =>
        Assert.Equal(expected, SdnMapper.Dates(text));

    [SkippableFact]
    public async Task CrawlAsync_RealCsv2022_Maps9044RowsAnd417VesselsWithImoAndNoUnusedField()
    {
        var sdn = SharedData.Require("sanctions/ofac/sdn_2022-01.csv");
        var add = SharedData.Require("sanctions/ofac/add_2022-01.csv");
        var alt = SharedData.Require("sanctions/ofac/alt_2022-01.csv");
        using var h = new CrawlHarness();
        var result = await h.CrawlAsync(Source, CsvTrio(sdn, add, alt), Csv, skipAssertions: false);

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Empty(result.Stats.UnusedFields);
        var counts = result.Stats.EntitiesBySchema;
        // 9,044 rows; the last repeats ent_num 2677 under another name and is dropped with that reason.
        Assert.Equal(9043, counts["Sanction"]);
        Assert.Contains(result.Stats.WarningSamples, w => w.Contains("sdn.csv entry 2677: duplicate ent_num"));
        Assert.Equal(4643, counts["Person"]);
        Assert.Equal(420, counts["Vessel"]);
        Assert.Equal(280, counts["Airplane"]);
        Assert.Equal(3700, counts["Company"] + counts["Organization"]);
        var vessels = h.Entities(Source, "Vessel");
        Assert.Equal(417, vessels.Count(v => v.Has("imoNumber")));
        Assert.True(counts["UnknownLink"] > 2500, $"{counts["UnknownLink"]} Linked To relations");
        Assert.True(counts.GetValueOrDefault("Passport") > 300);
    }

    [SkippableFact]
    public async Task CrawlAsync_RealConsolidatedXml_MapsEveryEntryWithNoUnusedField()
    {
        var path = SharedData.Require("sanctions/ofac/ofac_consolidated_nonsdn_2024-05-06.xml");
        using var h = new CrawlHarness();
        var result = await h.CrawlAsync(Source, new Dictionary<string, string> { ["sdn_xml"] = path });

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Empty(result.Stats.UnusedFields);
        Assert.Equal(443, result.Stats.EntitiesBySchema["Sanction"]);
        Assert.Equal(79, result.Stats.EntitiesBySchema["Person"]);
    }
}
