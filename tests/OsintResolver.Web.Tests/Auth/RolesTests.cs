using System.Net;
using OsintResolver.Store.Users;
using OsintResolver.Web.Auth;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Auth;

public sealed class RolesTests(UiHostFixture host) : IClassFixture<UiHostFixture>
{
    [Fact]
    public async Task JudgeApi_Viewer_Returns403AndStoresNothing()
    {
        using var client = host.CreateClient(host.ApiKeys["vic"]);

        var response = await client.PostAsync("/api/review/judgements",
            System.Net.Http.Json.JsonContent.Create(new { left_id = "co-golden", right_id = "reg-golden", judgement = "positive" }));

        Problem.Assert(response, await WebHostFixture.ReadAsync(response), 403, "vic");
        Assert.Null(host.Store.Edges.Get("co-golden", "reg-golden")!.User);
    }

    [Fact]
    public async Task ReviewPage_Viewer_IsDenied()
    {
        using var session = await host.SignInAsync("vic");

        var (response, _) = await session.GetPageAsync("/review");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/denied", response.Headers.Location!.AbsolutePath);
        var (denied, html) = await session.GetPageAsync(response.Headers.Location.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("analyst role", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewJudgeForm_ViewerPostingDirectly_IsDenied()
    {
        using var session = await host.SignInAsync("vic");

        var response = await session.PostFormAsync("/review?handler=Judge",
            new() { ["left"] = "co-golden", ["right"] = "reg-golden", ["judgement"] = "positive" }, fromPage: "/crawls");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/denied", response.Headers.Location!.AbsolutePath);
        Assert.Null(host.Store.Edges.Get("co-golden", "reg-golden")!.User);
    }

    [Fact]
    public async Task Navigation_Viewer_HasNoReviewOrUsersLinks()
    {
        using var session = await host.SignInAsync("vic");

        var (_, html) = await session.GetPageAsync("/crawls");
        var links = Html.Parse(html).QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/crawls", links);
        Assert.DoesNotContain("/review", links);
        Assert.DoesNotContain("/users", links);
    }

    [Fact]
    public async Task UsersApi_Analyst_Returns403()
    {
        var response = await host.Client.GetAsync("/api/users");

        Problem.Assert(response, await WebHostFixture.ReadAsync(response), 403);
    }

    [Fact]
    public async Task UsersPage_AdminAddsUser_UserCanSignIn()
    {
        using var admin = await host.SignInAsync("ada");

        var response = await admin.PostFormAsync("/users?handler=Add",
            new() { ["name"] = "newbie", ["role"] = "viewer", ["password"] = "newbie password 1" }, fromPage: "/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = new UserAccounts(host.Store).Verify("newbie", "newbie password 1");
        Assert.NotNull(user);
        Assert.Equal(UserRole.Viewer, user.Role);
        Assert.StartsWith("AQAAAA", user.PasswordHash, StringComparison.Ordinal); // ASP.NET Core hasher v3 format, not the password
    }

    [Fact]
    public async Task Session_UserRemovedWhileSignedIn_LosesAccess()
    {
        new UserAccounts(host.Store).Create("temp", UserRole.Viewer, "temporary password");
        using var session = new BrowserSession(host.BaseAddress);
        await session.PostFormAsync("/login", new() { ["name"] = "temp", ["password"] = "temporary password" });
        Assert.Equal(HttpStatusCode.OK, (await session.GetPageAsync("/crawls")).Response.StatusCode);

        new UserStore(host.Store).Remove("temp");

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetPageAsync("/crawls")).Response.StatusCode);
    }

    [Fact]
    public async Task Session_RoleLowered_TakesEffectAtOnce()
    {
        var accounts = new UserAccounts(host.Store);
        accounts.Create("demoted", UserRole.Analyst, "demoted password");
        using var session = new BrowserSession(host.BaseAddress);
        await session.PostFormAsync("/login", new() { ["name"] = "demoted", ["password"] = "demoted password" });
        Assert.Equal(HttpStatusCode.OK, (await session.GetPageAsync("/review")).Response.StatusCode);

        accounts.SetRole("demoted", UserRole.Viewer);

        // The stamp changed: the old cookie is rejected, so the page asks to sign in again.
        var (response, _) = await session.GetPageAsync("/review");
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
    }
}

public sealed class AnonymousReadHostFixture : WebHostFixture
{
    protected override void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) =>
        builder.Configuration["Web:Auth:AllowAnonymousRead"] = "true";
}

public sealed class AnonymousReadTests(AnonymousReadHostFixture host) : IClassFixture<AnonymousReadHostFixture>
{
    [Fact]
    public async Task Read_AnonymousReadOn_ServesApiAndPages()
    {
        using var session = new BrowserSession(host.BaseAddress);

        var (page, _) = await session.GetPageAsync("/entities/co-hongxiang");
        var (api, body) = await session.GetJsonAsync("/api/entities/co-hongxiang");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("co-hongxiang", body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Judge_AnonymousReadOn_StillNeedsSignIn()
    {
        using var client = host.CreateClient();

        var response = await client.PostAsync("/api/review/undo", null);

        Problem.Assert(response, await WebHostFixture.ReadAsync(response), 401);
    }
}
