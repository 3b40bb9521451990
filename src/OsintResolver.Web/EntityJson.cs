using OsintResolver.Model.Entities;

namespace OsintResolver.Web;

/// <summary>An entity in FtM's JSON shape, as yente returns it (<c>id, caption, schema, properties, datasets, referents …</c>).</summary>
internal record EntityJson
{
    public string Id { get; init; } = "";
    public string Caption { get; init; } = "";
    public string Schema { get; init; } = "";
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Properties { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyList<string> Datasets { get; init; } = [];
    public IReadOnlyList<string> Referents { get; init; } = [];

    /// <summary>yente's flag for entities that are screening targets (sanctioned and the like).</summary>
    public bool Target { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastSeen { get; init; }
    public DateTimeOffset? LastChange { get; init; }

    public static EntityJson From(Entity entity) => Fill(new EntityJson(), entity);

    /// <summary>Copies the entity into a response record (or a subtype that adds fields).</summary>
    public static T Fill<T>(T json, Entity entity) where T : EntityJson => json with
    {
        Id = entity.Id,
        Caption = entity.Caption,
        Schema = entity.Schema.Name,
        Properties = entity.PropertyNames.ToDictionary(p => p, p => (IReadOnlyList<string>)entity.Get(p).ToList(), StringComparer.Ordinal),
        Datasets = entity.Datasets.ToList(),
        Referents = entity.Referents.ToList(),
        Target = entity.Get("topics").Any(t => t.StartsWith("sanction", StringComparison.Ordinal) || t is "debarment" or "crime.terror" or "wanted"),
        FirstSeen = entity.FirstSeen,
        LastSeen = entity.LastSeen,
        LastChange = entity.LastChange,
    };
}

/// <summary>Another entity, referred to from this one: enough to show and link it.</summary>
internal sealed record EntityRef(string Id, string Schema, string Caption)
{
    public static EntityRef From(Entity entity) => new(entity.Id, entity.Schema.Name, entity.Caption);
}
