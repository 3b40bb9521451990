using OsintResolver.Index.Elasticsearch;
using OsintResolver.Index.Tests.Support;

namespace OsintResolver.Index.Tests.Elasticsearch;

public sealed class ElasticsearchRebuildTests
{
    [Fact]
    public async Task Rebuild_ExistingVersion_FillsNextIndexRetriesRejectedItemsThenSwapsAliasAndDropsOld()
    {
        await using var server = await RecordedElasticsearch.StartAsync("rebuild-swap.json");
        using var index = new ElasticsearchEntityIndex(new IndexOptions
        {
            Backend = IndexBackend.Elasticsearch,
            ElasticsearchUrl = server.Url,
            MaxRetries = 2,
        });
        var entities = ContractEntities.Load().Where(e => e.Id is "co-golden" or "co-golden-gate").ToList();

        var result = await index.RebuildAsync(entities);

        Assert.Empty(server.Unmatched);
        Assert.Equal("osint-entities-v2", result.Version);
        Assert.Equal(2, result.Entities);
        Assert.Equal(
        [
            "PUT /_index_template/osint-entities",
            "GET /_alias/osint-entities",
            "GET /_cat/indices/osint-entities-v*?format=json&h=index",
            "PUT /osint-entities-v2",
            "POST /_bulk",
            "POST /_bulk", // the item rejected with 429, alone
            "PUT /osint-entities-v2/_settings",
            "POST /osint-entities-v2/_refresh",
            "POST /_aliases",
            "DELETE /osint-entities-v1",
        ], server.Received);
    }

    [Fact]
    public async Task Rebuild_ItemRejectedForGood_FailsNamingTheEntityAndDropsTheHalfBuiltIndex()
    {
        await using var server = await RecordedElasticsearch.StartAsync("rebuild-rejected.json");
        using var index = new ElasticsearchEntityIndex(new IndexOptions
        {
            Backend = IndexBackend.Elasticsearch,
            ElasticsearchUrl = server.Url,
        });
        var entities = ContractEntities.Load().Where(e => e.Id is "co-golden").ToList();

        var ex = await Assert.ThrowsAsync<Model.Errors.OsintException>(() => index.RebuildAsync(entities));

        Assert.Contains("co-golden", ex.Message, StringComparison.Ordinal);
        Assert.Contains("mapper_parsing_exception", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DELETE /osint-entities-v1", server.Received);
        Assert.DoesNotContain("POST /_aliases", server.Received);
    }
}
