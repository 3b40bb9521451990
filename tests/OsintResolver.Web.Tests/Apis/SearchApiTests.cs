using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Apis;

public sealed class SearchApiTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task Search_HanName_FindsEntityWithRomanisedAliasAndHighlights()
    {
        var (response, body) = await host.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("鸿祥"));

        Assert.Equal(200, (int)response.StatusCode);
        var first = body.GetProperty("results")[0];
        Assert.Equal("co-hongxiang", first.GetProperty("id").GetString());
        Assert.Contains("<em>", first.GetProperty("highlights").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MisspeltWithFilters_ReturnsYenteShapeWithLabelledFacets()
    {
        var (response, body) = await host.GetJsonAsync("/api/search?q=Chonmasan+Shiping&topics=sanction&schema=Company&countries=kp");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1, body.GetProperty("total").GetProperty("value").GetInt64());
        Assert.Equal("eq", body.GetProperty("total").GetProperty("relation").GetString());
        Assert.Equal(10, body.GetProperty("limit").GetInt32());
        Assert.Equal(0, body.GetProperty("offset").GetInt32());
        Assert.Equal("co-shipping", body.GetProperty("results")[0].GetProperty("id").GetString());
        var countries = body.GetProperty("facets").GetProperty("countries");
        Assert.Equal("Countries", countries.GetProperty("label").GetString());
        var kp = countries.GetProperty("values")[0];
        Assert.Equal("kp", kp.GetProperty("name").GetString());
        Assert.Contains("Korea", kp.GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, kp.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Search_BrowseByTopic_PaginatesWithStableTotal()
    {
        var (_, page1) = await host.GetJsonAsync("/api/search?topics=sanction&limit=2&offset=0&facets=schema");
        var (_, page2) = await host.GetJsonAsync("/api/search?topics=sanction&limit=2&offset=2&facets=schema");

        Assert.Equal(4, page1.GetProperty("total").GetProperty("value").GetInt64());
        var ids = page1.GetProperty("results").EnumerateArray().Concat(page2.GetProperty("results").EnumerateArray())
            .Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(4, ids.Distinct().Count());
        Assert.Equal(["schema"], page1.GetProperty("facets").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("/api/search?q=golden&limit=100000", "limit")]
    [InlineData("/api/search?q=golden&offset=9999&limit=10", "offset + limit")]
    [InlineData("/api/search?q=go*", "prefix")]
    [InlineData("/api/search?q=golden&limit=ten", "limit")]
    [InlineData("/api/search?q=golden&facets=everything", "unknown facet")]
    [InlineData("/api/search?q=golden&schema=Spaceship", "unknown schema")]
    [InlineData("/api/search?q=golden&countries=Atlantis", "country")]
    public async Task Search_DangerousOrMalformedQuery_Returns400ProblemDetails(string path, string detail)
    {
        var (response, body) = await host.GetJsonAsync(path);

        Problem.Assert(response, body, 400, detail);
    }

    [Fact]
    public async Task Search_HugeQueryText_Returns400()
    {
        var (response, body) = await host.GetJsonAsync("/api/search?q=" + new string('a', 600));

        Problem.Assert(response, body, 400, "at most 500");
    }
}
