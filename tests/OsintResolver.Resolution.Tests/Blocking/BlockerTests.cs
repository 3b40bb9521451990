using OsintResolver.Resolution.Blocking;
using OsintResolver.Resolution.Profiles;
using OsintResolver.Resolution.Tests.Support;

namespace OsintResolver.Resolution.Tests.Blocking;

public class BlockerTests
{
    private static (List<EntityProfile> Profiles, TokenStatistics Stats) Profiles(params Model.Entities.Entity[] entities)
    {
        var profiles = entities.Select(ProfileBuilder.Build).ToList();
        var stats = new TokenStatistics();
        foreach (var p in profiles)
        {
            stats.AddDocument(p.Names.SelectMany(n => n.Tokens));
        }

        return (profiles, stats);
    }

    private static HashSet<(string, string)> Pairs(long[] pairs, List<EntityProfile> profiles) =>
        pairs.Select(p => (profiles[(int)(p >> 32)].Id, profiles[(int)(p & 0xffffffff)].Id)).ToHashSet();

    [Fact]
    public void Pairs_ScriptsOrderAndIdentifiers_AreBlockedTogether()
    {
        var (profiles, stats) = Profiles(
            Entities.Person("cyrillic", "Ходорковский Михаил"),
            Entities.Person("latin", "Mikhail Khodorkovsky"),
            Entities.Vessel("v1", "Ocean Star", "IMO 9176187"),
            Entities.Vessel("v2", "Morning Glory", "9176187"),
            Entities.Company("c1", "Unrelated Holdings"));

        var pairs = Pairs(new Blocker().Pairs(profiles, stats, out var report), profiles);

        Assert.Contains(("cyrillic", "latin"), pairs);
        Assert.Contains(("v1", "v2"), pairs);
        Assert.DoesNotContain(pairs, p => p.Item1 == "c1" || p.Item2 == "c1");
        Assert.Equal(5, report.Entities);
        Assert.Equal(1 - pairs.Count / 10.0, report.ReductionRatio, 6);
    }

    [Fact]
    public void Pairs_IncompatibleSchemata_AreNeverPaired()
    {
        var (profiles, stats) = Profiles(Entities.Person("p", "Golden Star"), Entities.Vessel("v", "Golden Star"));

        Assert.Empty(new Blocker().Pairs(profiles, stats, out _));
    }

    [Fact]
    public void Pairs_OversizedBlock_IsDroppedAndReported()
    {
        var entities = Enumerable.Range(0, 30).Select(i => Entities.Person($"p{i}", $"John Smith{i % 2}")).ToArray();
        var (profiles, stats) = Profiles(entities);

        new Blocker(new BlockingOptions { MaxBlockSize = 10 }).Pairs(profiles, stats, out var report);

        Assert.True(report.OversizedBlocks > 0);
        Assert.Equal(0, report.CandidatePairs);
    }

    [Fact]
    public void Pairs_WithChangedEntities_OnlyReturnsPairsTouchingThem()
    {
        var (profiles, stats) = Profiles(
            Entities.Person("a", "Ivan Petrov"), Entities.Person("b", "Ivan Petrov"), Entities.Person("c", "Ivan Petrov"));

        var all = new Blocker().Pairs(profiles, stats, out _);
        var incremental = Pairs(new Blocker().Pairs(profiles, stats, out _, changed: [false, false, true]), profiles);

        Assert.Equal(3, all.Length);
        Assert.Equal([("a", "c"), ("b", "c")], incremental.Order());
    }
}
