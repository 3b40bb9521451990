namespace OsintResolver.Model.Schemata;

/// <summary>The two entity ends of a relationship schema, e.g. Ownership: owner → asset.</summary>
public sealed record EdgeSpec(Property Source, Property Target, string Label, bool Directed);

/// <summary>
/// One FollowTheMoney-compatible schema. Instances come only from <see cref="SchemaModel"/>,
/// which loads them from the embedded YAML; nothing else declares schemata.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, Property> _properties = new(StringComparer.Ordinal);
    private readonly List<Schema> _extends = [];
    private HashSet<Schema> _ancestors = [];
    private readonly HashSet<Schema> _descendants = [];

    internal Schema(string name, string label, string plural, string? description, bool isAbstract, bool matchable)
    {
        Name = name;
        Label = label;
        Plural = plural;
        Description = description;
        Abstract = isAbstract;
        Matchable = matchable;
    }

    public string Name { get; }
    public string Label { get; }
    public string Plural { get; }
    public string? Description { get; }
    public bool Abstract { get; }

    /// <summary>Whether entities of this schema are candidates for entity resolution.</summary>
    public bool Matchable { get; }

    public IReadOnlyList<Schema> Extends => _extends;

    /// <summary>This schema and every schema it inherits from.</summary>
    public IReadOnlySet<Schema> Schemata => _ancestors;

    /// <summary>Schemata that inherit from this one, not including itself.</summary>
    public IReadOnlySet<Schema> Descendants => _descendants;

    /// <summary>Properties including inherited ones and reverse stubs, by name.</summary>
    public IReadOnlyDictionary<string, Property> Properties => _properties;

    public IReadOnlyList<string> Caption { get; internal set; } = [];
    public IReadOnlyList<string> Featured { get; internal set; } = [];

    /// <summary>Set for relationship schemata (Ownership, Directorship, …): their entity ends.</summary>
    public EdgeSpec? Edge { get; internal set; }

    /// <summary>
    /// Set for schemata that are records attached to one entity rather than links between two
    /// (Sanction → entity, Identification → holder).
    /// </summary>
    public Property? AttachedTo { get; internal set; }

    public bool IsEdge => Edge is not null;

    public bool IsA(Schema other) => ReferenceEquals(this, other) || _ancestors.Contains(other);

    public bool IsA(string name) => _ancestors.Any(s => s.Name == name);

    public Property? GetProperty(string name) => _properties.GetValueOrDefault(name);

    /// <summary>Properties that can be stored on an entity of this schema (no reverse stubs).</summary>
    public IEnumerable<Property> StoredProperties => _properties.Values.Where(p => !p.Stub);

    internal void AddExtends(Schema parent) => _extends.Add(parent);

    internal void AddProperty(Property property) => _properties.TryAdd(property.Name, property);

    internal void SetAncestors(HashSet<Schema> ancestors)
    {
        _ancestors = ancestors;
        foreach (var ancestor in ancestors)
        {
            if (!ReferenceEquals(ancestor, this))
            {
                ancestor._descendants.Add(this);
            }
        }
    }

    public override string ToString() => Name;
}
