using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Apis;

public sealed class StatusApiTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task GetStatus_SeededStore_CountsEntitiesAndReportsIndexAndMatcher()
    {
        var (response, body) = await host.GetJsonAsync("/api/status");

        Assert.Equal(200, (int)response.StatusCode);
        var datasets = body.GetProperty("datasets").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("entities").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["cn_registry"] = 3, ["fixture"] = 9 }, datasets);
        var index = body.GetProperty("index");
        Assert.Equal("lucene", index.GetProperty("backend").GetString());
        Assert.Equal(10, index.GetProperty("entities").GetInt64()); // 9 + the address; two ids are in both datasets
        Assert.False(index.GetProperty("matcher_is_fallback").GetBoolean());
        Assert.StartsWith("matcher-", index.GetProperty("matcher").GetString());
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404ProblemDetails()
    {
        var (response, body) = await host.GetJsonAsync("/api/no-such-thing");

        Problem.Assert(response, body, 404);
    }
}
