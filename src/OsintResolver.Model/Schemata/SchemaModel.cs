using System.Reflection;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Types;
using YamlDotNet.Serialization;

namespace OsintResolver.Model.Schemata;

/// <summary>
/// The schemata declared in the embedded Schemata/*.yaml files. Everything that needs to know
/// the data model (the store, index mappings, API shapes, UI field lists) derives it from here.
/// </summary>
public sealed class SchemaModel
{
    private static readonly Lazy<SchemaModel> DefaultModel = new(LoadEmbedded);
    private readonly Dictionary<string, Schema> _schemata;

    private SchemaModel(Dictionary<string, Schema> schemata) => _schemata = schemata;

    /// <summary>The model shipped with OsintResolver.</summary>
    public static SchemaModel Default => DefaultModel.Value;

    public IReadOnlyCollection<Schema> Schemata => _schemata.Values;

    /// <summary>Every property type used by at least one property.</summary>
    public IEnumerable<PropertyType> Types => _schemata.Values
        .SelectMany(s => s.Properties.Values).Select(p => p.Type).Distinct();

    public Schema this[string name] => Get(name);

    public Schema Get(string name) =>
        _schemata.TryGetValue(name, out var schema)
            ? schema
            : throw new InvalidInputException($"unknown schema '{name}'");

    public bool TryGet(string name, out Schema schema) => _schemata.TryGetValue(name, out schema!);

