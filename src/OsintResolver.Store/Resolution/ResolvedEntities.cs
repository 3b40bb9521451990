using OsintResolver.Model.Entities;
using OsintResolver.Model.Types;

namespace OsintResolver.Store.Resolution;

/// <summary>
/// Canonical (resolved) entities: the values of every source entity in a cluster merged under
/// the cluster's stable canonical id, listing the merged source ids in
/// <see cref="Entity.Referents"/>, with references to members rewritten to canonical ids.
/// An entity in no cluster is its own canonical entity.
/// </summary>
public sealed class ResolvedEntities
{
    private readonly EntityStore _store;
    private readonly ResolutionStore _resolution;

    public ResolvedEntities(EntityStore store)
    {
        _store = store;
        _resolution = new ResolutionStore(store);
    }

    /// <summary>The canonical id for any source or canonical id.</summary>
    public string CanonicalOf(string entityId) => _resolution.CanonicalOf(entityId);

    /// <summary>The source ids merged into the canonical entity that has this id (or this member).</summary>
    public IReadOnlyList<string> Members(string id) => _resolution.Members(id);

    /// <summary>The canonical entity for a canonical id or any member id; null when unknown.</summary>
    public Entity? Get(string id, ReadOptions? options = null) => GetMany([id], options).Entities.FirstOrDefault();

    /// <summary>
    /// The canonical entities for these ids (source or canonical; each canonical entity once),
    /// the canonical ids with no stored record, and the requested ids that are members merged
    /// under another id. Reads only the clusters involved (those of the ids and of the entities
    /// they refer to), so it suits both a request and updating the index after a crawl.
    /// </summary>
    public ResolvedBatch GetMany(IEnumerable<string> ids, ReadOptions? options = null)
    {
        var entities = new List<Entity>();
        var missing = new List<string>();
        var merged = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var map = _resolution.ClustersOf(chunk);
            merged.AddRange(chunk.Where(id => map.TryGetValue(id, out var c) && c != id));
            var members = map.GroupBy(kv => kv.Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            var canonicals = chunk.Select(id => map.GetValueOrDefault(id, id)).Where(done.Add).ToList();
            var found = _store.GetEntities(canonicals.SelectMany(c => members.GetValueOrDefault(c) ?? [c]).ToList(), options)
                .ToDictionary(e => e.Id, StringComparer.Ordinal);
            // References to members of other clusters are rewritten too.
            var referenced = found.Values.SelectMany(e => e.Items()).Where(x => x.Property.Type is EntityType).Select(x => x.Value.Value);
            foreach (var (member, canonical) in _resolution.ClustersOf(referenced))
            {
                map.TryAdd(member, canonical);
            }

            foreach (var canonical in canonicals)
            {
                var records = (members.GetValueOrDefault(canonical) ?? [canonical]).Where(found.ContainsKey).Select(id => found[id]).ToList();
                if (records.Count == 0)
                {
                    missing.Add(canonical);
                }
                else
                {
                    entities.Add(Merge(canonical, records, map));
                }
            }
        }

        return new ResolvedBatch(entities, missing, merged);
    }

    /// <summary>
    /// Streams every canonical entity. Lone entities stream through as they are read; members
    /// of a cluster are held until the last one is read, so memory follows the clusters in
    /// flight, not the store.
    /// </summary>
    public IEnumerable<Entity> ReadAll(ReadOptions? options = null)
    {
        var map = _resolution.LoadClusters();
        var sizes = map.Values.GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var pending = new Dictionary<string, List<Entity>>(StringComparer.Ordinal);
        foreach (var entity in _store.ReadEntities(options))
        {
            if (!map.TryGetValue(entity.Id, out var canonical))
            {
                yield return Merge(entity.Id, [entity], map);
                continue;
            }

            if (!pending.TryGetValue(canonical, out var members))
            {
                members = [];
                pending[canonical] = members;
            }

            members.Add(entity);
            if (members.Count == sizes[canonical])
            {
                pending.Remove(canonical);
                yield return Merge(canonical, members, map);
            }
        }

        // Members the read did not return (filtered out, or gone from the store).
        foreach (var (canonical, members) in pending)
        {
            yield return Merge(canonical, members, map);
        }
    }

    private Entity Merge(string canonical, IReadOnlyList<Entity> members, IReadOnlyDictionary<string, string> map)
    {
        Entity merged;
        if (members.Count == 1 && members[0].Id == canonical)
        {
            merged = members[0];
        }
        else
        {
            merged = new Entity(members[0].Schema, canonical);
            foreach (var member in members)
            {
                merged.Merge(member, _store.Model);
                merged.Referents.Add(member.Id);
            }
        }

        return RewriteReferences(merged, map);
    }

    private static Entity RewriteReferences(Entity entity, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return entity;
        }

        foreach (var prop in entity.PropertyNames.ToList())
        {
            var property = entity.Schema.Properties[prop];
            if (property.Type is not EntityType)
            {
                continue;
            }

            var values = entity.GetValues(prop);
            if (!values.Any(v => map.ContainsKey(v.Value)))
            {
                continue;
            }

            var rewritten = values.Select(v => map.TryGetValue(v.Value, out var c) ? v with { Value = c } : v).ToList();
            entity.Remove(prop);
            foreach (var value in rewritten)
            {
                entity.AddClean(prop, value);
            }
        }

        return entity;
    }
}

/// <summary>What <see cref="ResolvedEntities.GetMany"/> found.</summary>
/// <param name="Entities">The canonical entities, each once.</param>
/// <param name="Missing">Canonical ids none of whose records is stored.</param>
/// <param name="Merged">Requested ids that are members of a cluster under another id.</param>
public sealed record ResolvedBatch(IReadOnlyList<Entity> Entities, IReadOnlyList<string> Missing, IReadOnlyList<string> Merged);
