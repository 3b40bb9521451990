using OsintResolver.Model.Schemata;
using OsintResolver.Text.Identifiers;
using OsintResolver.Text.Names;

namespace OsintResolver.Resolution.Profiles;

/// <summary>
/// An entity reduced to what matching compares, normalised once: names (transliterated, with
/// keys), identifiers, dates, countries, addresses and neighbour keys.
/// </summary>
internal sealed class EntityProfile
{
    public required string Id { get; init; }
    public required Schema Schema { get; init; }
    public required NameKind Kind { get; init; }
    public required NormalizedName[] Names { get; init; }
    public string? Given { get; init; }
    public string? Family { get; init; }
    public required IdentifierKey[] Identifiers { get; init; }
    public required PartialDate[] Dates { get; init; }
    public required string[] Countries { get; init; }
    public required string[][] Addresses { get; init; }

    /// <summary>Sorted hashes of related entities (directors, owners, addresses, vessels …).</summary>
    public long[] Neighbours { get; set; } = [];

    public override string ToString() => $"{Schema.Name} {Id} ({string.Join(" | ", Names.Select(n => n.Original))})";
}
