using System.Net;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Security;

/// <summary>Crawled text is hostile: every page shows it as text, never as markup, and the CSP forbids inline script.</summary>
public sealed class HostileContentTests(UiHostFixture host) : IClassFixture<UiHostFixture>
{
    public const string ScriptName = "<script>alert('xss-name')</script>Evil Corp";
    public const string AttributeBreaker = "\"><img src=x onerror=alert('xss-alias')>";

    [Fact]
    public async Task ProfilePage_HostileNames_AreEncodedTextNotMarkup()
    {
        using var session = await host.SignInAsync("alice");

        var (response, html) = await session.GetPageAsync("/entities/evil-script");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg onload", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        var doc = Html.Parse(html);
        Html.AssertNoInjectedContent(doc);
        // The payloads survive as the exact text the source gave: encoded, not stripped.
        Assert.Equal(ScriptName, doc.QuerySelector("[data-testid=caption]")!.TextContent);
        Assert.Contains(doc.QuerySelectorAll("tr[data-prop=alias] td.value"), td => td.TextContent.Trim() == AttributeBreaker);
        Assert.Contains("aria-label", doc.QuerySelector("#network")!.OuterHtml, StringComparison.Ordinal);
        Assert.Equal($"Network of {ScriptName}", doc.QuerySelector("#network")!.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("JavaScript:alert(1)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("/relative", null)]
    [InlineData("https://example.org/a?b=\"><x>", "https://example.org/a?b=%22%3E%3Cx%3E")]
    public void SafeLink_OnlyHttpUrls_BecomeLinks(string url, string? expected)
    {
        // The URL type already refuses javascript: on import; links are still checked where they are made.
        Assert.Equal(expected, OsintResolver.Web.Pages.EntityModel.SafeLink(url));
    }

    [Fact]
    public async Task ProfilePage_AttributeBreakingNameOfRelatedEntity_StaysInsideItsElement()
    {
        using var session = await host.SignInAsync("alice");

        var (_, html) = await session.GetPageAsync("/entities/evil-script");
        var doc = Html.Parse(html);

        var owner = doc.QuerySelectorAll("[data-group=ownershipAsset] li a").Single();
        Assert.Equal("/entities/evil-owner", owner.GetAttribute("href"));
        Assert.Equal("x' onmouseover='alert(1)' data-x='y", owner.TextContent);
        Html.AssertNoInjectedContent(doc);
    }

    [Fact]
    public async Task ReviewPage_HostileRecordsAndExplanation_AreEncoded()
    {
        using var session = await host.SignInAsync("alice");
        foreach (var (a, b, _, _) in UiHostFixture.Suggestions.Take(2))
        {
            await host.PostJsonAsync("/api/review/skip", new { left_id = a, right_id = b });
        }

        var (_, html) = await session.GetPageAsync("/review");
        var doc = Html.Parse(html);

        Assert.Equal("evil-script", doc.QuerySelector("[data-testid=pair]")!.GetAttribute("data-right"));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<script>alert('xss-explanation')</script>", doc.QuerySelector("[data-testid=explanation]")!.TextContent, StringComparison.Ordinal);
        Html.AssertNoInjectedContent(doc);
    }

    [Fact]
    public async Task GraphApi_HostileLabels_AreJsonStringsWithHtmlCharactersEscaped()
    {
        var response = await host.Client.GetAsync("/api/entities/evil-script/graph");
        var text = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        var body = await WebHostFixture.ReadAsync(response);
        var root = body.GetProperty("elements").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("data").GetProperty("id").GetString() == "evil-script");
        Assert.Equal(ScriptName, root.GetProperty("data").GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/entities/evil-script")]
    [InlineData("/review")]
    [InlineData("/crawls")]
    [InlineData("/api/status")]
    [InlineData("/css/site.css")]
    public async Task Responses_AnyPage_CarryStrictCsp(string path)
    {
        using var session = await host.SignInAsync("alice");

        var (response, _) = await session.GetPageAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task NotFoundPage_EchoedId_IsEncoded()
    {
        using var session = await host.SignInAsync("alice");

        var (response, html) = await session.GetPageAsync("/entities/%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Html.AssertNoInjectedContent(Html.Parse(html));
    }
}
