using OsintResolver.Model.Entities;
using OsintResolver.Resolution.Matching;
using OsintResolver.Resolution.Tests.Support;
using OsintResolver.Store.Edges;
using OsintResolver.Store.Resolution;

namespace OsintResolver.Resolution.Tests;

public class ResolverTests
{
    private static readonly Lazy<Matcher> Shipped = new(Matcher.LoadShipped);

    private static Entity[] Khodorkovsky() =>
    [
        Entities.Person("a-khodorkovsky", "Mikhail Khodorkovsky", "1963-06-26", "ru"),
        Entities.Person("b-khodorkovsky", "Ходорковский Михаил Борисович", "1963-06-26", "ru"),
    ];

    private static Entity[] Others() =>
    [
        Entities.Vessel("a-vessel", "Golden Star", "IMO 9176187", "kp"),
        Entities.Vessel("b-vessel", "GOLDEN STAR", "9176187", "pa"),
        Entities.Person("a-garcia", "Maria Garcia", "1990-02-03", "es"),
        Entities.Company("a-acme", "Acme Widgets GmbH", "de"),
    ];

    private static Resolver Resolver(TestStore t, bool full = false) => new(t.Store, Shipped.Value, new ResolverOptions { Full = full });

    [Fact]
    public void Run_Duplicates_AreClusteredAndExportedWithReferents()
    {
        using var t = new TestStore();
        t.Write("test", [.. Khodorkovsky(), .. Others()]);

        var report = Resolver(t).Run();
        var resolved = new ResolvedEntities(t.Store);
        var all = resolved.ReadAll().ToList();

        Assert.True(report.Full);
        Assert.Equal(6, report.Entities);
        Assert.Equal(2, report.Clusters);
        Assert.Equal(4, all.Count);
        var person = all.Single(e => e.Referents.Contains("a-khodorkovsky"));
        Assert.Equal(["a-khodorkovsky", "b-khodorkovsky"], person.Referents);
        Assert.StartsWith("nk-", person.Id);
        Assert.Contains("Ходорковский Михаил Борисович", person.Get("name"));
        Assert.Equal(person.Id, resolved.CanonicalOf("b-khodorkovsky"));
        Assert.Equal(person.Id, resolved.Get("a-khodorkovsky")!.Id);
        var edge = t.Store.Edges.Get("a-khodorkovsky", "b-khodorkovsky")!;
        Assert.Equal(Judgement.Positive, edge.Judgement);
        Assert.Contains("after transliteration", edge.Explanation);
    }

    [Fact]
    public void Run_Again_ScoresNothingAndKeepsClusters()
    {
        using var t = new TestStore();
        t.Write("test", [.. Khodorkovsky(), .. Others()]);
        Resolver(t).Run();
        var before = new ResolutionStore(t.Store).LoadClusters();

        var again = Resolver(t).Run();

        Assert.False(again.Full);
        Assert.Equal(0, again.Changed);
        Assert.Equal(0, again.PairsScored);
        Assert.Equal(before, new ResolutionStore(t.Store).LoadClusters());
    }

    [Fact]
    public void Run_NewDuplicate_ScoresOnlyItsPairsAndTheClusterKeepsItsId()
    {
        using var t = new TestStore();
        t.Write("test", [.. Khodorkovsky(), .. Others()]);
        Resolver(t).Run();
        var id = new ResolutionStore(t.Store).CanonicalOf("a-khodorkovsky");

        t.Write("later", Entities.Person("c-khodorkovsky", "KHODORKOVSKIY, Mikhail", "1963-06-26", "ru"));
        var report = Resolver(t).Run();

        Assert.False(report.Full);
        Assert.Equal(1, report.Changed);
        Assert.True(report.PairsScored <= 3, $"scored {report.PairsScored} pairs");
        Assert.Equal(id, new ResolutionStore(t.Store).CanonicalOf("c-khodorkovsky"));
        Assert.Equal(id, new ResolutionStore(t.Store).CanonicalOf("a-khodorkovsky"));
    }

