using OsintResolver.Index.Analysis;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Schemata;

namespace OsintResolver.Index.Mapping;

/// <summary>
/// An entity reduced to what the index needs, by the <see cref="IndexMapping"/>: group fields of
/// normalised values, the schema with its ancestors, datasets, and the entity itself as JSON.
/// Both backends write exactly this, so they search the same values.
/// </summary>
internal sealed class IndexDocument
{
    public required string Id { get; init; }
    public required Schema Schema { get; init; }
    public required string Caption { get; init; }
    public required IReadOnlyList<string> Datasets { get; init; }
    public required IReadOnlyList<string> Referents { get; init; }

    /// <summary>Values per group field (names, identifiers, countries …), normalised for the field's kind.</summary>
    public required IReadOnlyDictionary<string, List<string>> Groups { get; init; }

    public required byte[] Json { get; init; }

    public IEnumerable<string> Schemata => Schema.Schemata.Select(s => s.Name).Order(StringComparer.Ordinal);

    public IReadOnlyList<string> Group(string name) => Groups.TryGetValue(name, out var v) ? v : [];

    public static IndexDocument From(Entity entity, IndexMapping mapping)
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (property, value) in entity.Items())
        {
            if (mapping.FieldFor(property.Type) is not { } field)
            {
                continue;
            }

            if (!groups.TryGetValue(field.Name, out var list))
            {
                list = [];
                groups[field.Name] = list;
            }

            foreach (var term in IndexMapping.Terms(field, property.Type, value.Value))
            {
                if (!list.Contains(term, StringComparer.Ordinal))
                {
                    list.Add(term);
                }
            }
        }

        return new IndexDocument
        {
            Id = entity.Id,
            Schema = entity.Schema,
            Caption = entity.Caption,
            Datasets = entity.Datasets.ToList(),
            Referents = entity.Referents.ToList(),
            Groups = groups,
            Json = EntityCodec.Encode(entity),
        };
    }

    /// <summary>The analysed keys of a text group, space-separated (the Elasticsearch backend indexes these).</summary>
    public string Keys(string group) =>
        string.Join(' ', Group(group).SelectMany(v => NameAnalyzer.Analyze(v)).Select(t => t.Key));
}
