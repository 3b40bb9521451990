using OsintResolver.Model.Errors;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace OsintResolver.Model.Mapping;

/// <summary>
/// A CSV→entity mapping in the style of FollowTheMoney mapping files: for each row, one or more
/// entities with a schema, the key columns their ids are made from, and column→property rules.
/// </summary>
public sealed class MappingDefinition
{
    [YamlMember(Alias = "dataset")] public string? Dataset { get; set; }
    [YamlMember(Alias = "csv")] public CsvOptions Csv { get; set; } = new();

    /// <summary>
    /// What an invalid value does: <c>reject</c> (default) rejects the whole row with its reason;
    /// <c>drop</c> drops the value, keeps the row and reports a warning with the reason. Use
    /// <c>drop</c> for knowingly dirty sources such as FEBRL's corrupted duplicates.
    /// </summary>
    [YamlMember(Alias = "invalid_values")] public string InvalidValues { get; set; } = "reject";

    [YamlMember(Alias = "entities")] public Dictionary<string, EntityMapping> Entities { get; set; } = [];

    public static MappingDefinition Parse(string yaml, string source)
    {
        MappingDefinition mapping;
        try
        {
            mapping = new DeserializerBuilder().Build().Deserialize<MappingDefinition>(yaml)
                      ?? throw new InvalidInputException($"mapping {source} is empty");
        }
        catch (YamlException ex)
        {
            throw new InvalidInputException($"mapping {source}: {ex.Message}", ex);
        }

        if (mapping.Entities.Count == 0)
        {
            throw new InvalidInputException($"mapping {source} declares no entities");
        }

        if (mapping.InvalidValues is not ("reject" or "drop"))
        {
            throw new InvalidInputException($"mapping {source}: invalid_values must be 'reject' or 'drop'");
        }

        return mapping;
    }

    public static MappingDefinition Load(string path) => Parse(File.ReadAllText(path), path);
}

public sealed class CsvOptions
{
    [YamlMember(Alias = "delimiter")] public string Delimiter { get; set; } = ",";
    [YamlMember(Alias = "header")] public bool Header { get; set; } = true;

    /// <summary>Column names when the file has no header row (e.g. OFAC's CSVs).</summary>
    [YamlMember(Alias = "columns")] public List<string> Columns { get; set; } = [];

    /// <summary>Values that mean "empty" in this source (e.g. OFAC's <c>-0-</c>).</summary>
    [YamlMember(Alias = "null_values")] public List<string> NullValues { get; set; } = [];
}

public sealed class EntityMapping
{
    [YamlMember(Alias = "schema")] public string Schema { get; set; } = "";

    /// <summary>Columns whose values identify the record; the id is a hash of them.</summary>
    [YamlMember(Alias = "keys")] public List<string> Keys { get; set; } = [];

    /// <summary>Alternatively, a column whose value is kept readable in the id.</summary>
    [YamlMember(Alias = "id_column")] public string? IdColumn { get; set; }

    [YamlMember(Alias = "properties")] public Dictionary<string, PropertyMapping> Properties { get; set; } = [];
}

public sealed class PropertyMapping
{
    [YamlMember(Alias = "column")] public string? Column { get; set; }

    /// <summary>Several columns, each giving one value (or joined into one with <see cref="Join"/>).</summary>
    [YamlMember(Alias = "columns")] public List<string> Columns { get; set; } = [];

    [YamlMember(Alias = "join")] public string? Join { get; set; }
    [YamlMember(Alias = "literal")] public string? Literal { get; set; }

    /// <summary>Splits a cell into several values on this separator.</summary>
    [YamlMember(Alias = "split")] public string? Split { get; set; }

    /// <summary>A template such as <c>"{first_name} {surname}"</c>.</summary>
    [YamlMember(Alias = "template")] public string? Template { get; set; }

    /// <summary>The name of another entity in the same mapping; the value is its id.</summary>
    [YamlMember(Alias = "entity")] public string? Entity { get; set; }

    /// <summary>.NET date formats to try before the ISO forms (e.g. <c>yyyyMMdd</c>).</summary>
    [YamlMember(Alias = "date_format")] public List<string> DateFormat { get; set; } = [];
}
