using System.Net;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Security;

public sealed class ApiAntiforgeryTests(UiHostFixture host) : IClassFixture<UiHostFixture>
{
    [Fact]
    public async Task CookiePost_WithoutToken_Returns400AndChangesNothing()
    {
        using var session = await host.SignInAsync("alice");

        var (response, body) = await session.PostJsonAsync("/api/review/judgements",
            new { left_id = "co-golden", right_id = "reg-golden", judgement = "positive" }, withToken: false);

        Problem.Assert(response, body, 400, "antiforgery token");
        Assert.Null(host.Store.Edges.Get("co-golden", "reg-golden")!.User);
    }

    [Fact]
    public async Task CookiePost_WithToken_IsAccepted()
    {
        using var session = await host.SignInAsync("alice");

        var (response, body) = await session.PostJsonAsync("/api/review/undo", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("undone").GetBoolean());
    }

    [Fact]
    public async Task ApiKeyPost_WithoutToken_IsAccepted()
    {
        var (response, _) = await host.PostRawAsync("/api/review/undo", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
