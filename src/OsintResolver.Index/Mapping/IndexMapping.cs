using OsintResolver.Model.Schemata;
using OsintResolver.Model.Types;

namespace OsintResolver.Index.Mapping;

/// <summary>How a field is indexed.</summary>
public enum FieldKind
{
    /// <summary>Names and aliases: transliterated to Latin, word and Han-bigram tokens, fuzzy and prefix.</summary>
    Name,

    /// <summary>Other readable text (addresses, notes): tokenised like names, no fuzziness.</summary>
    Text,

    /// <summary>Exact values (countries, topics, entity ids, e-mail keys).</summary>
    Keyword,

    /// <summary>Identifiers in their canonical comparison form (IMO digits, compact LEI …).</summary>
    Identifier,

    /// <summary>ISO dates, indexed with their year and month prefixes.</summary>
    Date,
}

/// <summary>One index field: a group of property types, as FtM/yente group values by type.</summary>
public sealed record IndexField(string Name, FieldKind Kind, IReadOnlyList<PropertyType> Types)
{
    public override string ToString() => $"{Name} ({Kind}: {string.Join(", ", Types.Select(t => t.Name))})";
}

/// <summary>
/// The index layout, derived from the schemata: every property type the model uses becomes (part
/// of) one group field, chosen by what the type is. Nothing here lists properties by hand: a new
/// schema or property lands in the right field by its type. Both backends build from this — the
/// Lucene document builder and the Elasticsearch mapping.
/// </summary>
public sealed class IndexMapping
{
    /// <summary>Document fields that are not property groups.</summary>
    public const string Id = "id";
    public const string Schema = "schema";
    public const string Schemata = "schemata";
    public const string Caption = "caption";
    public const string Datasets = "datasets";
    public const string Referents = "referents";
    public const string Source = "entity_json";

    private static readonly Lazy<IndexMapping> DefaultMapping = new(() => new IndexMapping(SchemaModel.Default));
    private readonly Dictionary<PropertyType, IndexField> _byType;

    public IndexMapping(SchemaModel model)
    {
        Model = model;
        var fields = new Dictionary<string, (FieldKind Kind, List<PropertyType> Types)>(StringComparer.Ordinal);
        foreach (var type in model.Types.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (Classify(type) is not { } target)
            {
                continue;
            }

            if (!fields.TryGetValue(target.Field, out var entry))
            {
                entry = (target.Kind, []);
                fields[target.Field] = entry;
            }

            entry.Types.Add(type);
        }

        Fields = fields.Select(kv => new IndexField(kv.Key, kv.Value.Kind, kv.Value.Types))
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        _byType = Fields.SelectMany(f => f.Types.Select(t => (t, f))).ToDictionary(x => x.t, x => x.f);
        Properties = model.Schemata.SelectMany(s => s.StoredProperties)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);
    }

    public static IndexMapping Default => DefaultMapping.Value;

    public SchemaModel Model { get; }

    public IReadOnlyList<IndexField> Fields { get; }

    /// <summary>Every stored property name with its type (for the Elasticsearch <c>properties.*</c> mapping).</summary>
    public IReadOnlyDictionary<string, PropertyType> Properties { get; }

    public IndexField? FieldFor(PropertyType type) => _byType.GetValueOrDefault(type);

    public IndexField Get(string name) => Fields.First(f => f.Name == name);

    /// <summary>The group a property type is indexed in, by what the type is; null: not indexed.</summary>
    private static (string Field, FieldKind Kind)? Classify(PropertyType type) => type switch
    {
        NameType => ("names", FieldKind.Name),
        IdentifierType => ("identifiers", FieldKind.Identifier),
        CountryType => ("countries", FieldKind.Keyword),
        TopicType => ("topics", FieldKind.Keyword),
        DateType => ("dates", FieldKind.Date),
        EntityType => ("entities", FieldKind.Keyword),
        AddressType => ("addresses", FieldKind.Text),
        EmailType or PhoneType or UrlType or IpType => (type.Name + "s", FieldKind.Keyword),
        GenderType or LanguageType => (type.Name + "s", FieldKind.Keyword),
        TextType or StringType and not HtmlType => ("text", FieldKind.Text),
        // HTML bodies, checksums, MIME types and numbers are shown, not searched.
        _ => null,
    };

    /// <summary>The values a property value contributes to its field, normalised for the field's kind.</summary>
    public static IEnumerable<string> Terms(IndexField field, PropertyType type, string value)
    {
        switch (field.Kind)
        {
            case FieldKind.Identifier:
                var id = (IdentifierType)type;
                var normal = id.Normalize(value);
                if (normal.Length > 0)
                {
                    yield return normal;
                }

                var compact = IdentifierType.Compact(value);
                if (compact.Length > 0 && compact != normal)
                {
                    yield return compact;
                }

                break;
            case FieldKind.Date:
                // 1957-08-15 also answers for 1957-08 and 1957, as DateType.Compare treats them.
                yield return value.Length > 10 ? value[..10] : value;
                if (value.Length >= 7)
                {
                    yield return value[..7];
                }

                if (value.Length > 4)
                {
                    yield return value[..4];
                }

                break;
            case FieldKind.Keyword:
                yield return type.Key(value) ?? value.ToLowerInvariant();
                break;
            default:
                yield return value;
                break;
        }
    }
}
