using OsintResolver.Model.Entities;

namespace OsintResolver.Model.Ftm;

/// <summary>A record read from an input file: an entity, or the reason it was rejected.</summary>
public readonly record struct FtmRecord(long Line, Entity? Entity, RecordError? Error);

/// <summary>Why a record was rejected, naming where it was and which entity it was meant to be.</summary>
public sealed record RecordError(long Line, string? EntityId, string Reason)
{
    public override string ToString() =>
        EntityId is null ? $"line {Line}: {Reason}" : $"line {Line} (entity {EntityId}): {Reason}";
}
