using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace OsintResolver.Model.Entities;

/// <summary>
/// One property value of one entity as one source stated it, with its provenance. Entities are
/// assembled from statements; statements are never rewritten, only seen again (last_seen).
/// </summary>
public sealed record Statement
{
    public required string EntityId { get; init; }
    public required string Schema { get; init; }
    public required string Prop { get; init; }
    public required string Value { get; init; }
    public string? OriginalValue { get; init; }
    public string? Lang { get; init; }
    public required string Dataset { get; init; }
    public string? SourceUrl { get; init; }

    /// <summary>sha256 of the archived response the value was read from, when crawled.</summary>
    public string? ArchiveSha256 { get; init; }

    public long? CrawlRun { get; init; }
    public DateTimeOffset FirstSeen { get; init; }
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>Whether the last successful run of the dataset still stated this value.</summary>
    public bool Current { get; init; } = true;

    /// <summary>The id of a statement: stable across runs for the same value of the same entity.</summary>
    public long Id => MakeId(Dataset, EntityId, Prop, Value, Lang);

    /// <summary>
    /// 64-bit hash of the statement's identity. Collisions are astronomically unlikely at the
    /// store's scale (≈10⁻⁷ at 10⁸ statements per entity-keyed page), and they are scoped to one
    /// entity because the store keys statements by (entity_id, id).
    /// </summary>
    public static long MakeId(string dataset, string entityId, string prop, string value, string? lang)
    {
        var length = dataset.Length + entityId.Length + prop.Length + value.Length + (lang?.Length ?? 0) + 5;
        var rented = length <= 512 ? null : ArrayPool<char>.Shared.Rent(length);
        Span<char> buffer = rented ?? stackalloc char[512];
        var pos = 0;
        foreach (var part in (ReadOnlySpan<string?>)[dataset, entityId, prop, value, lang])
        {
            part.AsSpan().CopyTo(buffer[pos..]);
            pos += part?.Length ?? 0;
            buffer[pos++] = '\u001f';
        }

        var bytes = MemoryMarshalBytes(buffer[..pos]);
        var hash = (long)XxHash3.HashToUInt64(bytes);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return hash;
    }

    private static ReadOnlySpan<byte> MemoryMarshalBytes(ReadOnlySpan<char> chars) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(chars);

    public override string ToString() => $"{EntityId} {Prop}={Value} [{Dataset}]";
}
