using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Schemata;

namespace OsintResolver.Resolution.Matching;

/// <summary>
/// Builds the entity of a matching query from a yente-style request body
/// (<c>{"schema": "Person", "properties": {"name": [...], "birthDate": [...]}}</c>), so the
/// match API can score index candidates against it with <see cref="Matcher.Score(Entity, Entity, Profiles.TokenStatistics?)"/>.
/// </summary>
public static class QueryEntity
{
    /// <summary>
    /// The query entity. Values that do not clean and properties the schema lacks are listed in
    /// <paramref name="errors"/> (naming the property and the reason) and left out; the caller
    /// decides whether to refuse the request.
    /// </summary>
    public static Entity Build(string schema, IReadOnlyDictionary<string, IReadOnlyList<string>> properties, out IReadOnlyList<string> errors,
        string id = "query", SchemaModel? model = null)
    {
        model ??= SchemaModel.Default;
        if (!model.TryGet(schema, out var s))
        {
            throw new InvalidInputException($"unknown schema '{schema}'");
        }

        if (!s.Matchable)
        {
            throw new InvalidInputException($"schema '{schema}' is not matchable");
        }

        var entity = new Entity(s, id);
        var problems = new List<string>();
        foreach (var (prop, values) in properties)
        {
            if (s.GetProperty(prop) is not { Stub: false })
            {
                problems.Add($"schema '{schema}' has no property '{prop}'");
                continue;
            }

            foreach (var value in values)
            {
                if (!string.IsNullOrWhiteSpace(value) && !entity.TryAdd(prop, value, out var error))
                {
                    problems.Add(error!);
                }
            }
        }

        errors = problems;
        return entity;
    }
}
