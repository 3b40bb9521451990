using Microsoft.Playwright;
using OsintResolver.Web.BrowserTests.Support;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class ProfileBrowserTests(ChromiumFixture chromium, UiHostFixture host) : IClassFixture<UiHostFixture>
{
    [SkippableFact]
    public async Task SignInSearchAndOpen_AnalystFindsTheVesselAndItsProfile()
    {
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var watch = PageWatch.On(page);

        // Not signed in: the app asks for it, then comes back.
        await page.GotoAsync("/");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await page.SignInAsync("vic");

        await page.FillAsync("input[name=q]", "chon ma");
        await page.PressAsync("input[name=q]", "Enter");
        await page.WaitForSelectorAsync("[data-testid=results] li[data-entity=vessel-chonma]");
        Assert.Equal("Sanctioned", await page.TextContentAsync("li[data-entity=vessel-chonma] .badge.sanctioned"));
        await page.ClickAsync("li[data-entity=vessel-chonma] a.caption");

        await page.WaitForSelectorAsync("#network[data-ready=true]");
        Assert.Equal("CHON MA SAN", await page.TextContentAsync("[data-testid=caption]"));
        Assert.Equal("fixture", await page.Locator("tr[data-prop=imoNumber] [data-testid=source] .dataset").TextContentAsync());
        Assert.Empty(watch.Dialogs);
        Assert.Empty(watch.ConsoleErrors);
    }

    [SkippableFact]
    public async Task Profile_SignedIn_ShowsSourcesAndAnExpandableNetwork()
    {
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var watch = PageWatch.On(page);
        await page.SignInAsync("vic");

        await page.GotoAsync("/entities/vessel-chonma");

        Assert.Equal("CHON MA SAN", await page.TextContentAsync("[data-testid=caption]"));
        Assert.Equal("fixture", await page.Locator("tr[data-prop=imoNumber] [data-testid=source] .dataset").TextContentAsync());
        await page.WaitForSelectorAsync("#network[data-ready=true]");
        // The owner, and the shipment the vessel carried.
        Assert.Equal(["co-shipping", "ship-1", "vessel-chonma"],
            (await page.EvaluateAsync<string[]>("() => window.osintGraph.nodes().map(n => n.id())")).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("3 entities, 2 links", await page.TextContentAsync("#network-status"), StringComparison.Ordinal);
        // The network is drawn on a canvas by Cytoscape.js.
        Assert.True(await page.Locator("#network canvas").CountAsync() > 0);

        // Clicking the owner fetches its neighbourhood and merges it into the picture.
        await ClickNodeAsync(page, "co-shipping");
        await page.WaitForFunctionAsync("() => window.osintGraph.nodes().length === 4");
        Assert.True(await page.EvaluateAsync<bool>("() => window.osintGraph.getElementById('co-golden').nonempty()"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.osintGraph.getElementById('co-shipping').hasClass('expanded')"));

        Assert.Empty(watch.Dialogs);
        Assert.Empty(watch.ConsoleErrors);
    }

    [SkippableFact]
    public async Task Profile_TwoHops_ReachesTheOwnersOwner()
    {
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.SignInAsync("vic");
        await page.GotoAsync("/entities/vessel-chonma");
        await page.WaitForSelectorAsync("#network[data-ready=true]");

        await page.SelectOptionAsync("#network-hops", "2");

        await page.WaitForFunctionAsync("() => window.osintGraph.nodes().length === 4");
        Assert.True(await page.EvaluateAsync<bool>("() => window.osintGraph.getElementById('co-golden').nonempty()"));
    }

    [SkippableFact]
    public async Task Profile_HostileNames_NoDialogFiresAndNoInjectedElementExists()
    {
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var watch = PageWatch.On(page);
        await page.SignInAsync("alice");

        await page.GotoAsync("/entities/evil-script");
        await page.WaitForSelectorAsync("#network[data-ready=true]");
        await page.HoverAsync("[data-group=ownershipAsset] li a");

        Assert.Equal("<script>alert('xss-name')</script>Evil Corp", await page.TextContentAsync("[data-testid=caption]"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img, svg, b, [data-x], [onerror], [onload], [onmouseover]').length"));
        // Our module scripts are the only scripts on the page.
        Assert.Equal(["/js/site.js", "/js/graph.js"], await page.EvaluateAsync<string[]>(
            "() => [...document.scripts].map(s => new URL(s.src, location.href).pathname)"));
        Assert.Contains("<script>", await page.EvaluateAsync<string>("() => window.osintGraph.getElementById('evil-script').data('label')"), StringComparison.Ordinal);
        Assert.Empty(watch.Dialogs);
        Assert.Empty(watch.ConsoleErrors);
    }

    private static async Task ClickNodeAsync(IPage page, string id)
    {
        var position = await page.EvaluateAsync<double[]>(
            "id => { const p = window.osintGraph.getElementById(id).renderedPosition(); return [p.x, p.y]; }", id);
        await page.Locator("#network").ScrollIntoViewIfNeededAsync();
        var box = await page.Locator("#network").BoundingBoxAsync();
        await page.Mouse.ClickAsync((float)(box!.X + position[0]), (float)(box.Y + position[1]));
    }
}
