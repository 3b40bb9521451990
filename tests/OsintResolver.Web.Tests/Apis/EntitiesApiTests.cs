using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Apis;

public sealed class EntitiesApiTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task GetEntity_KnownId_ReturnsFtmShape()
    {
        var (response, body) = await host.GetJsonAsync("/api/entities/co-hongxiang");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("co-hongxiang", body.GetProperty("id").GetString());
        Assert.Equal("Company", body.GetProperty("schema").GetString());
        Assert.Equal("丹东鸿祥实业发展有限公司", body.GetProperty("properties").GetProperty("name")[0].GetString());
        Assert.Equal("fixture", body.GetProperty("datasets")[0].GetString());
    }

    [Fact]
    public async Task GetEntity_UnknownId_Returns404ProblemDetailsFromNotFoundException()
    {
        var (response, body) = await host.GetJsonAsync("/api/entities/no-such-entity");

        Problem.Assert(response, body, 404, "no-such-entity");
        Assert.Equal("urn:osintresolver:problem:not-found", body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task GetEntity_MalformedId_Returns400ProblemDetails()
    {
        var (response, body) = await host.GetJsonAsync("/api/entities/not%20an%20id");

        Problem.Assert(response, body, 400, "not an entity id");
    }
}
