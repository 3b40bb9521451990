using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OsintResolver.Index;
using OsintResolver.Index.Querying;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Types;
using OsintResolver.Store;
using OsintResolver.Web.Profiles;

namespace OsintResolver.Web.Pages;

/// <summary>
/// Search: one box, facets for schema, country, dataset and sanctioned (FtM's <c>sanction</c>
/// topic). Every filter is a link that toggles one query parameter, so results are shareable URLs.
/// </summary>
public sealed class IndexModel(IEntityIndex index, EntityStore store) : PageModel
{
    public const int PageSize = 10;

    public static readonly IReadOnlyList<(string Facet, string Param, string Label)> FacetNames =
    [
        (Facets.Schema, "schema", "Type"),
        (Facets.Countries, "country", "Country"),
        (Facets.Datasets, "dataset", "Source"),
    ];

    private Dictionary<string, List<string>> _filters = new(StringComparer.Ordinal);

    public string? Query { get; private set; }
    public SearchResults? Results { get; private set; }
    public long SanctionedCount { get; private set; }
    public string? Error { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public bool SanctionedOnly => IsOn("sanctioned", "1");

    public async Task OnGetAsync(string? q, int? page, CancellationToken ct)
    {
        Query = q?.Trim();
        PageNumber = Math.Clamp(page ?? 1, 1, QueryLimits.MaxWindow / PageSize);
        _filters = new[] { "schema", "country", "dataset", "sanctioned" }
            .ToDictionary(p => p, p => Request.Query[p].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().Take(QueryLimits.MaxFilterValues).ToList(),
                StringComparer.Ordinal);
        try
        {
            Results = await index.SearchAsync(new SearchQuery
            {
                Text = Query,
                Schemata = _filters["schema"],
                Countries = _filters["country"],
                Datasets = _filters["dataset"],
                Topics = SanctionedOnly ? [Profiles.Sanctioned.Topic] : [],
                Offset = (PageNumber - 1) * PageSize,
                Limit = PageSize,
            }, ct).ConfigureAwait(false);
            SanctionedCount = Results.Facets.TryGetValue(Facets.Topics, out var topics)
                ? topics.FirstOrDefault(t => t.Value == Profiles.Sanctioned.Topic)?.Count ?? 0
                : 0;
        }
        catch (InvalidInputException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public bool IsOn(string param, string value) => _filters.TryGetValue(param, out var values) && values.Contains(value, StringComparer.Ordinal);

    public IEnumerable<(string Name, string Value)> Filters() => _filters.SelectMany(kv => kv.Value.Select(v => (kv.Key, v)));

    /// <summary>The current URL with one filter value switched on or off (and back to page 1).</summary>
    public string Toggle(string param, string value)
    {
        var filters = Filters().ToList();
        filters = IsOn(param, value) ? filters.Where(f => !(f.Name == param && f.Value == value)).ToList() : [.. filters, (param, value)];
        return Link(Query, filters, 1);
    }

    public string PageLink(int page) => Link(Query, Filters(), page);

    public string FacetLabel(string facet, string value) => facet switch
    {
        Facets.Schema => store.Model.TryGet(value, out var schema) ? schema.Plural : value,
        Facets.Countries => PropertyTypes.Country.Label(value) ?? value,
        _ => value,
    };

    public IReadOnlyList<string> Countries(Entity e) =>
        e.GetTypeValues(PropertyTypes.Country).Distinct(StringComparer.Ordinal).Take(4).Select(c => PropertyTypes.Country.Label(c) ?? c).ToList();

    public string PropertyLabel(Entity e, string prop) => e.Schema.GetProperty(prop)?.Label ?? prop;

    public static bool IsSanctioned(Entity e) => Profiles.Sanctioned.Is(e);

    /// <summary>
    /// A highlight fragment as plain text pieces, marked or not. The index returns HTML-encoded
    /// text with &lt;em&gt; around hits; it is decoded here and encoded again by Razor, so no
    /// markup from the index reaches the page.
    /// </summary>
    public static IEnumerable<(string Text, bool Marked)> Fragments(string fragment)
    {
        var marked = false;
        foreach (var part in fragment.Split(["<em>", "</em>"], StringSplitOptions.None))
        {
            if (part.Length > 0)
            {
                yield return (WebUtility.HtmlDecode(part), marked);
            }

            marked = !marked;
        }
    }

    private static string Link(string? q, IEnumerable<(string Name, string Value)> filters, int page)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(q))
        {
            parts.Add("q=" + Uri.EscapeDataString(q));
        }

        parts.AddRange(filters.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));
        if (page > 1)
        {
            parts.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "/" : "/?" + string.Join("&", parts);
    }
}