    [Fact]
    public void Judge_Negative_SplitsTheClusterAndKeepsItSplitAcrossRuns()
    {
        using var t = new TestStore();
        t.Write("test", [.. Khodorkovsky(), Entities.Person("c-khodorkovsky", "KHODORKOVSKIY, Mikhail", "1963-06-26", "ru"), .. Others()]);
        Resolver(t).Run();
        var resolution = new ResolutionStore(t.Store);
        Assert.Equal(resolution.CanonicalOf("a-khodorkovsky"), resolution.CanonicalOf("c-khodorkovsky"));

        var queue = ReviewQueue.For(t.Store, Shipped.Value.Card);
        queue.Judge("a-khodorkovsky", "c-khodorkovsky", Judgement.Negative, "analyst");

        Assert.NotEqual(resolution.CanonicalOf("a-khodorkovsky"), resolution.CanonicalOf("c-khodorkovsky"));
        Resolver(t).Run();
        Assert.NotEqual(resolution.CanonicalOf("a-khodorkovsky"), resolution.CanonicalOf("c-khodorkovsky"));
        Resolver(t, full: true).Run();
        Assert.NotEqual(resolution.CanonicalOf("a-khodorkovsky"), resolution.CanonicalOf("c-khodorkovsky"));
        Assert.Equal(Judgement.Negative, t.Store.Edges.Get("a-khodorkovsky", "c-khodorkovsky")!.Judgement);
        Assert.Equal("analyst", t.Store.Edges.Get("a-khodorkovsky", "c-khodorkovsky")!.User);

        // Undo brings the three back together.
        queue.Undo("analyst");
        Assert.Equal(resolution.CanonicalOf("a-khodorkovsky"), resolution.CanonicalOf("c-khodorkovsky"));
    }

    [Fact]
    public void Judge_Positive_IsNeverOverwrittenByTheModel()
    {
        using var t = new TestStore();
        t.Write("test", [.. Khodorkovsky(), .. Others()]);
        Resolver(t).Run();
        var queue = ReviewQueue.For(t.Store, Shipped.Value.Card);

        queue.Judge("a-garcia", "a-khodorkovsky", Judgement.Positive, "analyst");
        Resolver(t, full: true).Run();

        var resolution = new ResolutionStore(t.Store);
        Assert.Equal(resolution.CanonicalOf("a-garcia"), resolution.CanonicalOf("b-khodorkovsky"));
        Assert.Equal("analyst", t.Store.Edges.Get("a-garcia", "a-khodorkovsky")!.User);
    }

    [Fact]
    public void Judge_PositiveAcrossIncompatibleSchemata_IsRefused()
    {
        using var t = new TestStore();
        t.Write("test", [.. Others()]);
        var queue = ReviewQueue.For(t.Store, Shipped.Value.Card);

        Assert.Throws<Model.Errors.InvalidInputException>(() => queue.Judge("a-garcia", "a-vessel", Judgement.Positive, "analyst"));
    }

    [Fact]
    public void Run_RemovedEntity_LeavesItsCluster()
    {
        using var t = new TestStore();
        t.Write("test", [.. Khodorkovsky(), .. Others()]);
        Resolver(t).Run();

        // A new snapshot of the dataset without one of the pair.
        var run = t.Store.BeginRun("test", Store.Runs.RunKind.Import, Store.Runs.WriteMode.Direct, snapshot: true);
        using (var writer = t.Store.OpenWriter(run))
        {
            foreach (var e in Others().Append(Khodorkovsky()[0]))
            {
                writer.Write(e);
            }

            writer.Commit();
        }

        t.Store.CompleteRun(run);
        var report = Resolver(t).Run();

        Assert.Equal(1, report.Removed);
        Assert.Equal("a-khodorkovsky", new ResolutionStore(t.Store).CanonicalOf("a-khodorkovsky"));
    }
}
