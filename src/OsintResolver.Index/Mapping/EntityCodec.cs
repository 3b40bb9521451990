using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Ftm;
using OsintResolver.Model.Schemata;

namespace OsintResolver.Index.Mapping;

/// <summary>The entity as the index stores it: one FtM JSON object, read back with the FtM reader.</summary>
internal static class EntityCodec
{
    public static byte[] Encode(Entity entity)
    {
        using var buffer = new MemoryStream(512);
        using (var writer = new FtmJsonWriter(buffer))
        {
            writer.Write(entity);
        }

        // The writer ends each entity with a newline (it writes JSON lines).
        return buffer.GetBuffer().AsSpan(0, (int)buffer.Length - 1).ToArray();
    }

    public static Entity Decode(ReadOnlySpan<byte> json, SchemaModel model)
    {
        var record = new FtmJsonReader(model).Parse(json, 1);
        return record.Entity ?? throw new OsintException($"the index holds an unreadable entity: {record.Error}");
    }
}
