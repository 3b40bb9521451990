using System.Net;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Pages;

public sealed class SearchPageTests(UiHostFixture host) : IClassFixture<UiHostFixture>
{
    [Fact]
    public async Task Search_Name_ShowsCaptionSchemaCountriesSourcesAndSanctionedBadge()
    {
        using var session = await host.SignInAsync("vic");

        var (response, html) = await session.GetPageAsync("/?q=hongxiang");
        var doc = Html.Parse(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hit = doc.QuerySelector("[data-testid=results] li[data-entity=co-hongxiang]")!;
        Assert.Equal("/entities/co-hongxiang", hit.QuerySelector("a.caption")!.GetAttribute("href"));
        Assert.Equal("Dandong Hongxiang Industrial Development Co., Ltd.", hit.QuerySelector("a.caption")!.TextContent);
        Assert.Equal("Company", hit.QuerySelector(".schema")!.TextContent);
        Assert.Equal("China", hit.QuerySelector(".countries")!.TextContent);
        Assert.Contains("cn_registry", hit.QuerySelector(".datasets")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("fixture", hit.QuerySelector(".datasets")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(hit.QuerySelector(".badge.sanctioned"));
        Assert.Contains(hit.QuerySelectorAll("mark"), m => m.TextContent.Contains("Hongxiang", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_Facets_CountAndToggleSchemaCountryDatasetSanctioned()
    {
        using var session = await host.SignInAsync("vic");

        var (_, html) = await session.GetPageAsync("/");
        var doc = Html.Parse(html);
        var facets = doc.QuerySelectorAll("[data-testid=facets] ul").ToDictionary(u => u.GetAttribute("data-facet")!);

        Assert.Equal(["sanctioned", "schema", "country", "dataset"], facets.Keys.ToList());
        var vessels = facets["schema"].QuerySelectorAll("a").Single(a => a.TextContent == "Vessels");
        Assert.Equal("/?schema=Vessel", vessels.GetAttribute("href"));
        Assert.Contains("North Korea", facets["country"].TextContent, StringComparison.Ordinal);
        Assert.Contains("hostile", facets["dataset"].TextContent, StringComparison.Ordinal);

        var (_, filtered) = await session.GetPageAsync("/?schema=Vessel");
        var results = Html.Parse(filtered).QuerySelectorAll("[data-testid=results] li").Select(li => li.GetAttribute("data-entity")).ToList();
        Assert.Equal(["vessel-chonma"], results);

        var (_, sanctioned) = await session.GetPageAsync("/?sanctioned=1&schema=Company");
        var sanctionedDoc = Html.Parse(sanctioned);
        var companies = sanctionedDoc.QuerySelectorAll("[data-testid=results] li").Select(li => li.GetAttribute("data-entity")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["co-hongxiang", "co-shipping", "evil-script"], companies);
        Assert.Equal("on", sanctionedDoc.QuerySelector("[data-facet=sanctioned] a")!.ClassName);
        // The active filter's link switches it off again.
        Assert.Equal("/?schema=Company", sanctionedDoc.QuerySelector("[data-facet=sanctioned] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Search_HostileNamesAndQuery_AreEncoded()
    {
        using var session = await host.SignInAsync("vic");

        var (response, html) = await session.GetPageAsync("/?q=" + Uri.EscapeDataString("evil corp \"><img src=x onerror=alert(1)>"));
        var doc = Html.Parse(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Html.AssertNoInjectedContent(doc);
        Assert.Equal("evil corp \"><img src=x onerror=alert(1)>", doc.QuerySelector("input[name=q]")!.GetAttribute("value"));
        Assert.Equal("<script>alert('xss-name')</script>Evil Corp",
            doc.QuerySelector("li[data-entity=evil-script] a.caption")!.TextContent);
    }

    [Fact]
    public async Task Search_QueryOverTheLimit_Shows400WithTheReason()
    {
        using var session = await host.SignInAsync("vic");

        var (response, html) = await session.GetPageAsync("/?q=" + new string('a', 501));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 500 are allowed", Html.Parse(html).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_AfterJudgingSame_FindsOneMergedEntityThenTwoAfterUndo()
    {
        var (_, before) = await host.GetJsonAsync("/api/search?q=golden+star&schema=Company");
        Assert.Equal(["co-golden", "reg-golden"], Ids(before));

        await host.PostJsonAsync("/api/review/judgements", new { left_id = "co-golden", right_id = "reg-golden", judgement = "positive" });
        var (_, merged) = await host.GetJsonAsync("/api/search?q=golden+star&schema=Company");

        var only = Assert.Single(merged.GetProperty("results").EnumerateArray());
        Assert.Equal(["co-golden", "reg-golden"], only.GetProperty("referents").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal).ToList());

        await host.PostJsonAsync("/api/review/undo", new { });
        var (_, after) = await host.GetJsonAsync("/api/search?q=golden+star&schema=Company");
        Assert.Equal(["co-golden", "reg-golden"], Ids(after));
    }

    private static List<string> Ids(System.Text.Json.JsonElement body) =>
        body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
}
