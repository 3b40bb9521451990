using OsintResolver.Model.Errors;
using OsintResolver.Model.Schemata;
using OsintResolver.Model.Types;

namespace OsintResolver.Model.Entities;

/// <summary>
/// An entity of a schema with cleaned property values. Crawlers and importers build them; the
/// store turns them into statements and assembles them back. Property names and values are
/// validated against the schema as they are added.
/// </summary>
public sealed class Entity
{
    private readonly Dictionary<string, List<PropertyValue>> _properties = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private string _id;

    public Entity(Schema schema, string id)
    {
        Schema = schema;
        _id = ValidateId(id);
    }

    public Entity(string schema, string id) : this(SchemaModel.Default.Get(schema), id)
    {
    }

    public string Id
    {
        get => _id;
        set => _id = ValidateId(value);
    }

    public Schema Schema { get; set; }

    /// <summary>Datasets the entity's statements come from.</summary>
    public SortedSet<string> Datasets { get; } = new(StringComparer.Ordinal);

    /// <summary>For a canonical (resolved) entity: the source entity ids merged into it.</summary>
    public SortedSet<string> Referents { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset? FirstSeen { get; set; }
    public DateTimeOffset? LastSeen { get; set; }
    public DateTimeOffset? LastChange { get; set; }

    /// <summary>When assembled from the store: the statements behind the values (provenance).</summary>
    public IReadOnlyList<Statement>? Statements { get; set; }

    /// <summary>Property names in the order values were first added.</summary>
    public IReadOnlyList<string> PropertyNames => _order;

    public int ValueCount => _properties.Values.Sum(v => v.Count);

    public bool Has(string prop) => _properties.ContainsKey(prop);

    public IReadOnlyList<PropertyValue> GetValues(string prop) =>
        _properties.TryGetValue(prop, out var values) ? values : [];

    public IEnumerable<string> Get(string prop) => GetValues(prop).Select(v => v.Value);

    public string? First(string prop) => _properties.TryGetValue(prop, out var v) && v.Count > 0 ? v[0].Value : null;

    /// <summary>All values with their properties, in insertion order.</summary>
    public IEnumerable<(Property Property, PropertyValue Value)> Items()
    {
        foreach (var name in _order)
        {
            var property = Schema.Properties[name];
            foreach (var value in _properties[name])
            {
                yield return (property, value);
            }
        }
    }

    /// <summary>All values of properties of the given type (e.g. every name, every country).</summary>
    public IEnumerable<string> GetTypeValues(PropertyType type) =>
        _order.Where(p => Schema.Properties[p].Type == type).SelectMany(Get);

    /// <summary>Names and aliases, for matching and search.</summary>
    public IEnumerable<string> Names => GetTypeValues(PropertyTypes.Name);

    /// <summary>
    /// A human label: from the first caption property with a value, the name most readers can
    /// read (Latin script preferred), independent of the order values were stored in; else the id.
    /// </summary>
    public string Caption
    {
        get
        {
            foreach (var prop in Schema.Caption)
            {
                if (_properties.TryGetValue(prop, out var values) && values.Count > 0)
                {
                    return values.Count == 1
                        ? values[0].Value
                        : values.Select(v => v.Value)
                            .OrderByDescending(LatinShare)
                            .ThenBy(v => v.Length)
                            .ThenBy(v => v, StringComparer.Ordinal)
                            .First();
                }
            }

            return Id;
        }
    }

    private static double LatinShare(string value)
    {
        var letters = 0;
        var latin = 0;
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (c < '\u0250')
                {
                    latin++;
                }
            }
        }

        // Rounded so that names of one script tie and fall through to the next criterion.
        return letters == 0 ? 0 : Math.Round((double)latin / letters, 1);
    }

    /// <summary>Cleans and adds a value; throws <see cref="InvalidValueException"/> when invalid.</summary>
    public Entity Add(string prop, string raw, string? lang = null)
    {
        var property = Resolve(prop);
        var cleaned = property.Type.Clean(raw, $"{Schema.Name}:{prop}");
        AddCore(property.Name, new PropertyValue(cleaned, cleaned == raw ? null : raw, lang));
        return this;
    }

    /// <summary>Adds each non-empty value; the first invalid one throws.</summary>
    public Entity Add(string prop, IEnumerable<string?> raws, string? lang = null)
    {
        foreach (var raw in raws)
        {
            if (!string.IsNullOrWhiteSpace(raw))
            {
                Add(prop, raw, lang);
            }
        }

        return this;
    }

    /// <summary>Cleans and adds a value; false with the reason when the value is invalid.</summary>
    public bool TryAdd(string prop, string raw, out string? error, string? lang = null)
    {
        var property = Resolve(prop);
        if (!property.Type.TryClean(raw, out var cleaned, out error))
        {
            error = $"invalid value for '{Schema.Name}:{prop}': {error} (got {InvalidValueException.Quote(raw)})";
            return false;
        }

        AddCore(property.Name, new PropertyValue(cleaned, cleaned == raw ? null : raw, lang));
        return true;
    }

    /// <summary>Adds a value known to be clean (read back from the store); no validation.</summary>
    public void AddClean(string prop, PropertyValue value)
    {
        if (!Schema.Properties.ContainsKey(prop))
        {
            throw new InvalidInputException($"schema '{Schema.Name}' has no property '{prop}'");
        }

        AddCore(prop, value);
    }

    public bool Remove(string prop) => _properties.Remove(prop) && _order.Remove(prop);

    /// <summary>
    /// Merges another entity's values into this one, narrowing the schema to what both can be
    /// (LegalEntity + Company → Company). Throws when the schemata cannot describe one thing.
    /// </summary>
    public Entity Merge(Entity other, SchemaModel? model = null)
    {
        model ??= SchemaModel.Default;
        Schema = model.Common(Schema, other.Schema)
                 ?? throw new InvalidInputException($"cannot merge {Schema.Name} {Id} with {other.Schema.Name} {other.Id}");
        foreach (var (property, value) in other.Items())
        {
            AddCore(property.Name, value);
        }

        Datasets.UnionWith(other.Datasets);
        Referents.UnionWith(other.Referents);
        FirstSeen = Min(FirstSeen, other.FirstSeen);
        LastSeen = Max(LastSeen, other.LastSeen);
        LastChange = Max(LastChange, other.LastChange);
        return this;
    }

    public override string ToString() => $"{Schema.Name} {Id} ({Caption})";

    private Property Resolve(string prop)
    {
        if (Schema.GetProperty(prop) is not { } property)
        {
            throw new InvalidInputException($"schema '{Schema.Name}' has no property '{prop}'");
        }

        if (property.Stub)
        {
            throw new InvalidInputException(
                $"'{Schema.Name}:{prop}' is the reverse of {property.Reverse!.QualifiedName}; set it on the other entity");
        }

        return property;
    }

    private void AddCore(string prop, PropertyValue value)
    {
        if (!_properties.TryGetValue(prop, out var values))
        {
            values = [];
            _properties[prop] = values;
            _order.Add(prop);
        }

        foreach (var existing in values)
        {
            if (existing.Value == value.Value && existing.Lang == value.Lang)
            {
                return;
            }
        }

        values.Add(value);
    }

    private static string ValidateId(string id) =>
        EntityType.IsValidId(id) ? id : throw new InvalidValueException("id", id, "not an entity id (letters, digits and .-_: only, at most 200)");

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
