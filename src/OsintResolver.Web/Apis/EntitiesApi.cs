using Microsoft.AspNetCore.Http.HttpResults;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Types;
using OsintResolver.Model.Schemata;
using OsintResolver.Store;
using OsintResolver.Store.Resolution;
using OsintResolver.Web.Profiles;

namespace OsintResolver.Web.Apis;

/// <summary>
/// <c>GET /api/entities/{id}</c>: the canonical (resolved) entity for a canonical or source id,
/// merged from its source records (listed in <c>referents</c>), with provenance for every value
/// (which record and dataset said it, from which source, when first and last seen) and its relationships expanded:
/// the relationship and record entities that point at it (ownerships, directorships, sanctions,
/// employments …), grouped under the reverse property the schemata name ("Owners", "Sanctions"),
/// each with the entity at the other end; and the entities it points at itself (addresses,
/// parent company, the two ends of a relationship). Groups and labels come from the schemata.
/// </summary>
internal static class EntitiesApi
{
    /// <summary>Referring entities expanded per request; more are counted but not listed.</summary>
    public const int MaxReferrers = 500;

    internal sealed record ValueProvenance(
        string Value, string? OriginalValue, string? Lang, string EntityId, string Dataset, string? SourceUrl,
        DateTimeOffset FirstSeen, DateTimeOffset LastSeen, bool Current);

    internal sealed record RelatedItem(EntityJson Entity, IReadOnlyList<EntityRef> Others);

    internal sealed record RelationshipGroup(string Property, string Label, string Schema, IReadOnlyList<RelatedItem> Items);

    internal sealed record EntityDetail : EntityJson
    {
        public IReadOnlyDictionary<string, IReadOnlyList<ValueProvenance>> Provenance { get; init; } = new Dictionary<string, IReadOnlyList<ValueProvenance>>();
        public IReadOnlyList<RelationshipGroup> Relationships { get; init; } = [];
        public IReadOnlyDictionary<string, IReadOnlyList<EntityRef>> References { get; init; } = new Dictionary<string, IReadOnlyList<EntityRef>>();
        public int ReferrersTotal { get; init; }
    }

    public static RouteGroupBuilder MapEntitiesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/entities");
        group.MapGet("/{id}", GetEntity);
        return group;
    }

    internal static Ok<EntityDetail> GetEntity(string id, EntityStore store, IEntityClusters clusters)
    {
        if (!EntityType.IsValidId(id))
        {
            throw new InvalidInputException($"'{(id.Length <= 80 ? id : id[..77] + "...")}' is not an entity id");
        }

        // Any member's id or the canonical id answers with the canonical (resolved) entity.
        var canonical = clusters.CanonicalOf(id);
        var members = clusters.MembersOf(canonical).ToHashSet(StringComparer.Ordinal);
        members.Add(canonical);
        var (entity, records) = CanonicalEntities.Load(store, clusters, canonical, new ReadOptions { WithStatements = true })
                                ?? throw new NotFoundException($"no entity '{id}'");
        var referrers = members.SelectMany(m => store.GetReferrers(m, MaxReferrers + 1))
            .Where(r => !members.Contains(r.SourceId))
            .DistinctBy(r => (r.SourceId, r.Prop)).ToList();
        var referring = store.GetEntities(referrers.Take(MaxReferrers).Select(r => r.SourceId).Distinct(StringComparer.Ordinal))
            .ToDictionary(e => e.Id, StringComparer.Ordinal);

        // Everything the page links to, loaded in one batch: ends of relationships and own references.
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in referring.Values.Append(entity))
        {
            foreach (var (property, value) in e.Items())
            {
                if (property.Type is EntityType && !members.Contains(value.Value))
                {
                    linked.Add(value.Value);
                }
            }
        }

        // Links point at canonical entities, so a merged owner shows once under its resolved id.
        var others = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var other in new ResolvedEntities(store).GetMany(linked).Entities)
        {
            foreach (var key in other.Referents.Append(other.Id))
            {
                others[key] = other;
            }
        }

        EntityRef Ref(string refId) => others.TryGetValue(refId, out var o) ? EntityRef.From(o) : new EntityRef(refId, "Thing", refId);
        bool PointsHere(Entity referrer, Property property) => referrer.Get(property.Name).Any(members.Contains);

        var groups = new List<RelationshipGroup>();
        foreach (var byProp in referrers.Take(MaxReferrers)
                     .Where(r => referring.ContainsKey(r.SourceId))
                     .Select(r => (Referrer: referring[r.SourceId], Property: referring[r.SourceId].Schema.GetProperty(r.Prop)))
                     .Where(r => r.Property is not null && PointsHere(r.Referrer, r.Property))
                     .GroupBy(r => (r.Property!.QualifiedName)))
        {
            var property = byProp.First().Property!;
            var items = byProp.Select(r =>
            {
                // The other ends: for a relationship its other entity properties; for a record none.
                var ends = r.Referrer.Items()
                    .Where(x => x.Property.Type is EntityType && x.Property != property && !members.Contains(x.Value.Value) && r.Referrer.Schema.IsEdge)
                    .Select(x => Ref(x.Value.Value)).ToList();
                return new RelatedItem(EntityJson.From(r.Referrer), ends);
            }).OrderBy(i => i.Entity.Caption, StringComparer.Ordinal).ToList();
            groups.Add(new RelationshipGroup(property.Reverse?.Name ?? property.Name, property.Reverse?.Label ?? property.Label,
                property.Schema.Name, items));
        }

        var references = entity.Items()
            .Where(x => x.Property.Type is EntityType && !members.Contains(x.Value.Value))
            .GroupBy(x => x.Property.Name)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EntityRef>)g.Select(x => Ref(x.Value.Value)).ToList(), StringComparer.Ordinal);

        var provenance = records.SelectMany(r => r.Statements ?? [])
            .GroupBy(s => s.Prop)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ValueProvenance>)g
                .OrderByDescending(s => s.Current).ThenBy(s => s.Value, StringComparer.Ordinal)
                .Select(s => new ValueProvenance(s.Value, s.OriginalValue, s.Lang, s.EntityId, s.Dataset, s.SourceUrl, s.FirstSeen, s.LastSeen, s.Current))
                .ToList(), StringComparer.Ordinal);

        return TypedResults.Ok(EntityJson.Fill(new EntityDetail
        {
            Provenance = provenance,
            Relationships = groups.OrderBy(g => g.Label, StringComparer.Ordinal).ToList(),
            References = references,
            ReferrersTotal = referrers.Count,
        }, entity));
    }
}
