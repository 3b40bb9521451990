using OsintResolver.Model.Types;

namespace OsintResolver.Model.Schemata;

/// <summary>A typed property of a schema, as declared in Schemata/*.yaml.</summary>
public sealed class Property
{
    internal Property(Schema schema, string name, string label, string? description, PropertyType type,
        bool matchable, bool hidden, bool required, bool stub)
    {
        Schema = schema;
        Name = name;
        Label = label;
        Description = description;
        Type = type;
        Matchable = matchable;
        Hidden = hidden;
        Required = required;
        Stub = stub;
    }

    /// <summary>The schema that declares this property (not the ones that inherit it).</summary>
    public Schema Schema { get; }
    public string Name { get; }
    public string QualifiedName => $"{Schema.Name}:{Name}";
    public string Label { get; }
    public string? Description { get; }
    public PropertyType Type { get; }
    public bool Matchable { get; }
    public bool Hidden { get; }
    public bool Required { get; }

    /// <summary>
    /// True for the reverse side of an entity property (e.g. Person.sanctions): it is derived from
    /// links declared on other entities and never stored on this one.
    /// </summary>
    public bool Stub { get; }

    /// <summary>For entity references: the schema the referenced entity must be (or descend from).</summary>
    public Schema? Range { get; internal set; }

    /// <summary>For entity references: the property on the range schema that points back here.</summary>
    public Property? Reverse { get; internal set; }

    public override string ToString() => QualifiedName;
}
