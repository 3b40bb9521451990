using OsintResolver.Model.Entities;

namespace OsintResolver.Web;

/// <summary>An entity in FtM's JSON shape (the one yente and Aleph speak), plus its caption.</summary>
internal sealed record EntityJson
{
    public required string Id { get; init; }
    public required string Schema { get; init; }
    public required string Caption { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Properties { get; init; }
    public IReadOnlyList<string> Datasets { get; init; } = [];
    public IReadOnlyList<string> Referents { get; init; } = [];
    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastSeen { get; init; }
    public DateTimeOffset? LastChange { get; init; }

    public static EntityJson From(Entity entity) => new()
    {
        Id = entity.Id,
        Schema = entity.Schema.Name,
        Caption = entity.Caption,
        Properties = entity.PropertyNames.ToDictionary(p => p, p => (IReadOnlyList<string>)entity.Get(p).ToList(), StringComparer.Ordinal),
        Datasets = entity.Datasets.ToList(),
        Referents = entity.Referents.ToList(),
        FirstSeen = entity.FirstSeen,
        LastSeen = entity.LastSeen,
        LastChange = entity.LastChange,
    };
}
