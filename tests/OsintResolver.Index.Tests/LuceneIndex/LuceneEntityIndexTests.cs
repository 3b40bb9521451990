using OsintResolver.Index.LuceneIndex;
using OsintResolver.Index.Querying;
using OsintResolver.Index.Tests.Support;

namespace OsintResolver.Index.Tests.LuceneIndex;

/// <summary>A real Lucene index in a temporary data folder, built once for the contract tests.</summary>
public sealed class LuceneIndexFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("osint-lucene");

    internal LuceneEntityIndex Index { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Index = new LuceneEntityIndex(new IndexOptions { DataDir = _dir.Path });
        await Index.RebuildAsync(ContractEntities.Load());
    }

    public Task DisposeAsync()
    {
        Index.Dispose();
        _dir.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class LuceneEntityIndexContractTests(LuceneIndexFixture fixture) : EntityIndexContract, IClassFixture<LuceneIndexFixture>
{
    protected override IEntityIndex Index => fixture.Index;
}

public sealed class LuceneEntityIndexTests
{
    [Fact]
    public async Task Rebuild_SecondTime_SwapsToNewVersionAndDropsTheOld()
    {
        using var dir = new TempDirectory();
        using var index = new LuceneEntityIndex(new IndexOptions { DataDir = dir.Path });
        var entities = ContractEntities.Load();
        var first = await index.RebuildAsync(entities);
        var second = await index.RebuildAsync(entities.Where(e => e.Id != "co-golden"));

        Assert.Equal(entities.Count, first.Entities);
        Assert.Equal("v1", first.Version);
        Assert.Equal("v2", second.Version);
        Assert.Equal(entities.Count - 1, (await index.GetStatusAsync()).Entities);
        Assert.Null(await index.GetAsync("co-golden"));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "index", "v1")));
    }

    [Fact]
    public async Task Rebuild_InAnotherInstance_IsPickedUpByARunningReader()
    {
        using var dir = new TempDirectory();
        var options = new IndexOptions { DataDir = dir.Path };
        var entities = ContractEntities.Load();
        using var writer = new LuceneEntityIndex(options);
        await writer.RebuildAsync(entities.Take(2));
        using var reader = new LuceneEntityIndex(options);
        Assert.Equal(2, (await reader.GetStatusAsync()).Entities);

        await writer.RebuildAsync(entities);
        await Task.Delay(1100); // readers look for a new version at most once a second

        Assert.Equal(entities.Count, (await reader.GetStatusAsync()).Entities);
        Assert.Equal("v2", (await reader.GetStatusAsync()).Version);
    }

    [Fact]
    public async Task UpsertAndDelete_ChangeTheCurrentVersionInPlace()
    {
        using var dir = new TempDirectory();
        using var index = new LuceneEntityIndex(new IndexOptions { DataDir = dir.Path });
        var entities = ContractEntities.Load();
        await index.RebuildAsync(entities.Take(3));

        var renamed = new Model.Entities.Entity("Company", "co-golden").Add("name", "Silver Moon Trading LLC");
        await index.UpsertAsync([renamed, entities.Single(e => e.Id == "co-golden-gate")]);
        await index.DeleteAsync(["hx-cn"]);

        Assert.Equal("Silver Moon Trading LLC", (await index.GetAsync("co-golden"))!.Caption);
        Assert.Null(await index.GetAsync("hx-cn"));
        Assert.Equal(4, (await index.GetStatusAsync()).Entities);
        Assert.Equal("v1", (await index.GetStatusAsync()).Version);
    }

    [Fact]
    public async Task Search_NoIndexBuilt_Fails503WithHint()
    {
        using var dir = new TempDirectory();
        using var index = new LuceneEntityIndex(new IndexOptions { DataDir = dir.Path });

        var ex = await Assert.ThrowsAsync<Model.Errors.OsintException>(() => index.SearchAsync(new SearchQuery { Text = "x" }));

        Assert.Equal(503, ex.StatusCode);
        Assert.Contains("osint index", ex.Message, StringComparison.Ordinal);
    }
}
