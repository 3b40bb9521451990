using YamlDotNet.Serialization;

namespace OsintResolver.Model.Schemata;

// YAML shapes of Schemata/*.yaml. They exist only to be turned into Schema and Property.
internal sealed class SchemaDefinition
{
    [YamlMember(Alias = "label")] public string? Label { get; set; }
    [YamlMember(Alias = "plural")] public string? Plural { get; set; }
    [YamlMember(Alias = "description")] public string? Description { get; set; }
    [YamlMember(Alias = "abstract")] public bool Abstract { get; set; }
    [YamlMember(Alias = "matchable")] public bool Matchable { get; set; }
    [YamlMember(Alias = "extends")] public List<string> Extends { get; set; } = [];
    [YamlMember(Alias = "caption")] public List<string> Caption { get; set; } = [];
    [YamlMember(Alias = "featured")] public List<string> Featured { get; set; } = [];
    [YamlMember(Alias = "edge")] public EdgeDefinition? Edge { get; set; }
    [YamlMember(Alias = "attachedTo")] public string? AttachedTo { get; set; }
    [YamlMember(Alias = "properties")] public Dictionary<string, PropertyDefinition> Properties { get; set; } = [];
}

internal sealed class EdgeDefinition
{
    [YamlMember(Alias = "source")] public string Source { get; set; } = "";
    [YamlMember(Alias = "target")] public string Target { get; set; } = "";
    [YamlMember(Alias = "label")] public string? Label { get; set; }
    [YamlMember(Alias = "directed")] public bool Directed { get; set; } = true;
}

internal sealed class PropertyDefinition
{
    [YamlMember(Alias = "label")] public string? Label { get; set; }
    [YamlMember(Alias = "description")] public string? Description { get; set; }
    [YamlMember(Alias = "type")] public string Type { get; set; } = "string";
    [YamlMember(Alias = "format")] public string? Format { get; set; }
    [YamlMember(Alias = "range")] public string? Range { get; set; }
    [YamlMember(Alias = "matchable")] public bool? Matchable { get; set; }
    [YamlMember(Alias = "hidden")] public bool Hidden { get; set; }
    [YamlMember(Alias = "required")] public bool Required { get; set; }
    [YamlMember(Alias = "reverse")] public ReverseDefinition? Reverse { get; set; }
}

internal sealed class ReverseDefinition
{
    [YamlMember(Alias = "name")] public string Name { get; set; } = "";
    [YamlMember(Alias = "label")] public string? Label { get; set; }
}
