using OsintResolver.Model.Entities;
using OsintResolver.Model.Schemata;
using OsintResolver.Model.Types;
using OsintResolver.Web.Profiles;

namespace OsintResolver.Web.Reviews;

/// <summary>How the two sides of a property compare.</summary>
public enum Agreement
{
    /// <summary>Every value on each side has an equal value on the other.</summary>
    Same,

    /// <summary>Some values agree, some do not.</summary>
    Partial,

    /// <summary>Both sides have values and none agree.</summary>
    Different,

    OnlyLeft,
    OnlyRight,
}

/// <summary>A value on one side, and whether the other side has one equal to it (by the property type's comparison).</summary>
public sealed record ComparedValue(string Value, string? Label, bool Matched);

public sealed record ComparisonRow(string Property, string Label, Agreement Agreement, IReadOnlyList<ComparedValue> Left, IReadOnlyList<ComparedValue> Right);

/// <summary>Two records side by side: agreeing values aligned on one row, differences marked.</summary>
public sealed record PairComparison(Entity Left, Entity Right, string Schema, IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>Values compare equal when the property type says they are at least this similar.</summary>
    public const double EqualAt = 0.9;

    public static PairComparison Build(Entity left, Entity right, SchemaModel model)
    {
        var schema = model.Common(left.Schema, right.Schema) ?? left.Schema;
        var names = schema.Caption.Concat(schema.Featured)
            .Concat(left.PropertyNames).Concat(right.PropertyNames)
            .Distinct(StringComparer.Ordinal)
            .Select(n => (Name: n, Property: left.Schema.GetProperty(n) ?? right.Schema.GetProperty(n)))
            .Where(p => p.Property is { Hidden: false } prop && prop.Type is not EntityType && (left.Has(p.Name) || right.Has(p.Name)))
            .OrderBy(p => Rank(schema, p.Property!))
            .ThenBy(p => p.Property!.Label, StringComparer.OrdinalIgnoreCase);
        var rows = new List<ComparisonRow>();
        foreach (var (name, property) in names)
        {
            var l = left.Get(name).ToList();
            var r = right.Get(name).ToList();
            var lv = l.Select(v => new ComparedValue(v, EntityProfileBuilder.ValueLabel(property!, v), r.Any(o => Equal(property!, v, o)))).ToList();
            var rv = r.Select(v => new ComparedValue(v, EntityProfileBuilder.ValueLabel(property!, v), l.Any(o => Equal(property!, v, o)))).ToList();
            // Agreeing values first on both sides, so they line up row against row.
            lv = [.. lv.OrderByDescending(v => v.Matched)];
            rv = [.. rv.OrderByDescending(v => v.Matched)];
            var agreement = l.Count == 0 ? Agreement.OnlyRight
                : r.Count == 0 ? Agreement.OnlyLeft
                : lv.All(v => v.Matched) && rv.All(v => v.Matched) ? Agreement.Same
                : lv.Any(v => v.Matched) ? Agreement.Partial
                : Agreement.Different;
            rows.Add(new ComparisonRow(name, property!.Label, agreement, lv, rv));
        }

        return new PairComparison(left, right, schema.Name, rows);
    }

    private static int Rank(Schema schema, Property property) =>
        schema.Caption.Contains(property.Name) ? 0
        : schema.Featured.Contains(property.Name) ? 1
        : property.Matchable ? 2
        : 3;

    private static bool Equal(Property property, string a, string b) =>
        property.Type.Compare(a, b) >= EqualAt ||
        (property.Type is NameType && string.Equals(Fold(a), Fold(b), StringComparison.Ordinal));

    private static string Fold(string name) =>
        string.Concat(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
}
