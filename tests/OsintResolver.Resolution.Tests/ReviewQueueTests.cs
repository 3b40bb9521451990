using OsintResolver.Resolution.Tests.Support;
using OsintResolver.Store.Edges;
using OsintResolver.Store.Resolution;

namespace OsintResolver.Resolution.Tests;

public class ReviewQueueTests
{
    private static TestStore WithSuggestions(params (string A, string B, double Score)[] edges)
    {
        var t = new TestStore();
        var ids = edges.SelectMany(e => new[] { e.A, e.B }).Distinct().ToList();
        t.Write("test", ids.Select(id => Entities.Person(id, $"Person {id}")).ToArray());
        t.Store.Edges.UpsertModelEdges(edges.Select(e => new ResolverEdge(e.A, e.B, e.Score >= 0.9 ? Judgement.Positive : Judgement.NoJudgement, e.Score, "test", null, DateTimeOffset.UnixEpoch, $"because {e.Score}")));
        return t;
    }

    [Fact]
    public void Next_OrdersByUncertaintyWithinTheBand()
    {
        using var t = WithSuggestions(("a", "b", 0.85), ("c", "d", 0.52), ("e", "f", 0.3), ("g", "h", 0.1), ("i", "j", 0.95));
        var queue = new ReviewQueue(t.Store, 0.2, 0.9);

        var items = queue.Next("u", 10);

        Assert.Equal(["c", "e", "a"], items.Select(i => i.Left.Id));
        Assert.Equal("because 0.52", items[0].Explanation);
        Assert.Equal(3, queue.Pending());
    }

    [Fact]
    public void Skip_MovesThePairBehindTheOthers()
    {
        using var t = WithSuggestions(("a", "b", 0.5), ("c", "d", 0.7));
        var queue = new ReviewQueue(t.Store, 0.2, 0.9);

        queue.Skip("u", "a", "b");

        Assert.Equal(["c", "a"], queue.Next("u", 10).Select(i => i.Left.Id));
        Assert.Equal("a", queue.Next("someone else")!.Left.Id);
    }

    [Fact]
    public void Judge_RemovesThePairAndMergesOrSeparates()
    {
        using var t = WithSuggestions(("a", "b", 0.5), ("c", "d", 0.6));
        var queue = new ReviewQueue(t.Store, 0.2, 0.9);
        var resolution = new ResolutionStore(t.Store);

        queue.Judge("a", "b", Judgement.Positive, "u");
        queue.Judge("c", "d", Judgement.Negative, "u");

        Assert.Null(queue.Next("u"));
        Assert.Equal(resolution.CanonicalOf("a"), resolution.CanonicalOf("b"));
        Assert.NotEqual(resolution.CanonicalOf("c"), resolution.CanonicalOf("d"));

        queue.Undo("u");
        Assert.Equal("c", queue.Next("u")!.Left.Id);
        queue.Undo("u");
        Assert.Equal("b", resolution.CanonicalOf("b"));
    }

    [Fact]
    public void Compare_ListsBothSidesWithNamesFirst()
    {
        var left = Entities.Person("l", "Ivan Petrov", "1970-01-01", "ru");
        var right = Entities.Person("r", "Ivan Petrov", "1971-01-01");

        var rows = ReviewQueue.Compare(left, right);

        Assert.Equal("name", rows[0].Property);
        Assert.True(rows[0].Same);
        var birth = rows.Single(r => r.Property == "birthDate");
        Assert.False(birth.Same);
        Assert.True(rows.Single(r => r.Property == "nationality").OneSided);
    }
}
