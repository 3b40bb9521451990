using OsintResolver.Store.Edges;
using OsintResolver.Store.Resolution;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Apis;

public sealed class ReviewApiTests(UiHostFixture host) : IClassFixture<UiHostFixture>
{
    [Fact]
    public async Task Next_OpenSuggestions_MostUncertainFirstWithComparison()
    {
        var (response, body) = await host.GetJsonAsync("/api/review/next?count=3");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(3, body.GetProperty("pending").GetInt64());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["co-hongxiang~reg-hongxiang", "co-golden~reg-golden", "co-shipping~evil-script"],
            items.Select(i => i.GetProperty("key").GetString()).ToList());
        var first = items[0];
        Assert.Equal(0.55, first.GetProperty("score").GetDouble(), 3);
        Assert.Contains("registration numbers are identical", first.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var rows = first.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("property").GetString()!);
        Assert.Equal("same", rows["registrationNumber"].GetProperty("agreement").GetString());
        Assert.Equal("same", rows["jurisdiction"].GetProperty("agreement").GetString());
        Assert.Equal("different", rows["incorporationDate"].GetProperty("agreement").GetString());
        Assert.Equal("only_left", rows["alias"].GetProperty("agreement").GetString());
        Assert.Equal("different", rows["address"].GetProperty("agreement").GetString());
    }

    [Fact]
    public async Task Skip_Pair_GoesToTheBackOfThatUsersQueueOnly()
    {
        using var admin = host.CreateClient(host.ApiKeys["ada"]);

        var skipped = await admin.PostAsync("/api/review/skip",
            System.Net.Http.Json.JsonContent.Create(new { left_id = "co-hongxiang", right_id = "reg-hongxiang" }));
        var mine = await WebHostFixture.ReadAsync(await admin.GetAsync("/api/review/next?count=3"));
        var (_, theirs) = await host.GetJsonAsync("/api/review/next");

        Assert.Equal(204, (int)skipped.StatusCode);
        Assert.Equal(["co-golden~reg-golden", "co-shipping~evil-script", "co-hongxiang~reg-hongxiang"],
            mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToList());
        Assert.Equal("co-hongxiang~reg-hongxiang", theirs.GetProperty("items")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task JudgeThenUndo_MergesThePairAtOnceThenSplitsIt()
    {
        var (judged, body) = await host.PostJsonAsync("/api/review/judgements", new { left_id = "reg-golden", right_id = "co-golden", judgement = "positive" });

        Assert.Equal(200, (int)judged.StatusCode);
        Assert.Equal("positive", body.GetProperty("judgement").GetString());
        Assert.Equal("alice", body.GetProperty("user").GetString());
        var canonical = body.GetProperty("left_canonical").GetString()!;
        Assert.Equal(canonical, body.GetProperty("right_canonical").GetString());
        Assert.Equal(["co-golden", "reg-golden"], new ResolvedEntities(host.Store).Members(canonical));
        var edge = host.Store.Edges.Get("co-golden", "reg-golden")!;
        Assert.Equal((Judgement.Positive, "alice"), (edge.Judgement, edge.User));
        var (_, queue) = await host.GetJsonAsync("/api/review/next?count=10");
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("key").GetString() == "co-golden~reg-golden");

        var (undone, undoBody) = await host.PostJsonAsync("/api/review/undo", new { });

        Assert.Equal(200, (int)undone.StatusCode);
        Assert.True(undoBody.GetProperty("undone").GetBoolean());
        Assert.Equal("unsure", undoBody.GetProperty("restored").GetString());
        var restored = host.Store.Edges.Get("co-golden", "reg-golden")!;
        Assert.Null(restored.User);
        Assert.Equal(0.80, restored.Score!.Value, 3);
        Assert.NotEqual(new ResolvedEntities(host.Store).CanonicalOf("co-golden"), new ResolvedEntities(host.Store).CanonicalOf("reg-golden"));
    }

    [Theory]
    [InlineData("co-golden", "maybe", 400, "judgement must be")]
    [InlineData("ghost-1", "positive", 404, "no entity 'ghost-1'")]
    [InlineData("co-golden", "positive", 400, "cannot be judged against itself")]
    [InlineData("not an id", "positive", 400, "not an entity id")]
    public async Task Judge_BadInput_ReturnsProblem(string right, string judgement, int status, string detail)
    {
        var (response, body) = await host.PostJsonAsync("/api/review/judgements", new { left_id = "co-golden", right_id = right, judgement });

        Problem.Assert(response, body, status, detail);
    }

    [Fact]
    public async Task Judge_PersonAndVesselAsSame_IsRefused()
    {
        var (response, body) = await host.PostJsonAsync("/api/review/judgements", new { left_id = "person-ma", right_id = "vessel-chonma", judgement = "positive" });

        Problem.Assert(response, body, 400, "cannot be the same thing");
        Assert.Null(host.Store.Edges.Get("person-ma", "vessel-chonma"));
    }

    [Fact]
    public async Task Next_CountOutOfRange_Returns400()
    {
        var (response, body) = await host.GetJsonAsync("/api/review/next?count=51");

        Problem.Assert(response, body, 400, "count must be 1–50");
    }
}
