using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Ftm;
using OsintResolver.Model.Schemata;
using OsintResolver.Model.Types;

namespace OsintResolver.Model.Mapping;

/// <summary>The entities made from one CSV row, or why the row was rejected.</summary>
public sealed record MappedRow(long Line, IReadOnlyList<Entity> Entities, RecordError? Error, IReadOnlyList<string> Warnings);

/// <summary>Turns CSV rows into entities through a <see cref="MappingDefinition"/>, streaming.</summary>
public sealed partial class CsvMapper
{
    private readonly MappingDefinition _mapping;
    private readonly string _dataset;
    private readonly List<(string Name, EntityMapping Mapping, Schema Schema)> _entities = [];

    public CsvMapper(MappingDefinition mapping, string dataset, SchemaModel? model = null)
    {
        model ??= SchemaModel.Default;
        _mapping = mapping;
        _dataset = dataset;
        foreach (var (name, em) in mapping.Entities)
        {
            var schema = model.TryGet(em.Schema, out var s) ? s : throw new InvalidInputException($"mapping entity '{name}': unknown schema '{em.Schema}'");
            if (schema.Abstract)
            {
                throw new InvalidInputException($"mapping entity '{name}': schema '{em.Schema}' is abstract");
            }

            if (em.Keys.Count == 0 && em.IdColumn is null)
            {
                throw new InvalidInputException($"mapping entity '{name}' needs 'keys' or 'id_column'");
            }

            foreach (var (prop, pm) in em.Properties)
            {
                if (schema.GetProperty(prop) is not { Stub: false } property)
                {
                    throw new InvalidInputException($"mapping entity '{name}': schema '{schema.Name}' has no property '{prop}'");
                }

                if (pm.Entity is { } target && !mapping.Entities.ContainsKey(target))
                {
                    throw new InvalidInputException($"mapping entity '{name}': property '{prop}' refers to unknown entity '{target}'");
                }

                if (pm.Entity is not null && property.Type is not EntityType)
                {
                    throw new InvalidInputException($"mapping entity '{name}': '{prop}' is not an entity property");
                }
            }

            _entities.Add((name, em, schema));
        }
    }

    public IEnumerable<MappedRow> Read(TextReader text)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = _mapping.Csv.Delimiter,
            HasHeaderRecord = _mapping.Csv.Header,
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };
        using var csv = new CsvReader(text, config);
        string[] header;
        if (_mapping.Csv.Header)
        {
            if (!csv.Read())
            {
                yield break;
            }

            csv.ReadHeader();
            header = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
        }
        else
        {
            header = [.. _mapping.Csv.Columns];
            if (header.Length == 0)
            {
                throw new InvalidInputException("a CSV without a header row needs csv.columns in the mapping");
            }
        }

        CheckColumns(header);
        var index = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var cells = csv.Parser.Record ?? [];
            yield return MapRow(line, cells, index);
        }
    }

    private void CheckColumns(string[] header)
    {
        var known = header.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, em, _) in _entities)
        {
            var used = em.Keys.Concat(em.IdColumn is null ? [] : [em.IdColumn])
                .Concat(em.Properties.Values.SelectMany(ColumnsOf));
            foreach (var column in used)
            {
                if (!known.Contains(column))
                {
                    throw new InvalidInputException($"mapping entity '{name}' uses column '{column}', which the file does not have (it has: {string.Join(", ", header)})");
                }
            }
        }
    }

    private static IEnumerable<string> ColumnsOf(PropertyMapping pm) =>
        (pm.Column is null ? [] : new[] { pm.Column }).Concat(pm.Columns)
        .Concat(pm.Template is null ? [] : TemplateField().Matches(pm.Template).Select(m => m.Groups[1].Value));

    private MappedRow MapRow(long line, string[] cells, Dictionary<string, int> index)
    {
        string? Cell(string column)
        {
            if (!index.TryGetValue(column, out var i) || i >= cells.Length)
            {
                return null;
            }

            var v = cells[i].Trim();
            return v.Length == 0 || _mapping.Csv.NullValues.Contains(v) ? null : v;
        }

        if (cells.Any(c => c.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            return new MappedRow(line, [], new RecordError(line, null, "row is not valid UTF-8"), []);
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, em, _) in _entities)
        {
            string? id;
            if (em.IdColumn is not null)
            {
                id = Cell(em.IdColumn) is { } key ? EntityIds.MakeReadable(_dataset, key) : null;
            }
            else
            {
                var parts = em.Keys.Select(Cell).ToArray();
                id = parts.All(p => p is null) ? null : EntityIds.Make(_dataset, [name, .. parts]);
            }

            if (id is not null)
            {
                ids[name] = id;
            }
        }

        var entities = new List<Entity>();
        var warnings = new List<string>();
        foreach (var (name, em, schema) in _entities)
        {
            if (!ids.TryGetValue(name, out var id))
            {
                continue;
            }

            var entity = new Entity(schema, id);
            entity.Datasets.Add(_dataset);
            foreach (var (prop, pm) in em.Properties)
            {
                foreach (var raw in Values(pm, Cell, ids))
                {
                    var value = raw;
                    if (pm.DateFormat.Count > 0 && DateType.TryParseExact(raw, pm.DateFormat, out var iso))
                    {
                        value = iso;
                    }

                    if (!entity.TryAdd(prop, value, out var error))
                    {
                        if (_mapping.InvalidValues == "reject")
                        {
                            return new MappedRow(line, [], new RecordError(line, id, error!), []);
                        }

                        warnings.Add($"line {line} (entity {id}): {error}; value dropped");
                    }
                }
            }

            if (entity.ValueCount == 0)
            {
                warnings.Add($"line {line} (entity {id}): no property has a value; the {schema.Name} is skipped");
                continue;
            }

            entities.Add(entity);
        }

        if (entities.Count == 0)
        {
            return new MappedRow(line, [], new RecordError(line, null, "the row has no key values, so no entity can be made"), warnings);
        }

        return new MappedRow(line, entities, null, warnings);
    }

    private static IEnumerable<string> Values(PropertyMapping pm, Func<string, string?> cell, Dictionary<string, string> ids)
    {
        if (pm.Literal is not null)
        {
            yield return pm.Literal;
        }

        if (pm.Entity is not null)
        {
            if (ids.TryGetValue(pm.Entity, out var target))
            {
                yield return target;
            }

            yield break;
        }

        if (pm.Template is not null)
        {
            var text = PropertyType.CollapseWhitespace(TemplateField().Replace(pm.Template, m => cell(m.Groups[1].Value) ?? ""));
            if (text.Length > 0)
            {
                yield return text;
            }

            yield break;
        }

        var columns = (pm.Column is null ? [] : new[] { pm.Column }).Concat(pm.Columns).ToList();
        if (pm.Join is not null)
        {
            var joined = string.Join(pm.Join, columns.Select(cell).Where(v => v is not null));
            if (joined.Length > 0)
            {
                yield return joined;
            }

            yield break;
        }

        foreach (var column in columns)
        {
            if (cell(column) is not { } v)
            {
                continue;
            }

            if (pm.Split is null)
            {
                yield return v;
                continue;
            }

            foreach (var part in v.Split(pm.Split, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                yield return part;
            }
        }
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex TemplateField();

    /// <summary>UTF-8 that marks invalid bytes with U+FFFD, so bad rows are reported, not decoded wrongly.</summary>
    public static Encoding Utf8Replacing { get; } = new UTF8Encoding(false, false);
}
