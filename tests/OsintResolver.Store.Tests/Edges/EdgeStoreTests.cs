using OsintResolver.Model.Errors;
using OsintResolver.Store.Edges;
using OsintResolver.Store.Tests.Support;

namespace OsintResolver.Store.Tests.Edges;

public class EdgeStoreTests
{
    private static ResolverEdge Model(string a, string b, Judgement j, double score) =>
        new(a, b, j, score, "matcher-v1", null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void UpsertModelEdges_PairJudgedByUser_KeepsUserJudgement()
    {
        using var f = new StoreFixture();
        f.Store.Edges.Judge("b", "a", Judgement.Negative, "analyst1");
        var written = f.Store.Edges.UpsertModelEdges([Model("a", "b", Judgement.Positive, 0.99), Model("c", "d", Judgement.Positive, 0.97)]);

        Assert.Equal(1, written);
        var edge = f.Store.Edges.Get("a", "b")!;
        Assert.Equal(Judgement.Negative, edge.Judgement);
        Assert.Equal("analyst1", edge.User);
        Assert.Equal(("a", "b"), (edge.LeftId, edge.RightId));
        Assert.Equal(Judgement.Positive, f.Store.Edges.Get("d", "c")!.Judgement);
    }

    [Fact]
    public void Undo_JudgementOverModelEdge_RestoresTheModelEdge()
    {
        using var f = new StoreFixture();
        f.Store.Edges.UpsertModelEdges([Model("a", "b", Judgement.Unsure, 0.6)]);
        f.Store.Edges.Judge("a", "b", Judgement.Positive, "ana");
        Assert.Equal(Judgement.Positive, f.Store.Edges.Get("a", "b")!.Judgement);

        var undone = f.Store.Edges.Undo("ana")!;
        Assert.Equal(Judgement.Positive, undone.Judgement);
        Assert.Equal(Judgement.Unsure, undone.Previous);
        var restored = f.Store.Edges.Get("a", "b")!;
        Assert.Equal(Judgement.Unsure, restored.Judgement);
        Assert.Null(restored.User);
        Assert.Equal(0.6, restored.Score);
        Assert.Equal("matcher-v1", restored.ModelVersion);
    }

    [Fact]
    public void Undo_FirstJudgementOfAPair_RemovesTheEdge()
    {
        using var f = new StoreFixture();
        f.Store.Edges.Judge("x", "y", Judgement.Negative, "ana");
        f.Store.Edges.Undo("ana");
        Assert.Null(f.Store.Edges.Get("x", "y"));
        Assert.Null(f.Store.Edges.Undo("ana"));
    }

    [Fact]
    public void Undo_TwoJudgements_UndoesNewestFirstAndOnlyThatUsers()
    {
        using var f = new StoreFixture();
        f.Store.Edges.Judge("a", "b", Judgement.Positive, "ana");
        f.Store.Edges.Judge("c", "d", Judgement.Negative, "ana");
        f.Store.Edges.Judge("e", "f", Judgement.Negative, "bob");

        Assert.Equal(("c", "d"), ValueTuple(f.Store.Edges.Undo("ana")!));
        Assert.Equal(("a", "b"), ValueTuple(f.Store.Edges.Undo("ana")!));
        Assert.NotNull(f.Store.Edges.Get("e", "f"));
        Assert.Equal(3, f.Store.Edges.Log().Count);
        Assert.All(f.Store.Edges.Log().Where(l => l.User == "ana"), l => Assert.NotNull(l.UndoneAt));
    }

    [Fact]
    public void Judge_SameEntity_Throws()
    {
        using var f = new StoreFixture();
        Assert.Throws<InvalidInputException>(() => f.Store.Edges.Judge("a", "a", Judgement.Positive, "ana"));
    }

    [Fact]
    public void For_Entity_ReturnsEdgesOnBothSides()
    {
        using var f = new StoreFixture();
        f.Store.Edges.UpsertModelEdges([Model("a", "m", Judgement.Positive, 0.9), Model("m", "z", Judgement.Unsure, 0.5)]);
        Assert.Equal(["a", "z"], f.Store.Edges.For("m").Select(e => e.Other("m")).Order());
    }

    private static (string, string) ValueTuple(EdgeLogEntry e) => (e.LeftId, e.RightId);
}
