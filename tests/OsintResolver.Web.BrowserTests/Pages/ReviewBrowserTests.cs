using OsintResolver.Store.Edges;
using OsintResolver.Web.BrowserTests.Support;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class ReviewBrowserTests(ChromiumFixture chromium, UiHostFixture host) : IClassFixture<UiHostFixture>
{
    [SkippableFact]
    public async Task Review_KeyboardYes_MergesTheRecordsInTheProfile_ThenZUndoes()
    {
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var watch = PageWatch.On(page);
        await page.SignInAsync("alice");
        await page.GotoAsync("/review");
        await page.WaitForSelectorAsync("body[data-review-keys=ready]");
        Assert.Equal("co-hongxiang", await page.GetAttributeAsync("[data-testid=pair]", "data-left"));

        await page.Keyboard.PressAsync("y");

        await page.WaitForSelectorAsync("[data-testid=flash]");
        Assert.Contains("co-hongxiang and reg-hongxiang are the same", await page.TextContentAsync("[data-testid=flash]"), StringComparison.Ordinal);
        var edge = host.Store.Edges.Get("co-hongxiang", "reg-hongxiang")!;
        Assert.Equal(Judgement.Positive, edge.Judgement);
        Assert.Equal("alice", edge.User);
        // The next suggestion is up at once.
        Assert.Equal("co-golden", await page.GetAttributeAsync("[data-testid=pair]", "data-left"));

        // The merge is in the profile at once: one canonical entity with both records and their values.
        await page.ClickAsync("[data-testid=flash-link]");
        await page.WaitForSelectorAsync("[data-testid=judgements]");
        Assert.Equal("2 records merged", await page.TextContentAsync("[data-testid=merged-count]"));
        Assert.Equal(["co-hongxiang", "reg-hongxiang"], await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[data-testid=records] tr[data-record]')].map(r => r.dataset.record)"));
        Assert.Contains("incorporationDate", await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('tr[data-prop]')].map(r => r.dataset.prop)"));
        var decision = await page.TextContentAsync("[data-testid=judgements] li");
        Assert.Contains("is the same as", decision, StringComparison.Ordinal);
        Assert.Contains("Dandong Hongxiang Industrial Development Co., Ltd.", decision, StringComparison.Ordinal);
        await page.WaitForSelectorAsync("#network[data-ready=true]");

        await page.GotoAsync("/review");
        await page.WaitForSelectorAsync("body[data-review-keys=ready]");
        await page.Keyboard.PressAsync("z");

        await page.WaitForSelectorAsync("[data-testid=flash]");
        Assert.Contains("Undone", await page.TextContentAsync("[data-testid=flash]"), StringComparison.Ordinal);
        Assert.Null(host.Store.Edges.Get("co-hongxiang", "reg-hongxiang")!.User);
        Assert.Equal("co-hongxiang", await page.GetAttributeAsync("[data-testid=pair]", "data-left"));
        await page.GotoAsync("/entities/reg-hongxiang");
        Assert.Equal(0, await page.Locator("[data-testid=merged-count]").CountAsync());
        Assert.Empty(watch.Dialogs);
        Assert.Empty(watch.ConsoleErrors);
    }

    [SkippableFact]
    public async Task Review_KeyboardSkip_ShowsTheNextPairWithoutJudging()
    {
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.SignInAsync("ada"); // skips are per user: another analyst's queue is not touched
        await page.GotoAsync("/review");
        await page.WaitForSelectorAsync("body[data-review-keys=ready]");
        var first = await page.GetAttributeAsync("[data-testid=pair]", "data-left");

        await page.Keyboard.PressAsync("s");

        await page.WaitForSelectorAsync("[data-testid=pair][data-left=co-golden]");

        Assert.Contains("Skipped co-hongxiang and reg-hongxiang", await page.TextContentAsync("[data-testid=flash]"), StringComparison.Ordinal);
        Assert.NotEqual(first, await page.GetAttributeAsync("[data-testid=pair]", "data-left"));
        Assert.Null(host.Store.Edges.Get("co-hongxiang", "reg-hongxiang")!.User);
    }

    [SkippableFact]
    public async Task Review_Viewer_CannotJudge()
    {
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.SignInAsync("vic");

        Assert.Equal(0, await page.Locator("nav a[href='/review']").CountAsync());
        var response = await page.GotoAsync("/review");

        Assert.Equal(403, response!.Status);
        Assert.Contains("/denied", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=pair]").CountAsync());
        await page.Keyboard.PressAsync("y");
        var status = await page.EvaluateAsync<int>(
            """
            async () => (await fetch('/api/review/judgements', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': document.querySelector('meta[name=csrf-token]').content },
                body: JSON.stringify({ left_id: 'co-golden', right_id: 'reg-golden', judgement: 'positive' }),
            })).status
            """);
        Assert.Equal(403, status);
        Assert.Null(host.Store.Edges.Get("co-golden", "reg-golden")!.User);
    }
}
