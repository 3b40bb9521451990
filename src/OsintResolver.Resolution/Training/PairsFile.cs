using System.Text;
using System.Text.Json;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Ftm;

namespace OsintResolver.Resolution.Training;

/// <summary>One labelled pair of the OpenSanctions pairs format.</summary>
public sealed record JudgedPair(Entity Left, Entity Right, bool? Match, long Line);

/// <summary>
/// The OpenSanctions pairs format: JSON lines of <c>{"left": entity, "right": entity,
/// "judgement": "positive"|"negative"|…}</c> with FtM entities on each side. Lines whose
/// judgement is neither positive nor negative are kept with no label.
/// </summary>
public static class PairsFile
{
    public static IEnumerable<JudgedPair> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"no such pairs file: {path}");
        }

        var reader = new FtmJsonReader();
        long line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new InvalidInputException($"{path} line {line}: malformed JSON: {ex.Message}");
            }

            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("left", out var left) || !root.TryGetProperty("right", out var right))
                {
                    throw new InvalidInputException($"{path} line {line}: a pair needs 'left' and 'right' entities");
                }

                var judgement = root.TryGetProperty("judgement", out var j) && j.ValueKind == JsonValueKind.String ? j.GetString() : null;
                yield return new JudgedPair(Parse(reader, left, path, line, "left"), Parse(reader, right, path, line, "right"),
                    judgement switch { "positive" => true, "negative" => false, _ => null }, line);
            }
        }
    }

    /// <summary>Pairs with a positive or negative judgement as training pairs, grouped by their positive components.</summary>
    public static List<LabelledPair> ToLabelled(IEnumerable<JudgedPair> pairs, string source)
    {
        var judged = pairs.Where(p => p.Match is not null).ToList();
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                x = p;
            }

            return x;
        }

        foreach (var p in judged.Where(p => p.Match == true))
        {
            var a = Find(p.Left.Id);
            var b = Find(p.Right.Id);
            if (a != b)
            {
                parent[a] = b;
            }
        }

        return judged.Select(p => new LabelledPair(p.Left, p.Right, p.Match!.Value, $"{source}:{Find(p.Left.Id)}", $"{source}:{Find(p.Right.Id)}", source)).ToList();
    }

    public static void Write(string path, IEnumerable<LabelledPair> pairs)
    {
        using var stream = File.Create(path);
        foreach (var pair in pairs)
        {
            stream.Write("{\"left\":"u8);
            WriteEntity(stream, pair.Left);
            stream.Write(",\"right\":"u8);
            WriteEntity(stream, pair.Right);
            stream.Write(Encoding.UTF8.GetBytes($",\"judgement\":\"{(pair.Match ? "positive" : "negative")}\"}}\n"));
        }
    }

    private static void WriteEntity(Stream stream, Entity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new FtmJsonWriter(buffer))
        {
            writer.Write(entity);
        }

        stream.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length).TrimEnd((byte)'\n'));
    }

    private static Entity Parse(FtmJsonReader reader, JsonElement element, string path, long line, string side)
    {
        var record = reader.Parse(Encoding.UTF8.GetBytes(element.GetRawText()), line);
        return record.Entity ?? throw new InvalidInputException($"{path} line {line} ({side}): {record.Error!.Reason}");
    }
}
