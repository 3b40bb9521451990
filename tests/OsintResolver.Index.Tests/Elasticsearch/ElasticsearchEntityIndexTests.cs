using OsintResolver.Index.Elasticsearch;
using OsintResolver.Index.Tests.Support;

namespace OsintResolver.Index.Tests.Elasticsearch;

/// <summary>The Elasticsearch backend against the recorded wire format, rebuilt from the contract entities.</summary>
public sealed class RecordedElasticsearchFixture : IAsyncLifetime
{
    public RecordedElasticsearch Server { get; private set; } = null!;

    internal ElasticsearchEntityIndex Index { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RecordedElasticsearch.StartAsync("contract.json");
        Index = new ElasticsearchEntityIndex(new IndexOptions
        {
            Backend = IndexBackend.Elasticsearch,
            ElasticsearchUrl = Server.Url,
            MaxRetries = 0,
        });
        try
        {
            await Index.RebuildAsync(ContractEntities.Load());
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"rebuild failed; requests without a recording: {string.Join("\n---\n", Server.Unmatched)}", ex);
        }
    }

    public async Task DisposeAsync()
    {
        Index.Dispose();
        await Server.DisposeAsync();
    }
}

public sealed class ElasticsearchRecordedContractTests(RecordedElasticsearchFixture fixture)
    : EntityIndexContract, IClassFixture<RecordedElasticsearchFixture>
{
    protected override IEntityIndex Index => fixture.Index;
}

/// <summary>
/// The same contract against a live cluster when <c>OSINT_ELASTICSEARCH_URL</c> is set (a
/// throwaway alias is used and left behind); skipped with the reason otherwise.
/// </summary>
public sealed class LiveElasticsearchFixture : IAsyncLifetime
{
    internal ElasticsearchEntityIndex? Index { get; private set; }

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(IndexOptions.ElasticsearchUrlVariable) is not { Length: > 0 } url)
        {
            return;
        }

        Index = new ElasticsearchEntityIndex(new IndexOptions
        {
            Backend = IndexBackend.Elasticsearch,
            ElasticsearchUrl = new Uri(url),
            IndexName = $"osint-contract-{Guid.NewGuid():N}"[..30],
        });
        await Index.RebuildAsync(ContractEntities.Load());
    }

    public Task DisposeAsync()
    {
        Index?.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class ElasticsearchLiveContractTests(LiveElasticsearchFixture fixture)
    : EntityIndexContract, IClassFixture<LiveElasticsearchFixture>
{
    protected override IEntityIndex Index
    {
        get
        {
            Skip.If(fixture.Index is null, $"no live cluster: set {IndexOptions.ElasticsearchUrlVariable} to run the contract against Elasticsearch");
            return fixture.Index!;
        }
    }
}
