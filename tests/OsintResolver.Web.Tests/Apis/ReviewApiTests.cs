using OsintResolver.Store.Edges;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Apis;

public sealed class ReviewApiTests(UiHostFixture host) : IClassFixture<UiHostFixture>
{
    [Fact]
    public async Task Next_OpenSuggestions_MostUncertainFirstWithComparison()
    {
        var (response, body) = await host.GetJsonAsync("/api/review/next?count=3&skip=nobody~nothing");

        Assert.Equal(200, (int)response.StatusCode);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["co-hongxiang~reg-hongxiang", "co-golden~reg-golden", "co-shipping~evil-script"],
            items.Select(i => i.GetProperty("key").GetString()).ToList());
        var first = items[0];
        Assert.Equal(0.55, first.GetProperty("score").GetDouble(), 3);
        Assert.Contains("registration numbers are identical", first.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var rows = first.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("property").GetString()!);
        Assert.Equal("same", rows["registrationNumber"].GetProperty("agreement").GetString());
        Assert.Equal("same", rows["jurisdiction"].GetProperty("agreement").GetString());
        Assert.Equal("only_right", rows["incorporationDate"].GetProperty("agreement").GetString());
        Assert.Equal("different", rows["address"].GetProperty("agreement").GetString());
    }

    [Fact]
    public async Task Next_SkippedKeys_AreLeftOut()
    {
        var (_, body) = await host.GetJsonAsync("/api/review/next?skip=co-hongxiang~reg-hongxiang");

        Assert.Equal("co-golden~reg-golden", body.GetProperty("items")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task JudgeThenUndo_StoresUserJudgementThenRestoresModelSuggestion()
    {
        var (judged, body) = await host.PostJsonAsync("/api/review/judgements", new { left_id = "reg-golden", right_id = "co-golden", judgement = "positive" });

        Assert.Equal(200, (int)judged.StatusCode);
        Assert.Equal("positive", body.GetProperty("judgement").GetString());
        Assert.Equal("alice", body.GetProperty("user").GetString());
        var edge = host.Store.Edges.Get("co-golden", "reg-golden")!;
        Assert.Equal(Judgement.Positive, edge.Judgement);
        Assert.Equal("alice", edge.User);
        var (_, queue) = await host.GetJsonAsync("/api/review/next?count=10");
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("key").GetString() == "co-golden~reg-golden");

        var (undone, undoBody) = await host.PostJsonAsync("/api/review/undo", new { });

        Assert.Equal(200, (int)undone.StatusCode);
        Assert.True(undoBody.GetProperty("undone").GetBoolean());
        Assert.Equal("unsure", undoBody.GetProperty("restored").GetString());
        var restored = host.Store.Edges.Get("co-golden", "reg-golden")!;
        Assert.Null(restored.User);
        Assert.Equal(0.80, restored.Score!.Value, 3);
    }

    [Theory]
    [InlineData("maybe", "judgement must be")]
    [InlineData("positive", "no entity 'ghost-1'")]
    public async Task Judge_BadInput_ReturnsProblem(string judgement, string detail)
    {
        var (response, body) = await host.PostJsonAsync("/api/review/judgements", new { left_id = "co-golden", right_id = "ghost-1", judgement });

        Assert.Contains((int)response.StatusCode, new[] { 400, 404 });
        Assert.Contains(detail, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_CountOutOfRange_Returns400()
    {
        var (response, body) = await host.GetJsonAsync("/api/review/next?count=51");

        Problem.Assert(response, body, 400, "count must be 1–50");
    }
}
