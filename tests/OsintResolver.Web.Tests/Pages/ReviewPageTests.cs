using System.Net;
using OsintResolver.Store.Edges;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Pages;

public sealed class ReviewPageTests(UiHostFixture host) : IClassFixture<UiHostFixture>
{
    [Fact]
    public async Task Get_Analyst_ShowsMostUncertainPairSideBySide()
    {
        using var session = await host.SignInAsync("alice");

        var (response, html) = await session.GetPageAsync("/review");
        var doc = Html.Parse(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pair = doc.QuerySelector("[data-testid=pair]")!;
        Assert.Equal("co-hongxiang", pair.GetAttribute("data-left"));
        Assert.Equal("reg-hongxiang", pair.GetAttribute("data-right"));
        Assert.Equal("0.55", doc.QuerySelector("[data-testid=score]")!.TextContent);
        Assert.Contains("transliterated", doc.QuerySelector("[data-testid=explanation]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("agree-same", doc.QuerySelector("tr[data-prop=registrationNumber]")!.ClassName);
        Assert.Equal("agree-different", doc.QuerySelector("tr[data-prop=address]")!.ClassName);
        Assert.Equal("agree-different", doc.QuerySelector("tr[data-prop=incorporationDate]")!.ClassName);
        Assert.Equal("agree-only-left", doc.QuerySelector("tr[data-prop=alias]")!.ClassName);
        // The agreeing name is aligned on the first line of both sides.
        var names = doc.QuerySelectorAll("tr[data-prop=name] td");
        Assert.Equal("Dandong Hongxiang Industrial Development Co., Ltd.", names[0].QuerySelector(".v.match")!.TextContent);
        Assert.Equal("Dandong Hongxiang Industrial Development Co., Ltd.", names[1].QuerySelector(".v.match")!.TextContent);
        Assert.Equal("丹东鸿祥实业发展有限公司", names[0].QuerySelector(".v.diff")!.TextContent);
        Assert.Equal(["y", "n", "u", "s", "z"], doc.QuerySelectorAll("[data-key]").Select(e => e.GetAttribute("data-key")).ToList());
        Assert.Equal("3", doc.QuerySelector("[data-testid=pending]")!.TextContent);
        Assert.All(doc.QuerySelectorAll("form[method=post]"), f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
    }

    [Fact]
    public async Task JudgeForm_SameThenUndo_MergesIntoOneProfileThenSplits()
    {
        using var session = await host.SignInAsync("alice");

        var judged = await session.PostFormAsync("/review?handler=Judge",
            new() { ["left"] = "co-golden", ["right"] = "reg-golden", ["judgement"] = "positive" }, fromPage: "/review");

        Assert.Equal(HttpStatusCode.Redirect, judged.StatusCode);
        Assert.Equal(Judgement.Positive, host.Store.Edges.Get("co-golden", "reg-golden")!.Judgement);
        var (_, flash) = await session.GetPageAsync(judged.Headers.Location!.OriginalString);
        var flashDoc = Html.Parse(flash);
        Assert.Contains("co-golden and reg-golden are the same", flashDoc.QuerySelector("[data-testid=flash]")!.TextContent, StringComparison.Ordinal);
        var canonicalLink = flashDoc.QuerySelector("[data-testid=flash-link]")!.GetAttribute("href")!;

        // Either record's profile now leads to the one canonical profile with both records.
        var (redirect, _) = await session.GetPageAsync("/entities/reg-golden");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal(canonicalLink, redirect.Headers.Location!.OriginalString);
        var (_, profile) = await session.GetPageAsync(canonicalLink);
        var doc = Html.Parse(profile);
        Assert.Equal("2 records merged", doc.QuerySelector("[data-testid=merged-count]")!.TextContent);
        Assert.Equal(["co-golden", "reg-golden"], doc.QuerySelectorAll("[data-testid=records] tr[data-record]").Select(r => r.GetAttribute("data-record")).ToList());
        var names = doc.QuerySelectorAll("tr[data-prop=name] td.value").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Golden Star Trading LLC", names);
        Assert.Contains("Golden Star Trading L.L.C.", names);
        var decision = doc.QuerySelector("[data-testid=judgements] li")!.TextContent;
        Assert.Contains("is the same as", decision, StringComparison.Ordinal);
        Assert.Contains("alice", decision, StringComparison.Ordinal);

        var undone = await session.PostFormAsync("/review?handler=Undo", [], fromPage: "/review");

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Null(host.Store.Edges.Get("co-golden", "reg-golden")!.User);
        var (after, afterHtml) = await session.GetPageAsync("/entities/co-golden");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var afterDoc = Html.Parse(afterHtml);
        Assert.Null(afterDoc.QuerySelector("[data-testid=merged-count]"));
        Assert.Null(afterDoc.QuerySelector("[data-testid=judgements]"));
    }

    [Fact]
    public async Task JudgeForm_WithoutAntiforgeryToken_Returns400()
    {
        using var session = await host.SignInAsync("alice");

        var response = await session.PostFormAsync("/review?handler=Judge",
            new() { ["left"] = "co-golden", ["right"] = "reg-golden", ["judgement"] = "negative" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual(Judgement.Negative, host.Store.Edges.Get("co-golden", "reg-golden")!.Judgement);
    }
}
