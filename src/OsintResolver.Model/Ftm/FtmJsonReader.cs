using System.Globalization;
using System.Text.Json;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Schemata;

namespace OsintResolver.Model.Ftm;

/// <summary>
/// Streams FollowTheMoney JSON lines (one entity per line, as Aleph, yente and OpenSanctions
/// write them) into entities, in constant memory. Each bad line becomes a <see cref="RecordError"/>
/// naming the line and the reason; the entity on it is rejected whole.
/// </summary>
public sealed class FtmJsonReader
{
    /// <summary>Default cap on one line: OpenSanctions' largest entities are well under 1 MiB.</summary>
    public const int DefaultMaxLineBytes = 8 * 1024 * 1024;

    private static readonly HashSet<string> KnownMetadata = new(StringComparer.Ordinal)
    {
        "caption", "target", "first_seen", "last_seen", "last_change", "datasets", "referents",
    };

    private readonly SchemaModel _model;
    private readonly int _maxLineBytes;

    public FtmJsonReader(SchemaModel? model = null, int maxLineBytes = DefaultMaxLineBytes)
    {
        _model = model ?? SchemaModel.Default;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>Top-level fields that were neither known metadata nor data, with counts.</summary>
    public Dictionary<string, long> IgnoredFields { get; } = new(StringComparer.Ordinal);

    /// <summary>Bytes read so far by the running <see cref="Read"/>, for progress.</summary>
    public long Position { get; private set; }

    public IEnumerable<FtmRecord> Read(Stream stream)
    {
        using var lines = new LineReader(stream, _maxLineBytes);
        while (lines.TryReadLine(out var line, out var error))
        {
            Position = lines.Position;
            if (error is not null)
            {
                yield return new FtmRecord(lines.LineNumber, null, new RecordError(lines.LineNumber, null, error));
                continue;
            }

            if (IsBlank(line.Span))
            {
                continue;
            }

            yield return Parse(line.Span, lines.LineNumber);
        }

        Position = lines.Position;
    }

    /// <summary>Parses one JSON object into an entity.</summary>
    public FtmRecord Parse(ReadOnlySpan<byte> json, long lineNumber)
    {
        string? id = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "a line must hold one JSON object");

            string? schemaName = null;
            List<(string Prop, string Value)>? values = null;
            List<string>? datasets = null, referents = null;
            DateTimeOffset? firstSeen = null, lastSeen = null, lastChange = null;

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                reader.Read();
                switch (key)
                {
                    case "id":
                        Expect(reader.TokenType == JsonTokenType.String, "'id' must be a string");
                        id = reader.GetString();
                        break;
                    case "schema":
                        Expect(reader.TokenType == JsonTokenType.String, "'schema' must be a string");
                        schemaName = reader.GetString();
                        break;
                    case "properties":
                        values = ReadProperties(ref reader);
                        break;
                    case "datasets":
                        datasets = ReadStrings(ref reader, "datasets");
                        break;
                    case "referents":
                        referents = ReadStrings(ref reader, "referents");
                        break;
                    case "first_seen":
                        firstSeen = ReadTime(ref reader, key);
                        break;
                    case "last_seen":
                        lastSeen = ReadTime(ref reader, key);
                        break;
                    case "last_change":
                        lastChange = ReadTime(ref reader, key);
                        break;
                    default:
                        if (!KnownMetadata.Contains(key))
                        {
                            CollectionsMarshalIncrement(key);
                        }

                        reader.Skip();
                        break;
                }
            }

            Expect(reader.TokenType == JsonTokenType.EndObject, "unexpected content after the entity");
            Expect(!reader.Read(), "more than one JSON value on the line");
            Expect(!string.IsNullOrEmpty(id), "the entity has no 'id'");
            Expect(schemaName is not null, "the entity has no 'schema'");
            if (!_model.TryGet(schemaName!, out var schema))
            {
                throw new InvalidInputException($"unknown schema '{schemaName}'");
            }

            var entity = new Entity(schema, id!);
            foreach (var (prop, value) in values ?? [])
            {
                entity.Add(prop, value);
            }

            if (datasets is not null)
            {
                entity.Datasets.UnionWith(datasets);
            }

            if (referents is not null)
            {
                entity.Referents.UnionWith(referents);
            }

            entity.FirstSeen = firstSeen;
            entity.LastSeen = lastSeen;
            entity.LastChange = lastChange;
            return new FtmRecord(lineNumber, entity, null);
        }
        catch (JsonException ex)
        {
            var where = ex.BytePositionInLine is { } pos ? $" at byte {pos + 1}" : "";
            return Fail(lineNumber, id, $"malformed JSON{where}: {FirstSentence(ex.Message)}");
        }
        catch (OsintException ex)
        {
            return Fail(lineNumber, id, ex.Message);
        }
    }

    private void CollectionsMarshalIncrement(string key)
    {
        IgnoredFields[key] = IgnoredFields.GetValueOrDefault(key) + 1;
    }

    private static FtmRecord Fail(long line, string? id, string reason) =>
        new(line, null, new RecordError(line, id, reason));

    private static List<(string, string)> ReadProperties(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, "'properties' must be an object");
        var values = new List<(string, string)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var prop = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                // Tolerated: some producers write a single value without the list.
                values.Add((prop, reader.GetString()!));
                continue;
            }

            Expect(reader.TokenType == JsonTokenType.StartArray, $"property '{prop}' must be a list of strings");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var value = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString()!,
                    JsonTokenType.Number => Encoding(ref reader),
                    _ => throw new InvalidInputException($"property '{prop}' has a {reader.TokenType} where a string belongs"),
                };
                values.Add((prop, value));
            }
        }

        return values;
    }

    private static string Encoding(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.ValueSpan);

    private static List<string> ReadStrings(ref Utf8JsonReader reader, string key)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray, $"'{key}' must be a list of strings");
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(reader.TokenType == JsonTokenType.String, $"'{key}' must be a list of strings");
            list.Add(reader.GetString()!);
        }

        return list;
    }

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader, string key)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(reader.TokenType == JsonTokenType.String, $"'{key}' must be a date-time string");
        var text = reader.GetString()!;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new InvalidInputException($"'{key}' is not a date-time: \"{text}\"");
    }

    private static void Expect(bool condition, string reason)
    {
        if (!condition)
        {
            throw new InvalidInputException(reason);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
