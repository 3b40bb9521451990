using OsintResolver.Index.Querying;
using OsintResolver.Model.Entities;

namespace OsintResolver.Index;

/// <summary>
/// The search index of (canonical) entities. It is derived data: it can always be rebuilt from
/// the store. Two backends implement it — Lucene.Net under the data folder (the embedded
/// default) and Elasticsearch — and the same contract tests run against both.
/// </summary>
public interface IEntityIndex : IDisposable
{
    /// <summary>"lucene" or "elasticsearch".</summary>
    string Backend { get; }

    /// <summary>
    /// Builds a new version of the index from all entities and switches readers to it at the end
    /// (an alias swap), so searches keep answering from the old version while it builds.
    /// </summary>
    Task<IndexWriteResult> RebuildAsync(IEnumerable<Entity> entities, IProgress<long>? progress = null, CancellationToken ct = default);

    /// <summary>Adds or replaces entities in the current version (by id).</summary>
    Task<IndexWriteResult> UpsertAsync(IEnumerable<Entity> entities, IProgress<long>? progress = null, CancellationToken ct = default);

    Task DeleteAsync(IEnumerable<string> ids, CancellationToken ct = default);

    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default);

    /// <summary>Entities that could be the example, best first, by the index's own relevance.</summary>
    Task<IReadOnlyList<SearchHit>> FindCandidatesAsync(MatchQuery query, CancellationToken ct = default);

    Task<Entity?> GetAsync(string id, CancellationToken ct = default);

    Task<IndexStatus> GetStatusAsync(CancellationToken ct = default);
}

public sealed record IndexWriteResult(long Entities, string Version, TimeSpan Elapsed);

/// <summary>What the index holds: null version when nothing was ever built.</summary>
public sealed record IndexStatus(string Backend, string? Version, long Entities, string Location);
