using OsintResolver.Model.Entities;

namespace OsintResolver.Index.Querying;

/// <summary>
/// A search: free text over names, aliases (in any script), identifiers and other text, with
/// filters and facets. Validated by <see cref="QueryLimits"/> before any backend sees it.
/// </summary>
public sealed record SearchQuery
{
    /// <summary>Free text; a trailing <c>*</c> on a word asks for a prefix match. Null or empty: browse by filters.</summary>
    public string? Text { get; init; }

    /// <summary>Only entities of these schemata or their descendants (LegalEntity includes Company).</summary>
    public IReadOnlyList<string> Schemata { get; init; } = [];

    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> Datasets { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];

    public int Offset { get; init; }
    public int Limit { get; init; } = 10;

    /// <summary>Allow misspellings (bounded edit distance, bounded expansion).</summary>
    public bool Fuzzy { get; init; } = true;

    /// <summary>Facet counts to return: any of <see cref="Facets.All"/>.</summary>
    public IReadOnlyList<string> Facets { get; init; } = Querying.Facets.All;

    /// <summary>Mark the matching parts of names and text.</summary>
    public bool Highlight { get; init; } = true;
}

public static class Facets
{
    public const string Schema = "schema";
    public const string Countries = "countries";
    public const string Datasets = "datasets";
    public const string Topics = "topics";

    public static IReadOnlyList<string> All { get; } = [Schema, Countries, Datasets, Topics];
}

/// <summary>One value of a facet and how many matching entities have it.</summary>
public sealed record FacetValue(string Value, long Count);

public sealed record SearchHit(Entity Entity, double Score, IReadOnlyDictionary<string, IReadOnlyList<string>> Highlights);

/// <summary>
/// Results of a search. <see cref="Total"/> is exact up to <see cref="QueryLimits.MaxTotalCount"/>;
/// beyond it <see cref="TotalIsLowerBound"/> is set (the way yente reports <c>relation: gte</c>).
/// </summary>
public sealed record SearchResults(
    long Total,
    bool TotalIsLowerBound,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

/// <summary>
/// Candidate lookup for screening: an example entity (schema and properties, as a yente match
/// query gives them). Candidates share a name token (any script, fuzzy) or an identifier.
/// </summary>
public sealed record MatchQuery
{
    public required Entity Example { get; init; }
    public int Limit { get; init; } = 10;
    public IReadOnlyList<string> Datasets { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> ExcludeEntityIds { get; init; } = [];
}
