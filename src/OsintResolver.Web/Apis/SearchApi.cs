using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OsintResolver.Index;
using OsintResolver.Index.Querying;
using OsintResolver.Model.Schemata;
using OsintResolver.Model.Types;

namespace OsintResolver.Web.Apis;

/// <summary>
/// <c>GET /api/search</c>: names in any script, fuzzy and prefix, identifiers, filters with facets,
/// pagination and highlights. The response follows yente's search shape (<c>total</c>,
/// <c>limit</c>, <c>offset</c>, <c>results</c>, <c>facets</c>) plus per-result score and highlights.
/// </summary>
internal static class SearchApi
{
    internal sealed record SearchResult : EntityJson
    {
        public double Score { get; init; }
        public IReadOnlyDictionary<string, IReadOnlyList<string>>? Highlights { get; init; }
    }

    internal sealed record Total(long Value, string Relation);

    internal sealed record FacetItem(string Name, string Label, long Count);

    internal sealed record Facet(string Label, IReadOnlyList<FacetItem> Values);

    internal sealed record SearchResponse(Total Total, int Limit, int Offset, IReadOnlyList<SearchResult> Results, IReadOnlyDictionary<string, Facet> Facets);

    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/search");
        group.MapGet("", SearchAsync);
        return group;
    }

    internal static async Task<Ok<SearchResponse>> SearchAsync(
        IEntityIndex index,
        [FromQuery] string? q,
        [FromQuery] string[]? schema,
        [FromQuery] string[]? countries,
        [FromQuery] string[]? datasets,
        [FromQuery] string[]? topics,
        [FromQuery] string[]? facets,
        [FromQuery] int? limit,
        [FromQuery] int? offset,
        [FromQuery] bool? fuzzy,
        [FromQuery] bool? highlight,
        CancellationToken ct)
    {
        var query = new SearchQuery
        {
            Text = q,
            Schemata = schema ?? [],
            Countries = countries ?? [],
            Datasets = datasets ?? [],
            Topics = topics ?? [],
            Facets = facets is { Length: > 0 } ? facets : Facets.All,
            Limit = limit ?? 10,
            Offset = offset ?? 0,
            Fuzzy = fuzzy ?? true,
            Highlight = highlight ?? true,
        };
        var results = await index.SearchAsync(query, ct).ConfigureAwait(false);
        var model = SchemaModel.Default;
        return TypedResults.Ok(new SearchResponse(
            new Total(results.Total, results.TotalIsLowerBound ? "gte" : "eq"),
            query.Limit,
            query.Offset,
            results.Hits.Select(h => EntityJson.Fill(new SearchResult
            {
                Score = Math.Round(h.Score, 4),
                Highlights = h.Highlights.Count > 0 ? h.Highlights : null,
            }, h.Entity)).ToList(),
            results.Facets.ToDictionary(f => f.Key, f => new Facet(FacetLabel(f.Key),
                f.Value.Select(v => new FacetItem(v.Value, ValueLabel(model, f.Key, v.Value), v.Count)).ToList()))));
    }

    private static string FacetLabel(string facet) => facet switch
    {
        Facets.Schema => "Types",
        Facets.Countries => "Countries",
        Facets.Datasets => "Data sources",
        Facets.Topics => "Topics",
        _ => facet,
    };

    private static string ValueLabel(SchemaModel model, string facet, string value) => facet switch
    {
        Facets.Schema => model.TryGet(value, out var s) ? s.Label : value,
        Facets.Countries => PropertyTypes.Country.Label(value) ?? value,
        Facets.Topics => TopicType.Labels.GetValueOrDefault(value) ?? value,
        _ => value,
    };
}
