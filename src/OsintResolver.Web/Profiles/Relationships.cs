using OsintResolver.Model.Entities;
using OsintResolver.Model.Schemata;
using OsintResolver.Model.Types;
using OsintResolver.Store;

namespace OsintResolver.Web.Profiles;

/// <summary>How an entity is connected to something else.</summary>
public enum RelationKind
{
    /// <summary>Through a relationship entity with two ends (Ownership, Directorship, Shipment, Mention …).</summary>
    Link,

    /// <summary>A record attached to the entity (Sanction, Identification …): no other end.</summary>
    Record,

    /// <summary>Another entity refers to this one through an entity property (e.g. a company's address entity).</summary>
    ReferredBy,

    /// <summary>This entity refers to another through one of its own entity properties.</summary>
    RefersTo,
}

/// <summary>
/// One connection of an entity, described entirely from the schema model: the label is the
/// model's name for this side (Ownership seen from the asset is "Owners", from the owner
/// "Assets and shares"), the edge label is the relationship's verb ("owns").
/// </summary>
public sealed record Relation(
    RelationKind Kind,
    string GroupKey,
    string GroupLabel,
    Entity? Via,
    string? OtherId,
    string EdgeLabel,
    bool Outgoing);

/// <summary>
/// Reads the relationships of a (canonical) entity from the store's reverse reference index and
/// the entity's own entity-typed properties. Every referring entity is re-checked, so a stale
/// index row never produces a wrong relation.
/// </summary>
internal sealed class RelationshipReader(EntityStore store)
{
    /// <summary>At most this many referring entities are read per entity (hubs stay cheap).</summary>
    public const int MaxReferrers = 500;

    public IReadOnlyList<Relation> Read(Entity entity, IReadOnlyCollection<string> memberIds)
    {
        var members = memberIds.ToHashSet(StringComparer.Ordinal);
        var relations = new List<Relation>();
        var references = memberIds.SelectMany(m => store.GetReferrers(m, MaxReferrers))
            .Where(r => !members.Contains(r.SourceId))
            .Distinct()
            .Take(MaxReferrers)
            .ToList();
        var referrers = store.GetEntities(references.Select(r => r.SourceId)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var (sourceId, prop) in references)
        {
            if (!referrers.TryGetValue(sourceId, out var via) || via.Schema.GetProperty(prop) is not { } property ||
                !via.Get(prop).Any(members.Contains))
            {
                continue;
            }

            relations.AddRange(FromReferrer(via, property));
        }

        foreach (var (property, value) in entity.Items())
        {
            if (property.Type is EntityType && !members.Contains(value.Value))
            {
                relations.Add(new Relation(RelationKind.RefersTo, property.Name, property.Label, null, value.Value, property.Label, Outgoing: true));
            }
        }

        return relations;
    }

    private static IEnumerable<Relation> FromReferrer(Entity via, Property property)
    {
        var schema = via.Schema;
        var side = property.Reverse;
        var groupKey = side?.Name ?? $"{schema.Name}.{property.Name}";
        var groupLabel = side?.Label ?? $"{schema.Plural} ({property.Label})";
        if (schema.Edge is { } edge && (ReferenceEquals(property, edge.Source) || ReferenceEquals(property, edge.Target)))
        {
            var outgoing = ReferenceEquals(property, edge.Source);
            var otherProperty = outgoing ? edge.Target : edge.Source;
            var others = via.Get(otherProperty.Name).ToList();
            if (others.Count == 0)
            {
                // A link with one end only (a mention not yet resolved): show the record itself.
                yield return new Relation(RelationKind.Record, groupKey, groupLabel, via, null, edge.Label, outgoing);
            }

            foreach (var other in others)
            {
                yield return new Relation(RelationKind.Link, groupKey, groupLabel, via, other, edge.Label, outgoing);
            }
        }
        else if (schema.AttachedTo is { } attached && ReferenceEquals(attached, property))
        {
            yield return new Relation(RelationKind.Record, groupKey, groupLabel, via, null, schema.Label, Outgoing: false);
        }
        else
        {
            yield return new Relation(RelationKind.ReferredBy, groupKey, groupLabel, via, via.Id, property.Label, Outgoing: false);
        }
    }
}

/// <summary>Whether an entity is sanctioned: FtM's <c>sanction</c> topic, or a Sanction record attached to it.</summary>
public static class Sanctioned
{
    public const string Topic = "sanction";

    public static bool Is(Entity entity, IEnumerable<Relation>? relations = null) =>
        entity.Get("topics").Contains(Topic, StringComparer.Ordinal) ||
        (relations?.Any(r => r.Kind == RelationKind.Record && r.Via?.Schema.IsA("Sanction") == true) ?? false);
}
