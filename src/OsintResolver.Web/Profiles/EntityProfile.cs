using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Schemata;
using OsintResolver.Model.Types;
using OsintResolver.Store;
using OsintResolver.Store.Edges;

namespace OsintResolver.Web.Profiles;

/// <summary>Where one value came from: one statement's provenance.</summary>
public sealed record ValueSource(string EntityId, string Dataset, string? SourceUrl, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>One value of a property, with every source that stated it.</summary>
public sealed record ProfileValue(string Value, string? Label, IReadOnlyList<ValueSource> Sources);

public sealed record ProfileProperty(string Name, string Label, string Type, IReadOnlyList<ProfileValue> Values);

/// <summary>A source record merged into the canonical entity.</summary>
public sealed record SourceRecord(string Id, string Schema, string Caption, IReadOnlyList<string> Datasets, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen);

/// <summary>Something this entity is connected to, as one row of a relationship group.</summary>
public sealed record RelatedItem(
    string? Id,
    string Caption,
    string? Schema,
    bool Sanctioned,
    string? ViaId,
    string? ViaSchema,
    IReadOnlyList<(string Label, string Value)> Details);

public sealed record RelationshipGroup(string Key, string Label, IReadOnlyList<RelatedItem> Items);

/// <summary>An analyst decision on a pair involving one of the merged records.</summary>
public sealed record ProfileJudgement(string LeftId, string? LeftCaption, string RightId, string? RightCaption, Judgement Judgement,
    string? User, DateTimeOffset CreatedAt);

/// <summary>Everything the profile page and the profile API show about a canonical entity.</summary>
public sealed record EntityProfile(
    Entity Entity,
    bool Sanctioned,
    IReadOnlyList<ProfileProperty> Properties,
    IReadOnlyList<SourceRecord> Records,
    IReadOnlyList<RelationshipGroup> Relationships,
    IReadOnlyList<ProfileJudgement> Judgements);

/// <summary>
/// Builds profiles from the store: the canonical entity assembled from all its source records,
/// each value with its statements, relationships grouped by the schema model's labels, and the
/// analyst judgements on its records.
/// </summary>
public sealed class EntityProfileBuilder(EntityStore store, IEntityClusters clusters)
{
    private readonly RelationshipReader _relationships = new(store);

    public EntityProfile Build(string id)
    {
        RequestedIds.Check(id);

        var canonical = clusters.CanonicalOf(id);
        var members = clusters.MembersOf(canonical);
        var (entity, records) = CanonicalEntities.Load(store, clusters, canonical, new ReadOptions { WithStatements = true })
                                ?? throw new NotFoundException($"no entity '{id}'");
        var relations = _relationships.Read(entity, members);
        return new EntityProfile(
            entity,
            Sanctioned.Is(entity, relations),
            Properties(entity, records),
            records.Select(r => new SourceRecord(r.Id, r.Schema.Name, r.Caption, r.Datasets.ToList(), r.FirstSeen, r.LastSeen)).ToList(),
            Group(relations),
            Judgements(members));
    }

    private static List<ProfileProperty> Properties(Entity entity, IReadOnlyList<Entity> records)
    {
        var statements = records.SelectMany(r => r.Statements ?? [])
            .ToLookup(s => (s.Prop, s.Value));
        var schema = entity.Schema;
        var order = schema.Featured.Concat(schema.Caption)
            .Concat(entity.PropertyNames.OrderBy(p => schema.Properties[p].Label, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal);
        var list = new List<ProfileProperty>();
        foreach (var name in order)
        {
            var property = schema.GetProperty(name);
            if (property is null || property.Hidden || property.Type is EntityType || !entity.Has(name))
            {
                continue;
            }

            var values = entity.GetValues(name)
                .Select(v => new ProfileValue(v.Value, ValueLabel(property, v.Value),
                    statements[(name, v.Value)]
                        .Select(s => new ValueSource(s.EntityId, s.Dataset, s.SourceUrl, s.FirstSeen, s.LastSeen))
                        .Distinct()
                        .OrderBy(s => s.Dataset, StringComparer.Ordinal)
                        .ToList()))
                .ToList();
            list.Add(new ProfileProperty(name, property.Label, property.Type.Name, values));
        }

        return list;
    }

    /// <summary>A readable label for coded values (country codes).</summary>
    internal static string? ValueLabel(Property property, string value) =>
        property.Type is CountryType country ? country.Label(value) : null;

    private List<RelationshipGroup> Group(IReadOnlyList<Relation> relations)
    {
        var otherIds = relations.Where(r => r.OtherId is not null).Select(r => clusters.CanonicalOf(r.OtherId!)).Distinct().ToList();
        var others = store.GetEntities(otherIds.SelectMany(clusters.MembersOf)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var groups = new List<RelationshipGroup>();
        foreach (var group in relations.GroupBy(r => (r.GroupKey, r.GroupLabel)))
        {
            var items = new List<RelatedItem>();
            foreach (var relation in group)
            {
                var via = relation.Via;
                var details = via is null || relation.Kind == RelationKind.ReferredBy ? [] : Details(via);
                if (relation.OtherId is { } otherId)
                {
                    var canonical = clusters.CanonicalOf(otherId);
                    var other = clusters.MembersOf(canonical).Select(m => others.GetValueOrDefault(m)).FirstOrDefault(e => e is not null);
                    items.Add(new RelatedItem(canonical, other?.Caption ?? otherId, other?.Schema.Name, other is not null && Sanctioned.Is(other),
                        relation.Kind == RelationKind.ReferredBy ? null : via?.Id, relation.Kind == RelationKind.ReferredBy ? null : via?.Schema.Name, details));
                }
                else if (via is not null)
                {
                    items.Add(new RelatedItem(null, via.Caption, via.Schema.Name, false, via.Id, via.Schema.Name, details));
                }
            }

            groups.Add(new RelationshipGroup(group.Key.GroupKey, group.Key.GroupLabel,
                items.DistinctBy(i => (i.Id, i.ViaId)).OrderBy(i => i.Caption, StringComparer.OrdinalIgnoreCase).ToList()));
        }

        // Records attached to the entity (sanctions) lead; the rest follow by label.
        return groups.OrderBy(g => g.Items.All(i => i.Id is null) ? 0 : 1)
            .ThenBy(g => g.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The relationship entity's own featured values, without the two ends already shown.</summary>
    private static List<(string, string)> Details(Entity via)
    {
        var schema = via.Schema;
        var skip = new HashSet<string>(StringComparer.Ordinal);
        if (schema.Edge is { } edge)
        {
            skip.Add(edge.Source.Name);
            skip.Add(edge.Target.Name);
        }

        if (schema.AttachedTo is { } attached)
        {
            skip.Add(attached.Name);
        }

        var names = schema.Featured.Concat(schema.Caption)
            .Concat(via.PropertyNames)
            .Distinct(StringComparer.Ordinal)
            .Where(p => !skip.Contains(p) && via.Has(p) && schema.GetProperty(p) is { Hidden: false } prop && prop.Type is not EntityType);
        var details = new List<(string, string)>();
        foreach (var name in names.Take(8))
        {
            var property = schema.Properties[name];
            details.Add((property.Label, string.Join("; ", via.Get(name).Select(v => ValueLabel(property, v) ?? v))));
        }

        return details;
    }

    private List<ProfileJudgement> Judgements(IReadOnlyList<string> members)
    {
        var edges = members.SelectMany(store.Edges.For)
            .Where(e => e.IsUserJudgement)
            .DistinctBy(e => (e.LeftId, e.RightId))
            .OrderByDescending(e => e.CreatedAt)
            .Take(50)
            .ToList();
        var captions = store.GetEntities(edges.SelectMany(e => new[] { e.LeftId, e.RightId })).ToDictionary(e => e.Id, e => e.Caption, StringComparer.Ordinal);
        return edges.Select(e => new ProfileJudgement(e.LeftId, captions.GetValueOrDefault(e.LeftId), e.RightId, captions.GetValueOrDefault(e.RightId),
            e.Judgement, e.User, e.CreatedAt)).ToList();
    }
}
