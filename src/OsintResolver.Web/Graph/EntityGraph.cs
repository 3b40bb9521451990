using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Types;
using OsintResolver.Store;
using OsintResolver.Web.Profiles;

namespace OsintResolver.Web.Graph;

/// <summary>A node of the network picture: a canonical entity.</summary>
public sealed record GraphNode(string Id, string Label, string Schema, bool Sanctioned, int Hop);

/// <summary>An edge: a relationship entity (or entity property) between two canonical entities.</summary>
public sealed record GraphEdge(string Id, string Source, string Target, string Label, string? ViaId, string? ViaSchema);

/// <summary>
/// An entity's neighbourhood, 1–2 hops, in Cytoscape.js' element shape once serialised by the
/// API. <see cref="Truncated"/> says the node cap was reached, so the picture is partial.
/// </summary>
public sealed record EntityGraph(string Root, int Hops, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, bool Truncated);

/// <summary>
/// Walks relationships breadth-first from a canonical entity. Relationship entities with two
/// ends become edges between those ends; attached records (sanctions) mark their entity as
/// sanctioned instead of adding nodes; entity properties become edges too.
/// </summary>
public sealed class EntityGraphBuilder(EntityStore store, IEntityClusters clusters)
{
    public const int MaxHops = 2;
    public const int DefaultMaxNodes = 150;
    public const int MaxMaxNodes = 500;

    private readonly RelationshipReader _relationships = new(store);

    public EntityGraph Build(string id, int hops = 1, int maxNodes = DefaultMaxNodes)
    {
        RequestedIds.Check(id);

        if (hops is < 1 or > MaxHops)
        {
            throw new InvalidInputException($"hops must be 1–{MaxHops} (got {hops})");
        }

        if (maxNodes is < 1 or > MaxMaxNodes)
        {
            throw new InvalidInputException($"max_nodes must be 1–{MaxMaxNodes} (got {maxNodes})");
        }

        var root = clusters.CanonicalOf(id);
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        var edges = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        var rootEntity = Load(root) ?? throw new NotFoundException($"no entity '{id}'");
        var frontier = new List<(string Id, Entity Entity)> { (root, rootEntity) };
        var truncated = false;
        nodes[root] = Node(root, rootEntity, 0, []);
        for (var hop = 1; hop <= hops && frontier.Count > 0 && !truncated; hop++)
        {
            var next = new List<(string, Entity)>();
            foreach (var (nodeId, entity) in frontier)
            {
                var relations = _relationships.Read(entity, clusters.MembersOf(nodeId));
                if (Sanctioned.Is(entity, relations) && !nodes[nodeId].Sanctioned)
                {
                    nodes[nodeId] = nodes[nodeId] with { Sanctioned = true };
                }

                foreach (var relation in relations)
                {
                    if (relation.OtherId is null)
                    {
                        continue;
                    }

                    var other = clusters.CanonicalOf(relation.OtherId);
                    if (other == nodeId)
                    {
                        continue;
                    }

                    if (!nodes.ContainsKey(other))
                    {
                        if (nodes.Count >= maxNodes)
                        {
                            truncated = true;
                            continue;
                        }

                        var otherEntity = Load(other);
                        if (otherEntity is null)
                        {
                            continue;
                        }

                        nodes[other] = Node(other, otherEntity, hop, []);
                        next.Add((other, otherEntity));
                    }

                    var (source, target) = relation.Outgoing ? (nodeId, other) : (other, nodeId);
                    var edgeId = $"{relation.Via?.Id ?? relation.GroupKey}:{source}>{target}";
                    edges.TryAdd(edgeId, new GraphEdge(edgeId, source, target, relation.EdgeLabel,
                        relation.Kind is RelationKind.Link ? relation.Via?.Id : null,
                        relation.Kind is RelationKind.Link ? relation.Via?.Schema.Name : null));
                }
            }

            frontier = next;
        }

        // Nodes at the edge of the picture were not expanded; a Sanction record on them still counts.
        foreach (var (nodeId, _) in frontier.Where(f => !nodes[f.Id].Sanctioned && HasSanctionRecord(f.Id)))
        {
            nodes[nodeId] = nodes[nodeId] with { Sanctioned = true };
        }

        return new EntityGraph(root, hops, nodes.Values.OrderBy(n => n.Hop).ThenBy(n => n.Id, StringComparer.Ordinal).ToList(),
            edges.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList(), truncated);
    }

    private bool HasSanctionRecord(string canonicalId)
    {
        var members = clusters.MembersOf(canonicalId);
        var referrers = members.SelectMany(m => store.GetReferrers(m, RelationshipReader.MaxReferrers)).Select(r => r.SourceId).Distinct();
        return store.GetEntities(referrers).Any(e => e.Schema.AttachedTo is { } attached && e.Schema.IsA("Sanction") &&
                                                     e.Get(attached.Name).Any(members.Contains));
    }

    private Entity? Load(string canonicalId) => CanonicalEntities.Load(store, clusters, canonicalId)?.Entity;

    private static GraphNode Node(string id, Entity entity, int hop, IReadOnlyList<Relation> relations) =>
        new(id, entity.Caption, entity.Schema.Name, Sanctioned.Is(entity, relations), hop);
}
