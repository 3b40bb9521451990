using Microsoft.AspNetCore.Http.HttpResults;
using OsintResolver.Web.Graph;

namespace OsintResolver.Web.Apis;

/// <summary><c>GET /api/entities/{id}/graph</c>: the entity's 1–2 hop network in Cytoscape.js element form.</summary>
internal static class GraphApi
{
    public sealed record NodeData(string Id, string Label, string Schema, bool Sanctioned, int Hop);

    public sealed record EdgeData(string Id, string Source, string Target, string Label, string? ViaId, string? ViaSchema);

    public sealed record Element<T>(T Data);

    public sealed record Elements(IReadOnlyList<Element<NodeData>> Nodes, IReadOnlyList<Element<EdgeData>> Edges);

    public sealed record GraphResponse(string Root, int Hops, bool Truncated, Elements Elements);

    public static RouteGroupBuilder MapGraphApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/entities");
        group.MapGet("/{id}/graph", GetGraph);
        return group;
    }

    internal static Ok<GraphResponse> GetGraph(string id, EntityGraphBuilder graphs, int? hops, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "max_nodes")] int? maxNodes)
    {
        var graph = graphs.Build(id, hops ?? 1, maxNodes ?? EntityGraphBuilder.DefaultMaxNodes);
        return TypedResults.Ok(new GraphResponse(graph.Root, graph.Hops, graph.Truncated, new Elements(
            graph.Nodes.Select(n => new Element<NodeData>(new NodeData(n.Id, n.Label, n.Schema, n.Sanctioned, n.Hop))).ToList(),
            graph.Edges.Select(e => new Element<EdgeData>(new EdgeData(e.Id, e.Source, e.Target, e.Label, e.ViaId, e.ViaSchema))).ToList())));
    }
}
