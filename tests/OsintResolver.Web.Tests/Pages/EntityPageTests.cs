using System.Net;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Pages;

public sealed class EntityPageTests(UiHostFixture host) : IClassFixture<UiHostFixture>
{
    [Fact]
    public async Task Get_Company_ShowsEveryValueWithItsSources()
    {
        using var session = await host.SignInAsync("vic");

        var (response, html) = await session.GetPageAsync("/entities/co-hongxiang");
        var doc = Html.Parse(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Two datasets state this company; the caption prefers the Latin-script name.
        Assert.Equal("Dandong Hongxiang Industrial Development Co., Ltd.", doc.QuerySelector("[data-testid=caption]")!.TextContent);
        Assert.NotNull(doc.QuerySelector("[data-testid=sanctioned]"));
        var rows = doc.QuerySelectorAll("[data-testid=properties] tbody tr");
        foreach (var source in rows.SelectMany(r => r.QuerySelectorAll("[data-testid=source]")))
        {
            Assert.Equal(2, source.QuerySelectorAll("time").Length); // first and last seen
        }

        string DatasetOf(string prop, string value) => string.Join(",", rows.Single(r => r.GetAttribute("data-prop") == prop &&
            r.QuerySelector("td.value")!.TextContent.Trim().StartsWith(value, StringComparison.Ordinal)).QuerySelectorAll(".dataset").Select(d => d.TextContent));
        Assert.Equal("fixture", DatasetOf("name", "丹东鸿祥实业发展有限公司"));
        Assert.Equal("cn_registry", DatasetOf("name", "Dandong Hongxiang Industrial Development Co., Ltd."));
        Assert.Equal("cn_registry", DatasetOf("incorporationDate", "2000-08-23"));
        Assert.Equal("fixture", DatasetOf("jurisdiction", "cn"));
        Assert.Contains("(China)", rows.Single(r => r.GetAttribute("data-prop") == "jurisdiction").TextContent, StringComparison.Ordinal);
        // One value stated by both datasets: one row, two sources.
        Assert.Equal("cn_registry,fixture", DatasetOf("registrationNumber", "210600004014986"));
    }

    [Fact]
    public async Task Get_Company_GroupsRelationshipsByTheModelsLabels()
    {
        using var session = await host.SignInAsync("vic");

        var (_, html) = await session.GetPageAsync("/entities/co-hongxiang");
        var doc = Html.Parse(html);
        var groups = doc.QuerySelectorAll(".rel-group").ToDictionary(g => g.GetAttribute("data-group")!, g => g);

        Assert.Equal(["sanctions", "addressEntity", "directorshipOrganization", "mentionResolved", "ownershipAsset"], groups.Keys.ToList());
        Assert.StartsWith("Sanctions", groups["sanctions"].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("US Treasury OFAC", groups["sanctions"].TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Owners", groups["ownershipAsset"].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/entities/person-ma", groups["ownershipAsset"].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Percentage held: 80", groups["ownershipAsset"].TextContent, StringComparison.Ordinal);
        Assert.Contains("Role: Chairwoman", groups["directorshipOrganization"].TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Document mentions", groups["mentionResolved"].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/entities/news-1", groups["mentionResolved"].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Dandong firm accused of supplying Pyongyang", groups["mentionResolved"].TextContent, StringComparison.Ordinal);
        Assert.Equal("/entities/addr-1", groups["addressEntity"].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("co-hongxiang", doc.QuerySelector("[data-testid=network]")!.GetAttribute("data-entity-id"));
        Assert.Equal("/js/graph.js", doc.QuerySelectorAll("script").Last().GetAttribute("src"));
    }

    [Fact]
    public async Task Get_Person_ShowsAssetsAndDirectorships()
    {
        using var session = await host.SignInAsync("vic");

        var (_, html) = await session.GetPageAsync("/entities/person-ma");
        var groups = Html.Parse(html).QuerySelectorAll(".rel-group h3").Select(h => h.TextContent).ToList();

        Assert.Contains(groups, g => g.StartsWith("Assets and shares", StringComparison.Ordinal));
        Assert.Contains(groups, g => g.StartsWith("Directorships", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ShipmentParties_ShowShipmentsSentReceivedAndCarried()
    {
        using var session = await host.SignInAsync("vic");

        var pages = new Dictionary<string, string>();
        foreach (var id in new[] { "co-golden", "co-shipping", "vessel-chonma" })
        {
            pages[id] = (await session.GetPageAsync($"/entities/{id}")).Html;
        }

        var sent = Html.Parse(pages["co-golden"]).QuerySelector("[data-group=shipmentsSent]")!;
        Assert.StartsWith("Shipments sent", sent.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/entities/co-shipping", sent.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Refined petroleum products", sent.TextContent, StringComparison.Ordinal);
        Assert.NotNull(Html.Parse(pages["co-shipping"]).QuerySelector("[data-group=shipmentsReceived]"));
        var carried = Html.Parse(pages["vessel-chonma"]).QuerySelector("[data-group=shipmentsCarried]")!;
        Assert.Contains("Refined petroleum products", carried.TextContent, StringComparison.Ordinal);
        // Vessels an owner holds are listed with their schema.
        var assets = Html.Parse(pages["co-shipping"]).QuerySelector("[data-group=ownershipOwner]")!;
        Assert.Contains("CHON MA SAN", assets.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vessel", assets.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Unknown_Returns404Page()
    {
        using var session = await host.SignInAsync("vic");

        var (response, html) = await session.GetPageAsync("/entities/no-such-entity");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no entity &#x27;no-such-entity&#x27;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticFiles_EmbeddedScriptsAndCytoscape_AreServed()
    {
        using var client = host.CreateClient();

        var graph = await client.GetAsync("/js/graph.js");
        var cytoscape = await client.GetAsync("/lib/cytoscape.esm.min.mjs");

        Assert.Equal(HttpStatusCode.OK, graph.StatusCode);
        Assert.Contains("cytoscape.esm.min.mjs", await graph.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, cytoscape.StatusCode);
        Assert.Equal("text/javascript", cytoscape.Content.Headers.ContentType!.MediaType);
        Assert.Contains("version=\"3.34.4\"", await cytoscape.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
