using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Apis;

public sealed class StatusApiTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task GetStatus_SeededStore_CountsEntitiesOfTheFixture()
    {
        var (response, body) = await host.GetJsonAsync("/api/status");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(9, body.GetProperty("entities").GetInt64());
        var dataset = Assert.Single(body.GetProperty("datasets").EnumerateArray());
        Assert.Equal("fixture", dataset.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404ProblemDetails()
    {
        var (response, body) = await host.GetJsonAsync("/api/no-such-thing");

        Problem.Assert(response, body, 404);
    }
}
