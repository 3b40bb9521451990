using Lucene.Net.Index;
using Lucene.Net.Store;
using OsintResolver.Index.LuceneIndex;
using OsintResolver.Index.Querying;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Schemata;

namespace OsintResolver.Index.Tests.LuceneIndex;

public sealed class LuceneQueryBuilderTests
{
    private static Entity Company(string id, string name)
    {
        var entity = new Entity(SchemaModel.Default.Get("Company"), id);
        entity.Add("name", name);
        return entity;
    }

    /// <summary>1,200 companies that all trade ("trading" is in every name), 30 of them "Widgetry", and Acmeworth.</summary>
    private static async Task<TempDirectory> IndexAsync()
    {
        var dir = new TempDirectory();
        using var index = new LuceneEntityIndex(new IndexOptions { DataDir = dir.Path });
        var names = Enumerable.Range(0, 1200).Select(i => Company($"co-{i}", i < 30 ? $"Firm{i:D4}x Widgetry Trading" : $"Firm{i:D4}x Trading"))
            .Append(Company("co-acme", "Acmeworth Widgetry Trading"));
        await index.RebuildAsync(names);
        return dir;
    }

    private static QueryPlan Tune(TempDirectory dir, string name)
    {
        using var directory = FSDirectory.Open(Path.Combine(dir.Path, "index", "v1"));
        using var reader = DirectoryReader.Open(directory);
        var plan = QueryPlan.ForMatch(new MatchQuery { Example = Company("q", name), Limit = 5 }, SchemaModel.Default);
        return LuceneQueryBuilder.TuneForMatch(plan, reader);
    }

    [Fact]
    public async Task TuneForMatch_CommonWordWithTwoRareOnes_IsLeftOutAndFuzzinessFollowsHowKnownAWordIs()
    {
        using var dir = await IndexAsync();

        var tuned = Tune(dir, "Acmeworth Widgetry Trading Zzyzxville");

        Assert.Equal(["acmeworth", "widgetry", "zzyzxville"], tuned.Words.Select(w => w.Original));
        // Rare: one edit; established (31 documents): none; unknown, so maybe the misspelt one: two.
        Assert.Equal([1, 0, 2], tuned.Words.Select(w => w.MaxEdits));
        Assert.Equal(2, tuned.MinimumShouldMatch);
    }

    [Fact]
    public async Task TuneForMatch_OnlyOneRareWord_KeepsTheCommonOnes()
    {
        using var dir = await IndexAsync();

        var tuned = Tune(dir, "Acmeworth Trading");

        Assert.Equal(["acmeworth", "trading"], tuned.Words.Select(w => w.Original));
    }

    [Fact]
    public async Task FindCandidates_MisspeltRareWordsBesideCommonOne_StillFindsTheEntity()
    {
        using var dir = await IndexAsync();
        using var index = new LuceneEntityIndex(new IndexOptions { DataDir = dir.Path });

        var hits = await index.FindCandidatesAsync(new MatchQuery { Example = Company("q", "Acmeworht Widgetry Trading"), Limit = 5 });

        Assert.Equal("co-acme", hits[0].Entity.Id);
    }
}
