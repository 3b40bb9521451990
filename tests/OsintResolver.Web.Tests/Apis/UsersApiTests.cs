using System.Net.Http.Json;
using OsintResolver.Web.Auth;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Apis;

public sealed class UsersApiTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task CreateListRemove_Admin_ManagesUsers()
    {
        using var admin = host.CreateClient(host.ApiKeys["ada"]);

        var created = await admin.PostAsJsonAsync("/api/users", new { name = "scripted", role = "viewer", password = "scripted password" });
        var listed = await WebHostFixture.ReadAsync(await admin.GetAsync("/api/users"));
        var removed = await admin.DeleteAsync("/api/users/scripted");

        Assert.Equal(201, (int)created.StatusCode);
        Assert.Equal("/api/users/scripted", created.Headers.Location!.OriginalString);
        Assert.Contains(listed.EnumerateArray(), u => u.GetProperty("name").GetString() == "scripted" && u.GetProperty("role").GetString() == "viewer");
        Assert.DoesNotContain(listed.EnumerateArray(), u => u.TryGetProperty("password_hash", out _));
        Assert.Equal(204, (int)removed.StatusCode);
        Assert.Null(new UserAccounts(host.Store).Store.Get("scripted"));
    }

    [Theory]
    [InlineData("bad name!", "viewer", "scripted password", 400, "user name")]
    [InlineData("shorty", "viewer", "short", 400, "10–256 characters")]
    [InlineData("roleless", "owner", "scripted password", 400, "unknown role")]
    [InlineData("alice", "viewer", "scripted password", 409, "already exists")]
    public async Task Create_BadRequest_ReturnsProblem(string name, string role, string password, int status, string detail)
    {
        using var admin = host.CreateClient(host.ApiKeys["ada"]);

        var response = await admin.PostAsJsonAsync("/api/users", new { name, role, password });

        Problem.Assert(response, await WebHostFixture.ReadAsync(response), status, detail);
    }

    [Fact]
    public async Task Remove_Self_IsRefused()
    {
        using var admin = host.CreateClient(host.ApiKeys["ada"]);

        var response = await admin.DeleteAsync("/api/users/ada");

        Problem.Assert(response, await WebHostFixture.ReadAsync(response), 409, "own account");
    }
}
