using OsintResolver.Model.Entities;
using OsintResolver.Store;

namespace OsintResolver.Web.Profiles;

/// <summary>Assembles a canonical entity from the source records its cluster merges.</summary>
internal static class CanonicalEntities
{
    /// <summary>The merged entity and the records behind it; null when no record has current statements.</summary>
    public static (Entity Entity, IReadOnlyList<Entity> Records)? Load(EntityStore store, IEntityClusters clusters, string canonicalId, ReadOptions? options = null)
    {
        var records = store.GetEntities(clusters.MembersOf(canonicalId), options);
        return records.Count == 0 ? null : (Merge(store, canonicalId, records), records);
    }

    public static Entity Merge(EntityStore store, string canonicalId, IReadOnlyList<Entity> records)
    {
        var merged = new Entity(records[0].Schema, canonicalId);
        foreach (var record in records)
        {
            // Records the resolver put together share a schema family; one that does not is
            // shown under the first record's schema rather than failing the page.
            if (store.Model.Common(merged.Schema, record.Schema) is not null)
            {
                merged.Merge(record, store.Model);
            }
        }

        if (records.Count > 1)
        {
            merged.Referents.UnionWith(records.Select(r => r.Id));
        }

        return merged;
    }
}