    /// <summary>
    /// The schema two entities can be merged into when they are judged the same: the more specific
    /// of the two when one extends the other (LegalEntity + Company → Company), else their most
    /// general shared descendant. Null when they cannot describe the same thing (Person + Vessel).
    /// </summary>
    public Schema? Common(Schema left, Schema right)
    {
        if (left.IsA(right))
        {
            return left;
        }

        if (right.IsA(left))
        {
            return right;
        }

        return left.Descendants
            .Where(d => d.IsA(right) && !d.Abstract)
            .OrderBy(d => d.Schemata.Count)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>Whether entities of the two schemata may be compared for resolution at all.</summary>
    public bool CanMatch(Schema left, Schema right) =>
        left.Matchable && right.Matchable && Common(left, right) is not null;

    private static SchemaModel LoadEmbedded()
    {
        var assembly = typeof(SchemaModel).Assembly;
        var sources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Schemata.", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => (n, Read(assembly, n)));
        return Load(sources);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Builds a model from YAML documents; each maps schema names to definitions.</summary>
    internal static SchemaModel Load(IEnumerable<(string Source, string Yaml)> documents)
    {
        var deserializer = new DeserializerBuilder().Build();
        var definitions = new Dictionary<string, SchemaDefinition>(StringComparer.Ordinal);
        foreach (var (source, yaml) in documents)
        {
            Dictionary<string, SchemaDefinition> doc;
            try
            {
                doc = deserializer.Deserialize<Dictionary<string, SchemaDefinition>>(yaml) ?? [];
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                throw new OsintException($"schema file {source}: {ex.Message}", inner: ex);
            }

            foreach (var (name, definition) in doc)
            {
                if (!definitions.TryAdd(name, definition))
                {
                    throw new OsintException($"schema '{name}' is declared twice ({source})");
                }
            }
        }

        var schemata = definitions.ToDictionary(
            kv => kv.Key,
            kv => new Schema(kv.Key, kv.Value.Label ?? kv.Key, kv.Value.Plural ?? kv.Key + "s",
                kv.Value.Description, kv.Value.Abstract, kv.Value.Matchable),
            StringComparer.Ordinal);

        foreach (var (name, definition) in definitions)
        {
            foreach (var parent in definition.Extends)
            {
                if (!schemata.TryGetValue(parent, out var parentSchema))
                {
                    throw new OsintException($"schema '{name}' extends unknown schema '{parent}'");
                }

                schemata[name].AddExtends(parentSchema);
            }
        }

        foreach (var schema in schemata.Values)
        {
            schema.SetAncestors(Ancestors(schema, []));
        }

        // Own properties first, then inherited ones in order of the extends list, so a schema can
        // narrow an inherited property (e.g. a range) by redeclaring it.
        var declared = new Dictionary<(string, string), (Property Property, PropertyDefinition Definition)>();
        foreach (var (name, definition) in definitions)
        {
            var schema = schemata[name];
            foreach (var (propName, pd) in definition.Properties)
            {
                var type = PropertyTypes.Resolve(pd.Type, pd.Format)
                    ?? throw new OsintException($"property {name}:{propName} has unknown type '{pd.Type}'" +
                                                (pd.Format is null ? "" : $" with format '{pd.Format}'"));
                var property = new Property(schema, propName, pd.Label ?? propName, pd.Description, type,
                    pd.Matchable ?? type.Matchable, pd.Hidden, pd.Required, stub: false);
                declared[(name, propName)] = (property, pd);
            }
        }

        foreach (var schema in TopologicalOrder(schemata.Values))
        {
            foreach (var ((owner, _), (property, _)) in declared)
            {
                if (owner == schema.Name)
                {
                    schema.AddProperty(property);
                }
            }

            foreach (var parent in schema.Extends)
            {
                foreach (var inherited in parent.Properties.Values)
                {
                    schema.AddProperty(inherited);
                }
            }
        }

        // Entity ranges and reverse stubs.
        foreach (var ((owner, propName), (property, pd)) in declared)
        {
            if (property.Type is not EntityType)
            {
                continue;
            }

            if (pd.Range is null || !schemata.TryGetValue(pd.Range, out var range))
            {
                throw new OsintException($"entity property {owner}:{propName} needs a known range (got '{pd.Range}')");
            }

            property.Range = range;
            if (pd.Reverse is { Name.Length: > 0 } reverse)
            {
                var stub = new Property(range, reverse.Name, reverse.Label ?? reverse.Name, null,
                    PropertyTypes.Entity, matchable: false, hidden: false, required: false, stub: true)
                {
                    Range = schemata[owner],
                    Reverse = property,
                };
                property.Reverse = stub;
                foreach (var s in new[] { range }.Concat(range.Descendants))
                {
                    s.AddProperty(stub);
                }
            }
        }

        foreach (var (name, definition) in definitions)
        {
            var schema = schemata[name];
            schema.Caption = definition.Caption.Count > 0 ? definition.Caption : Inherit(schema, s => s.Caption);
            schema.Featured = definition.Featured.Count > 0 ? definition.Featured : Inherit(schema, s => s.Featured);
            foreach (var p in schema.Caption.Concat(schema.Featured))
            {
                if (schema.GetProperty(p) is null)
                {
                    throw new OsintException($"schema '{name}' names unknown property '{p}' in caption or featured");
                }
            }

            if (definition.Edge is { } edge)
            {
                var source = schema.GetProperty(edge.Source);
                var target = schema.GetProperty(edge.Target);
                if (source?.Type is not EntityType || target?.Type is not EntityType)
                {
                    throw new OsintException($"edge of '{name}' must name two entity properties");
                }

                schema.Edge = new EdgeSpec(source, target, edge.Label ?? schema.Label, edge.Directed);
            }

            if (definition.AttachedTo is { } attached)
            {
                schema.AttachedTo = schema.GetProperty(attached) is { Type: EntityType } p
                    ? p
                    : throw new OsintException($"'{name}' is attached to '{attached}', which is not an entity property");
            }
        }

        // Captions and edges are inherited from the first parent that has them.
        foreach (var schema in TopologicalOrder(schemata.Values))
        {
            schema.Edge ??= schema.Extends.Select(p => p.Edge).FirstOrDefault(e => e is not null);
            schema.AttachedTo ??= schema.Extends.Select(p => p.AttachedTo).FirstOrDefault(e => e is not null);
        }

        return new SchemaModel(schemata);
    }

    private static IReadOnlyList<string> Inherit(Schema schema, Func<Schema, IReadOnlyList<string>> pick) =>
        schema.Extends.Select(pick).FirstOrDefault(l => l.Count > 0) ?? [];

    private static HashSet<Schema> Ancestors(Schema schema, HashSet<Schema> seen)
    {
        if (!seen.Add(schema))
        {
            return seen;
        }

        foreach (var parent in schema.Extends)
        {
            Ancestors(parent, seen);
        }

        return seen;
    }

    private static List<Schema> TopologicalOrder(IEnumerable<Schema> schemata)
    {
        var order = new List<Schema>();
        var visited = new HashSet<Schema>();
        void Visit(Schema s)
        {
            if (!visited.Add(s))
            {
                return;
            }

            foreach (var p in s.Extends)
            {
                Visit(p);
            }

            order.Add(s);
        }

        foreach (var s in schemata.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            Visit(s);
        }

        return order;
    }
}
