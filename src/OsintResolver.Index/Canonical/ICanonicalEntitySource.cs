using OsintResolver.Model.Entities;
using OsintResolver.Store;

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
/// The default source until entity resolution provides canonical entities: every stored entity
/// is its own canonical entity (its values are all its datasets' statements, with no merging
/// across ids, and <see cref="Entity.Referents"/> stays empty). When the resolver lands, register
/// its source instead — <c>services.AddSingleton&lt;ICanonicalEntitySource, ResolvedEntitySource&gt;()</c>
/// — and <c>osint index</c>, search and match use resolved entities without other changes.
/// </summary>
public sealed class StoreEntitySource(EntityStore store) : ICanonicalEntitySource
{
    private const int Chunk = 500;

    public string Name => "store (unresolved: each source entity is its own canonical entity)";

    public IEnumerable<Entity> ReadAll(CancellationToken ct = default)
    {
        foreach (var entity in store.ReadEntities())
        {
            ct.ThrowIfCancellationRequested();
            yield return entity;
        }
    }

    public (IEnumerable<Entity> Entities, IEnumerable<string> Removed) ReadDatasets(IReadOnlyCollection<string> datasets, CancellationToken ct = default)
    {
        // History included: an entity the dataset's last run dropped must be re-read (it may
        // survive through other datasets) or removed.
        var ids = store.ReadEntities(new ReadOptions { Datasets = datasets, IncludeHistory = true })
            .Select(e => e.Id).ToList();
        var removed = new List<string>();
        IEnumerable<Entity> Read()
        {
            foreach (var chunk in ids.Chunk(Chunk))
            {
                ct.ThrowIfCancellationRequested();
                var found = store.GetEntities(chunk);
                var present = found.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
                removed.AddRange(chunk.Where(id => !present.Contains(id)));
                foreach (var entity in found)
                {
                    yield return entity;
                }
            }
        }

        return (Read(), removed);
    }
}
