using OsintResolver.Model.Schemata;
using OsintResolver.Resolution.Clustering;

namespace OsintResolver.Resolution.Tests.Clustering;

public class ConstrainedClustererTests
{
    [Fact]
    public void TryUnion_CannotLink_HoldsTransitively()
    {
        var c = new ConstrainedClusterer(4);
        c.CannotLink(0, 3);

        Assert.True(c.TryUnion(0, 1));
        Assert.True(c.TryUnion(2, 3));
        Assert.False(c.TryUnion(1, 2));
        Assert.NotEqual(c.Find(0), c.Find(3));
        Assert.Equal(1, c.Refused);
    }

    [Fact]
    public void TryUnion_IncompatibleSchemata_IsRefusedEvenThroughAChain()
    {
        var model = SchemaModel.Default;
        Schema[] schemata = [model["Person"], model["LegalEntity"], model["Company"]];
        var c = new ConstrainedClusterer(3, i => schemata[i]);

        Assert.True(c.TryUnion(0, 1));
        Assert.False(c.TryUnion(1, 2));
        Assert.Single(c.Clusters());
    }

    [Fact]
    public void Assign_GrowingCluster_KeepsItsId()
    {
        var first = CanonicalIds.Assign([["a", "b"]], new Dictionary<string, string>(), new HashSet<string>());
        var id = first["a"];

        var second = CanonicalIds.Assign([["a", "b", "c"]], first, new HashSet<string> { id });

        Assert.StartsWith(CanonicalIds.Prefix, id);
        Assert.All(second.Values, v => Assert.Equal(id, v));
    }

    [Fact]
    public void Assign_SplitCluster_LargestPartKeepsIdAndNoIdIsReused()
    {
        var previous = new Dictionary<string, string> { ["a"] = "nk-1", ["b"] = "nk-1", ["c"] = "nk-1", ["d"] = "nk-1", ["x"] = "nk-old" };

        var next = CanonicalIds.Assign([["a", "b", "c"], ["d", "e"]], previous, new HashSet<string> { "nk-1", "nk-old" });

        Assert.Equal("nk-1", next["a"]);
        Assert.NotEqual("nk-1", next["d"]);
        Assert.NotEqual("nk-old", next["d"]);
        Assert.Equal(next["d"], next["e"]);
    }
}

public class ClusterFactsTests
{
    private static OsintResolver.Resolution.Profiles.EntityProfile P(string id, string name, string? birth = null, string? passport = null) =>
        OsintResolver.Resolution.Profiles.ProfileBuilder.Build(Support.Entities.Person(id, name, birth, null, passport));

    [Fact]
    public void TryUnion_ChainThroughContradictingDates_IsStopped()
    {
        OsintResolver.Resolution.Profiles.EntityProfile[] people = [P("a", "Chen Gui Yong", "1950-10-27"), P("b", "Chen Gui"), P("c", "Yang Gui", "1987-03-02")];
        var c = new ConstrainedClusterer(3, i => people[i].Schema, profileOf: i => people[i]);

        Assert.True(c.TryUnion(0, 1));
        Assert.False(c.TryUnion(1, 2));
        Assert.Equal(1, c.RefusedForFacts);
        Assert.True(c.TryUnion(1, 2, analyst: true));
    }

    [Fact]
    public void TryUnion_TypoedDatesAndNearPassports_AreNotContradictions()
    {
        OsintResolver.Resolution.Profiles.EntityProfile[] people =
        [
            P("a", "Ivan Petrov", "1986-05-01", "AB1234567"),
            P("b", "Ivan Petrov", "1996-05-01", "AB1234568"),
            P("c", "Ivan Petrov", "1986-01-05"),
        ];
        var c = new ConstrainedClusterer(3, i => people[i].Schema, profileOf: i => people[i]);

        Assert.True(c.TryUnion(0, 1));
        Assert.True(c.TryUnion(1, 2));
    }

    [Fact]
    public void TryUnion_DifferentPassports_AreAContradiction()
    {
        OsintResolver.Resolution.Profiles.EntityProfile[] people = [P("a", "Ivan Petrov", passport: "AB1234567"), P("b", "Ivan Petrov", passport: "XY7654321")];
        var c = new ConstrainedClusterer(2, i => people[i].Schema, profileOf: i => people[i]);

        Assert.False(c.TryUnion(0, 1));
    }
}
