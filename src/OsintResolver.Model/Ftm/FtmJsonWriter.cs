using System.Text.Encodings.Web;
using System.Text.Json;
using OsintResolver.Model.Entities;

namespace OsintResolver.Model.Ftm;

/// <summary>Writes entities as FollowTheMoney JSON lines.</summary>
public sealed class FtmJsonWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Non-ASCII names stay readable in the file; this output is data, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    public FtmJsonWriter(Stream stream)
    {
        _stream = stream;
        _writer = new Utf8JsonWriter(stream, Options);
    }

    public long Count { get; private set; }

    public void Write(Entity entity)
    {
        var w = _writer;
        w.WriteStartObject();
        w.WriteString("id", entity.Id);
        w.WriteString("schema", entity.Schema.Name);
        w.WriteString("caption", entity.Caption);
        w.WriteStartObject("properties");
        foreach (var prop in entity.PropertyNames)
        {
            w.WriteStartArray(prop);
            foreach (var value in entity.GetValues(prop))
            {
                w.WriteStringValue(value.Value);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        WriteList(w, "datasets", entity.Datasets);
        if (entity.Referents.Count > 0)
        {
            WriteList(w, "referents", entity.Referents);
        }

        WriteTime(w, "first_seen", entity.FirstSeen);
        WriteTime(w, "last_seen", entity.LastSeen);
        WriteTime(w, "last_change", entity.LastChange);
        w.WriteEndObject();
        w.Flush();
        w.Reset();
        _stream.WriteByte((byte)'\n');
        Count++;
    }

    private static void WriteList(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            w.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Dispose()
    {
        _writer.Flush();
        _writer.Dispose();
        _stream.Flush();
    }
}
