using OsintResolver.Model.Errors;

namespace OsintResolver.Index.Querying;

/// <summary>
/// What one query may cost. Requests past these limits are refused with a 400 that names the
/// limit, never silently truncated, so a client learns why; expansions (fuzzy, prefix) are
/// bounded inside the backends so no query can enumerate the term dictionary.
/// </summary>
public static class QueryLimits
{
    public const int MaxTextLength = 500;
    public const int MaxWords = 24;
    public const int MaxLimit = 100;

    /// <summary>Deep pagination is refused: offset + limit may not pass this (Elasticsearch's default window).</summary>
    public const int MaxWindow = 10_000;

    /// <summary>Terms a fuzzy or prefix word may expand to.</summary>
    public const int MaxExpansions = 50;

    /// <summary>A prefix must be at least this long, so <c>a*</c> cannot match every name.</summary>
    public const int MinPrefixLength = 3;

    /// <summary>Words shorter than this are matched exactly, never fuzzily.</summary>
    public const int MinFuzzyLength = 4;

    public const int MaxFilterValues = 20;
    public const int MaxFacetValues = 30;

    /// <summary>Hits are counted exactly up to here.</summary>
    public const int MaxTotalCount = 100_000;

    public const int MaxMatchLimit = 100;

    public static SearchQuery Validate(SearchQuery query)
    {
        if (query.Limit is < 0 or > MaxLimit)
        {
            throw new InvalidInputException($"limit must be between 0 and {MaxLimit} (got {query.Limit})");
        }

        if (query.Offset < 0)
        {
            throw new InvalidInputException($"offset must not be negative (got {query.Offset})");
        }

        if ((long)query.Offset + query.Limit > MaxWindow)
        {
            throw new InvalidInputException(
                $"offset + limit may be at most {MaxWindow} (got {query.Offset} + {query.Limit}); narrow the search with filters instead of paging deeper");
        }

        if (query.Text is { Length: > MaxTextLength })
        {
            throw new InvalidInputException($"the query text is {query.Text.Length} characters long; at most {MaxTextLength} are allowed");
        }

        foreach (var (name, values) in new[] { ("schema", query.Schemata), ("countries", query.Countries), ("datasets", query.Datasets), ("topics", query.Topics) })
        {
            if (values.Count > MaxFilterValues)
            {
                throw new InvalidInputException($"at most {MaxFilterValues} values may be given for the {name} filter (got {values.Count})");
            }
        }

        foreach (var facet in query.Facets)
        {
            if (!Facets.All.Contains(facet))
            {
                throw new InvalidInputException($"unknown facet '{facet}'; known: {string.Join(", ", Facets.All)}");
            }
        }

        return query;
    }
}
