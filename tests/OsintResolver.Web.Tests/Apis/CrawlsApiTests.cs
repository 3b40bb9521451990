using OsintResolver.Store.Runs;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Apis;

public sealed class CrawlsApiTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task List_DatasetWithRuns_ShowsLastRunStatsAndFailures()
    {
        var failed = host.Store.BeginRun("broken_source", RunKind.Crawl, WriteMode.Staged);
        host.Store.FailRun(failed, "assertion failed: expected at least 100 Person entities, got 3", """{"pages":4,"entities":{"Person":3}}""");

        var (response, body) = await host.GetJsonAsync("/api/crawls");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.False(body.GetProperty("can_run").GetBoolean());
        var sources = body.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        var fixture = sources["fixture"].GetProperty("last_run");
        Assert.Equal("succeeded", fixture.GetProperty("state").GetString());
        Assert.Equal(9, fixture.GetProperty("stats").GetProperty("entities").GetInt32());
        var broken = sources["broken_source"];
        Assert.Equal("failed", broken.GetProperty("last_run").GetProperty("state").GetString());
        Assert.Contains("expected at least 100", broken.GetProperty("last_run").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, broken.GetProperty("last_run").GetProperty("stats").GetProperty("entities").GetProperty("Person").GetInt32());
        Assert.False(broken.TryGetProperty("last_success", out _));
    }

    [Fact]
    public async Task RunNow_NoCrawlEngineInHost_Returns409()
    {
        var (response, body) = await host.PostJsonAsync("/api/crawls/fixture/run", new { });

        Problem.Assert(response, body, 409, "no crawl engine");
    }

    [Fact]
    public async Task RunNow_Viewer_Returns403()
    {
        using var client = host.CreateClient(host.ApiKeys["vic"]);

        var response = await client.PostAsync("/api/crawls/fixture/run", null);

        Problem.Assert(response, await WebHostFixture.ReadAsync(response), 403);
    }

    [Fact]
    public async Task PauseThenResume_Admin_ShownInTheListThenCleared()
    {
        using var admin = host.CreateClient(host.ApiKeys["ada"]);

        var paused = await admin.PostAsync("/api/crawls/fixture/pause",
            System.Net.Http.Json.JsonContent.Create(new { reason = "registry mirror is down" }));
        var (_, during) = await host.GetJsonAsync("/api/crawls");
        var resumed = await admin.PostAsync("/api/crawls/fixture/resume", null);
        var (_, after) = await host.GetJsonAsync("/api/crawls");

        Assert.Equal(204, (int)paused.StatusCode);
        var pause = Source(during, "fixture").GetProperty("paused");
        Assert.Equal("ada", pause.GetProperty("paused_by").GetString());
        Assert.Equal("registry mirror is down", pause.GetProperty("reason").GetString());
        Assert.Equal(204, (int)resumed.StatusCode);
        Assert.False(Source(after, "fixture").TryGetProperty("paused", out _));
    }

    [Theory]
    [InlineData("alice", "fixture", 403)]
    [InlineData("ada", "no_such_source", 404)]
    public async Task Pause_NotAdminOrUnknownSource_IsRefused(string user, string source, int status)
    {
        using var client = host.CreateClient(host.ApiKeys[user]);

        var response = await client.PostAsync($"/api/crawls/{source}/pause", null);

        Problem.Assert(response, await WebHostFixture.ReadAsync(response), status);
        Assert.False(new Store.Crawl.SourcePauses(host.Store).IsPaused(source));
    }

    private static System.Text.Json.JsonElement Source(System.Text.Json.JsonElement body, string name) =>
        body.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
}
