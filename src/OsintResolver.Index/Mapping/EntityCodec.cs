using System.Text.Json;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Ftm;
using OsintResolver.Model.Schemata;

namespace OsintResolver.Index.Mapping;

/// <summary>
/// The entity as the index stores it: one FtM JSON object (written by the FtM writer). Reading
/// it back skips cleaning — the values were cleaned before they were indexed — because search
/// and match decode many entities per request.
/// </summary>
internal static class EntityCodec
{
    [ThreadStatic]
    private static (MemoryStream Buffer, FtmJsonWriter Writer)? _writer;

    public static byte[] Encode(Entity entity)
    {
        // One writer per thread: the FtM writer resets itself after each entity.
        _writer ??= Create();
        var (buffer, writer) = _writer.Value;
        buffer.SetLength(0);
        writer.Write(entity);
        // The writer ends each entity with a newline (it writes JSON lines).
        return buffer.GetBuffer().AsSpan(0, (int)buffer.Length - 1).ToArray();
    }

    private static (MemoryStream, FtmJsonWriter) Create()
    {
        var buffer = new MemoryStream(1024);
        return (buffer, new FtmJsonWriter(buffer));
    }

    public static Entity Decode(ReadOnlySpan<byte> json, SchemaModel model)
    {
        try
        {
            return DecodeCore(json, model);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or OsintException)
        {
            throw new OsintException($"the index holds an unreadable entity ({ex.Message}); rebuild it with `osint index`", inner: ex);
        }
    }

    private static Entity DecodeCore(ReadOnlySpan<byte> json, SchemaModel model)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        string? id = null;
        Schema? schema = null;
        Entity? entity = null;
        List<(string, string)>? pending = null;
        List<string> datasets = [], referents = [];
        DateTimeOffset? first = null, last = null, change = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString();
            reader.Read();
            switch (key)
            {
                case "id":
                    id = reader.GetString();
                    break;
                case "schema":
                    schema = model.Get(reader.GetString()!);
                    break;
                case "properties":
                    pending = [];
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var prop = reader.GetString()!;
                        reader.Read();
                        while (reader.Read() && reader.TokenType == JsonTokenType.String)
                        {
                            pending.Add((prop, reader.GetString()!));
                        }
                    }

                    break;
                case "datasets":
                    Strings(ref reader, datasets);
                    break;
                case "referents":
                    Strings(ref reader, referents);
                    break;
                case "first_seen":
                    first = Time(reader.GetString());
                    break;
                case "last_seen":
                    last = Time(reader.GetString());
                    break;
                case "last_change":
                    change = Time(reader.GetString());
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        entity = new Entity(schema ?? throw new OsintException("no schema"), id ?? throw new OsintException("no id"));
        foreach (var (prop, value) in pending ?? [])
        {
            entity.AddClean(prop, new PropertyValue(value));
        }

        entity.Datasets.UnionWith(datasets);
        entity.Referents.UnionWith(referents);
        entity.FirstSeen = first;
        entity.LastSeen = last;
        entity.LastChange = change;
        return entity;
    }

    private static void Strings(ref Utf8JsonReader reader, List<string> into)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            into.Add(reader.GetString()!);
        }
    }

    private static DateTimeOffset? Time(string? value) =>
        value is null ? null : DateTimeOffset.Parse(value + "Z", System.Globalization.CultureInfo.InvariantCulture);
}
