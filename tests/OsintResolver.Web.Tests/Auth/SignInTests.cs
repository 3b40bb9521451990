using System.Net;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Auth;

public sealed class SignInTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task Api_NoCredentials_Returns401ProblemDetails()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync("/api/entities/co-hongxiang");

        Problem.Assert(response, await WebHostFixture.ReadAsync(response), 401, "sign in");
    }

    [Fact]
    public async Task Page_NoCredentials_RedirectsToSignIn()
    {
        using var session = new BrowserSession(host.BaseAddress);

        var (response, _) = await session.GetPageAsync("/entities/co-hongxiang");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fentities%2Fco-hongxiang", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_RightPassword_SetsHttpOnlyStrictCookieAndRedirects()
    {
        using var session = new BrowserSession(host.BaseAddress);

        var response = await session.PostFormAsync("/login",
            new() { ["name"] = "alice", ["password"] = "analyst password 1", ["returnUrl"] = "/entities/co-hongxiang" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/entities/co-hongxiang", response.Headers.Location!.OriginalString);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("osint.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        var (page, html) = await session.GetPageAsync("/entities/co-hongxiang");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("alice", Html.Parse(html).QuerySelector("[data-testid=who]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ExternalReturnUrl_RedirectsHomeInstead()
    {
        using var session = new BrowserSession(host.BaseAddress);

        var response = await session.PostFormAsync("/login",
            new() { ["name"] = "alice", ["password"] = "analyst password 1", ["returnUrl"] = "https://evil.example/steal" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("alice", "wrong password 123")]
    [InlineData("nobody", "analyst password 1")]
    public async Task Login_WrongNameOrPassword_Returns401WithoutSession(string name, string password)
    {
        using var session = new BrowserSession(host.BaseAddress);

        var response = await session.PostFormAsync("/login", new() { ["name"] = name, ["password"] = password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong user name or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(session.Cookies, c => c.Name == "osint.session");
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_Returns400()
    {
        using var session = new BrowserSession(host.BaseAddress);

        var response = await session.PostFormAsync("/login", new() { ["name"] = "alice", ["password"] = "analyst password 1" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(session.Cookies, c => c.Name == "osint.session");
    }

    [Fact]
    public async Task Logout_Post_EndsTheSession()
    {
        using var session = await host.SignInAsync("vic");

        var response = await session.PostFormAsync("/logout", [], fromPage: "/crawls");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (page, _) = await session.GetPageAsync("/crawls");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task ApiKey_Valid_ReadsAsItsUser()
    {
        using var client = host.CreateClient(host.ApiKeys["vic"]);

        var response = await client.GetAsync("/api/me");
        var body = await WebHostFixture.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("vic", body.GetProperty("name").GetString());
        Assert.Equal("viewer", body.GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("osk_000000000000_nottherightsecretatall")]
    [InlineData("not-a-key")]
    public async Task ApiKey_Unknown_Returns401(string key)
    {
        using var client = host.CreateClient(key);

        var response = await client.GetAsync("/api/status");

        Problem.Assert(response, await WebHostFixture.ReadAsync(response), 401);
    }

    [Fact]
    public async Task ApiKey_InXApiKeyHeader_IsAccepted()
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", host.ApiKeys["ada"]);

        var response = await client.GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
