using System.Text.Json.Nodes;
using OsintResolver.Index.Mapping;

namespace OsintResolver.Index.Elasticsearch;

/// <summary>
/// The Elasticsearch index template, derived from <see cref="IndexMapping"/> (and so from the
/// schemata). Text groups are indexed twice: as written (standard analysis, for highlighting) and
/// as the keys our own <see cref="Analysis.NameAnalyzer"/> produced (<c>*_keys</c>, split on
/// whitespace only), so both backends match on exactly the same transliterated tokens and the
/// cluster needs no ICU plugin.
/// </summary>
internal static class ElasticsearchMapping
{
    public const string KeysSuffix = "_keys";
    public const string KeysAnalyzer = "osint_keys";

    public static JsonObject Template(IndexMapping mapping, string alias) => new()
    {
        ["index_patterns"] = new JsonArray(alias + "-v*"),
        ["priority"] = 200,
        ["template"] = new JsonObject
        {
            ["settings"] = Settings(),
            ["mappings"] = Mappings(mapping),
        },
    };

    public static JsonObject Settings() => new()
    {
        ["number_of_shards"] = 1,
        ["max_result_window"] = Querying.QueryLimits.MaxWindow,
        ["analysis"] = new JsonObject
        {
            ["analyzer"] = new JsonObject
            {
                [KeysAnalyzer] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "whitespace" },
            },
        },
    };

    public static JsonObject Mappings(IndexMapping mapping)
    {
        var properties = new JsonObject
        {
            [IndexMapping.Id] = Keyword(),
            [IndexMapping.Schema] = Keyword(),
            [IndexMapping.Schemata] = Keyword(),
            [IndexMapping.Caption] = new JsonObject { ["type"] = "keyword", ["index"] = false },
            [IndexMapping.Datasets] = Keyword(),
            [IndexMapping.Referents] = Keyword(),
            // The entity itself, returned as _source and never searched.
            ["entity"] = new JsonObject { ["type"] = "object", ["enabled"] = false },
        };
        foreach (var field in mapping.Fields)
        {
            switch (field.Kind)
            {
                case FieldKind.Name or FieldKind.Text:
                    properties[field.Name] = new JsonObject { ["type"] = "text", ["analyzer"] = "standard" };
                    properties[field.Name + KeysSuffix] = new JsonObject { ["type"] = "text", ["analyzer"] = KeysAnalyzer, ["norms"] = field.Kind != FieldKind.Name };
                    break;
                default:
                    properties[field.Name] = Keyword();
                    break;
            }
        }

        return new JsonObject { ["dynamic"] = "strict", ["properties"] = properties };
    }

    private static JsonObject Keyword() => new() { ["type"] = "keyword" };
}
