using OsintResolver.Store.Runs;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Pages;

public sealed class CrawlsPageTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task Get_FailedRun_ShowsStateStatsAndWhyItFailed()
    {
        var run = host.Store.BeginRun("flaky_source", RunKind.Crawl, WriteMode.Staged);
        host.Store.FailRun(run, "assertions failed",
            """{"requests":7,"retries":0,"entities_by_schema":{"Person":3},"failure_samples":["https://example.org/list: 503 after 5 attempts"],"assertion_failures":["Person: 3 < min 500"]}""");
        using var session = await host.SignInAsync("vic");

        var (_, html) = await session.GetPageAsync("/crawls");
        var row = Html.Parse(html).QuerySelector("tr[data-source=flaky_source]")!;

        Assert.Equal("failed", row.QuerySelector("[data-testid=state]")!.TextContent);
        var stats = row.QuerySelectorAll("dl.stats dt").Select(d => d.TextContent).ToList();
        Assert.Equal(["requests", "entities by schema.Person"], stats);
        var failures = row.QuerySelectorAll("td.failures p").Select(p => p.TextContent).ToList();
        Assert.Equal(["assertions failed", "https://example.org/list: 503 after 5 attempts", "Person: 3 < min 500"], failures);
        // No crawl engine in this host: nobody gets a run button.
        Assert.Null(row.QuerySelector("button"));
    }

    [Fact]
    public async Task PauseForm_Admin_PausesTheScheduleAndAnalystsSeeNoForm()
    {
        using var admin = await host.SignInAsync("ada");
        using var analyst = await host.SignInAsync("alice");

        var (_, adminHtml) = await admin.GetPageAsync("/crawls");
        var (_, analystHtml) = await analyst.GetPageAsync("/crawls");
        var response = await admin.PostFormAsync("/crawls?handler=Pause", new Dictionary<string, string> { ["source"] = "cn_registry", ["reason"] = "<b>licence</b> expired" });
        var (_, afterHtml) = await admin.GetPageAsync("/crawls");
        new Store.Crawl.SourcePauses(host.Store).Resume("cn_registry");

        Assert.NotNull(Html.Parse(adminHtml).QuerySelector("tr[data-source=cn_registry] [data-testid=pause]"));
        Assert.Null(Html.Parse(analystHtml).QuerySelector("tr[data-source=cn_registry] [data-testid=pause]"));
        Assert.Equal(302, (int)response.StatusCode);
        var row = Html.Parse(afterHtml).QuerySelector("tr[data-source=cn_registry]")!;
        Assert.Equal("paused", row.QuerySelector("[data-testid=paused]")!.TextContent);
        Assert.Contains("<b>licence</b> expired", row.TextContent, StringComparison.Ordinal); // shown as text, not markup
        Assert.Null(row.QuerySelector("b"));
        Assert.NotNull(row.QuerySelector("[data-testid=resume]"));
    }
}
