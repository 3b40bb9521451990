using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Apis;

public sealed class MatchApiTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task Match_YenteRequest_ReturnsYenteResponseShape()
    {
        var (response, body) = await host.PostJsonAsync("/api/match/default?limit=3", new
        {
            queries = new
            {
                q1 = new { schema = "Company", properties = new { name = new[] { "丹东鸿祥实业发展有限公司" }, jurisdiction = new[] { "China" } } },
                q2 = new { schema = "Person", properties = new { name = new[] { "Ma Xiaohong" }, birthDate = new[] { "1971" } } },
            },
        });

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(3, body.GetProperty("limit").GetInt32());
        var q1 = body.GetProperty("responses").GetProperty("q1");
        Assert.Equal(200, q1.GetProperty("status").GetInt32());
        Assert.Equal("Company", q1.GetProperty("query").GetProperty("schema").GetString());
        Assert.Equal("cn", q1.GetProperty("query").GetProperty("properties").GetProperty("jurisdiction")[0].GetString());
        Assert.True(q1.GetProperty("total").GetProperty("value").GetInt64() >= 1);
        var top = q1.GetProperty("results")[0];
        Assert.Equal("co-hongxiang", top.GetProperty("id").GetString());
        foreach (var field in new[] { "caption", "schema", "properties", "datasets", "referents", "target", "score", "match", "features", "explanation" })
        {
            Assert.True(top.TryGetProperty(field, out _), $"result lacks '{field}'");
        }

        Assert.True(top.GetProperty("match").GetBoolean());
        Assert.InRange(top.GetProperty("score").GetDouble(), 0.5, 1.0);
        Assert.Equal(1.0, top.GetProperty("features").GetProperty("name_exact").GetDouble());
        Assert.Equal(1.0, top.GetProperty("features").GetProperty("country").GetDouble());
        Assert.Contains("names", top.GetProperty("explanation").GetString());
        Assert.DoesNotContain("differ", top.GetProperty("explanation").GetString());

        var person = body.GetProperty("responses").GetProperty("q2").GetProperty("results")[0];
        Assert.Equal("person-ma", person.GetProperty("id").GetString());
        Assert.InRange(person.GetProperty("features").GetProperty("date_similarity").GetDouble(), 0.8, 1.0); // year only: agrees at the precision both give
        Assert.Contains("Jaro-Winkler", body.GetProperty("matcher").GetProperty("name_jaro_winkler").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Match_YenteAlgorithmName_IsAnsweredByTheShippedMatcher()
    {
        var (_, body) = await host.PostJsonAsync("/api/match/default?algorithm=logic-v1", new
        {
            queries = new { a = new { schema = "Vessel", properties = new { name = "Chon Ma San" } } },
        });

        var algorithm = body.GetProperty("algorithm");
        Assert.StartsWith("matcher-", algorithm.GetProperty("name").GetString());
        Assert.False(algorithm.GetProperty("fallback").GetBoolean());
        Assert.Equal("logic-v1", algorithm.GetProperty("requested").GetString());
    }

    [Fact]
    public async Task Match_MismatchedBirthDate_ScoresBelowThresholdAndIsNoMatch()
    {
        var (_, body) = await host.PostJsonAsync("/api/match/default", new
        {
            queries = new { a = new { schema = "Person", properties = new { name = new[] { "Ma Xiaohong" }, birthDate = new[] { "1985-01-01" } } } },
        });

        var result = body.GetProperty("responses").GetProperty("a").GetProperty("results")[0];
        Assert.Equal("person-ma", result.GetProperty("id").GetString());
        Assert.Equal(0.0, result.GetProperty("features").GetProperty("date_similarity").GetDouble());
        Assert.False(result.GetProperty("match").GetBoolean());
        Assert.Contains("dates differ", result.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task Match_SameImoOtherName_MatchesTheRenamedVessel()
    {
        var (_, body) = await host.PostJsonAsync("/api/match/fixture", new
        {
            queries = new { v = new { schema = "Vessel", properties = new { name = new[] { "Unknown Tanker" }, imoNumber = new[] { "8660313" } } } },
        });

        var result = body.GetProperty("responses").GetProperty("v").GetProperty("results")[0];
        Assert.Equal("vessel-chonma", result.GetProperty("id").GetString());
        Assert.True(result.GetProperty("match").GetBoolean(), result.GetRawText());
        Assert.Equal(1.0, result.GetProperty("features").GetProperty("identifier_match").GetDouble());
        Assert.Contains("same IMO number", result.GetProperty("explanation").GetString());
    }

    [Theory]
    [InlineData("""{"queries": {"a": {"schema": "Spaceship", "properties": {"name": ["x"]}}}}""", "unknown or missing schema")]
    [InlineData("""{"queries": {"a": {"schema": "Person", "properties": {"wingspan": ["x"]}}}}""", "no property 'wingspan'")]
    [InlineData("""{"queries": {"a": {"schema": "Person", "properties": {"birthDate": ["30/06/1971"]}}}}""", "queries.a: invalid value")]
    [InlineData("""{"queries": {"a": {"schema": "Person", "properties": {}}}}""", "at least one value")]
    [InlineData("""{"queries": {}}""", "needs 'queries'")]
    [InlineData("""{"queries": {"a": {"schema": "Person", "properties": {"name": {"x": 1}}}}}""", "string or a list")]
    [InlineData("""{"queries": [1, 2]""", "")]
    [InlineData("""not json""", "")]
    public async Task Match_MalformedRequest_Returns400ProblemDetails(string json, string detail)
    {
        var (response, body) = await host.PostRawAsync("/api/match/default", json);

        Problem.Assert(response, body, 400, detail.Length > 0 ? detail : null);
    }

    [Theory]
    [InlineData("/api/match/default?limit=100000", 400, "limit")]
    [InlineData("/api/match/default?threshold=7", 400, "threshold")]
    [InlineData("/api/match/default?algorithm=magic", 400, "unknown algorithm")]
    [InlineData("/api/match/no_such_dataset", 404, "no dataset")]
    public async Task Match_BadParameters_AreRefusedWithProblemDetails(string path, int status, string detail)
    {
        var (response, body) = await host.PostJsonAsync(path, new { queries = new { a = new { schema = "Person", properties = new { name = "Ma Xiaohong" } } } });

        Problem.Assert(response, body, status, detail);
    }

    [Fact]
    public async Task Match_TooManyQueries_Returns400()
    {
        var queries = Enumerable.Range(0, 101).ToDictionary(i => $"q{i}", _ => new { schema = "Person", properties = new { name = "x" } });

        var (response, body) = await host.PostJsonAsync("/api/match/default", new { queries });

        Problem.Assert(response, body, 400, "at most 100 queries");
    }
}
