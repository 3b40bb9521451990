using OsintResolver.Model.Entities;
using OsintResolver.Store;
using OsintResolver.Store.Resolution;

namespace OsintResolver.Index.Canonical;

/// <summary>
/// Where the indexer gets canonical entities: each one carries the values of every source entity
/// merged into it, and the merged source ids in <see cref="Entity.Referents"/>.
/// </summary>
public interface ICanonicalEntitySource
{
    /// <summary>A short name for logs and status ("store", "resolver" …).</summary>
    string Name { get; }

    /// <summary>Every canonical entity, streamed in constant memory.</summary>
    IEnumerable<Entity> ReadAll(CancellationToken ct = default);

    /// <summary>
    /// The canonical entities touched by the given datasets, and the ids that no longer exist
    /// (to delete from the index) — for updating the index after one dataset changed.
    /// </summary>
    (IEnumerable<Entity> Entities, IEnumerable<string> Removed) ReadDatasets(IReadOnlyCollection<string> datasets, CancellationToken ct = default);
}

/// <summary>
/// Canonical entities as entity resolution leaves them in the store: each cluster merged under
/// its stable canonical id (values of every member, with provenance, and the members in
/// <see cref="Entity.Referents"/>), references to members rewritten to canonical ids, and every
/// entity in no cluster as itself. Before the first <c>osint resolve</c> that is simply every
/// stored entity.
/// </summary>
public sealed class ResolvedEntitySource(EntityStore store) : ICanonicalEntitySource
{
    private readonly ResolvedEntities _resolved = new(store);

    public string Name => "store, resolved (clusters merged under canonical ids)";

    public IEnumerable<Entity> ReadAll(CancellationToken ct = default)
    {
        foreach (var entity in _resolved.ReadAll())
        {
            ct.ThrowIfCancellationRequested();
            yield return entity;
        }
    }

    public (IEnumerable<Entity> Entities, IEnumerable<string> Removed) ReadDatasets(IReadOnlyCollection<string> datasets, CancellationToken ct = default)
    {
        // History included: an entity the dataset's last run dropped must be re-read (it may
        // survive through other datasets or cluster members) or removed.
        var ids = store.ReadEntities(new ReadOptions { Datasets = datasets, IncludeHistory = true })
            .Select(e => e.Id).ToList();
        ct.ThrowIfCancellationRequested();
        var batch = _resolved.GetMany(ids);
        // A member merged since the last index run may still have a document under its own id.
        return (batch.Entities, batch.Missing.Concat(batch.Merged).Distinct(StringComparer.Ordinal).ToList());
    }
}
