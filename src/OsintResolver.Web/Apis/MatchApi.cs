using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OsintResolver.Index;
using OsintResolver.Index.Matching;
using OsintResolver.Index.Querying;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Schemata;
using OsintResolver.Store;

namespace OsintResolver.Web.Apis;

/// <summary>
/// <c>POST /api/match/{dataset}</c> with yente's request and response shape, so screening clients
/// written for yente work unchanged: <c>{"queries": {"key": {"schema", "properties"}}}</c> in,
/// <c>{"responses": {"key": {"status", "results", "total", "query"}}, "matcher", "limit"}</c> out,
/// each result an entity with <c>score</c>, <c>match</c> and <c>features</c>. Candidates come from
/// the index; the <see cref="IMatchScorer"/> (the ML.NET matcher in the web host) re-scores them,
/// and each returned result carries the matcher's explanation in words.
/// </summary>
internal static class MatchApi
{
    public const int MaxQueries = 100;
    public const int DefaultLimit = 5;

    /// <summary>yente's algorithm names; accepted so existing clients work, answered by our scorer and reported as such.</summary>
    private static readonly string[] YenteAlgorithms = ["best", "default", "logic-v1", "logic-v2", "regression-v1", "name-based", "name-qualified"];

    internal sealed record EntityExample
    {
        public string? Id { get; init; }
        public string? Schema { get; init; }
        public Dictionary<string, JsonElement>? Properties { get; init; }
    }

    internal sealed record MatchRequest
    {
        public Dictionary<string, EntityExample>? Queries { get; init; }
        public Dictionary<string, double>? Weights { get; init; }
    }

    internal sealed record ScoredEntity : EntityJson
    {
        public double Score { get; init; }
        public bool Match { get; init; }
        public IReadOnlyDictionary<string, double> Features { get; init; } = new Dictionary<string, double>();

        /// <summary>Not in yente's shape (clients ignore unknown fields): why the score is what it is.</summary>
        public string? Explanation { get; init; }
    }

    internal sealed record QueryEcho(string? Id, string Schema, IReadOnlyDictionary<string, IReadOnlyList<string>> Properties);

    internal sealed record EntityMatches(int Status, IReadOnlyList<ScoredEntity> Results, SearchApi.Total Total, QueryEcho Query);

    internal sealed record FeatureDoc(string Description);

    internal sealed record AlgorithmInfo(string Name, string Description, bool Fallback, string? Requested);

    internal sealed record MatchResponse(
        IReadOnlyDictionary<string, EntityMatches> Responses,
        IReadOnlyDictionary<string, FeatureDoc> Matcher,
        int Limit,
        AlgorithmInfo Algorithm);

    public static RouteGroupBuilder MapMatchApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/match");
        group.MapPost("/{dataset}", MatchAsync);
        return group;
    }

    internal static async Task<Ok<MatchResponse>> MatchAsync(
        string dataset,
        MatchRequest request,
        IEntityIndex index,
        IMatchScorer scorer,
        EntityStore store,
        [FromQuery] int? limit,
        [FromQuery] double? threshold,
        [FromQuery] double? cutoff,
        [FromQuery] string? algorithm,
        [FromQuery] string[]? topics,
        [FromQuery(Name = "include_dataset")] string[]? includeDataset,
        [FromQuery(Name = "exclude_dataset")] string[]? excludeDataset,
        [FromQuery(Name = "exclude_schema")] string[]? excludeSchema,
        CancellationToken ct)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > QueryLimits.MaxMatchLimit)
        {
            throw new InvalidInputException($"limit must be between 1 and {QueryLimits.MaxMatchLimit} (got {take})");
        }

        var minScore = Unit("threshold", threshold ?? scorer.DefaultThreshold);
        var floor = Unit("cutoff", cutoff ?? 0.0);
        if (algorithm is not null && algorithm != scorer.Algorithm && !YenteAlgorithms.Contains(algorithm))
        {
            throw new InvalidInputException(
                $"unknown algorithm '{algorithm}'; available: {scorer.Algorithm} (yente names {string.Join(", ", YenteAlgorithms)} are answered by it)");
        }

        var datasets = Datasets(dataset, includeDataset, store);
        if (request.Queries is not { Count: > 0 } queries)
        {
            throw new InvalidInputException("the request needs 'queries': an object of {\"key\": {\"schema\": …, \"properties\": {…}}}");
        }

        if (queries.Count > MaxQueries)
        {
            throw new InvalidInputException($"at most {MaxQueries} queries per request (got {queries.Count})");
        }

        var model = SchemaModel.Default;
        var examples = queries.ToDictionary(q => q.Key, q => Example(q.Key, q.Value, model), StringComparer.Ordinal);
        var responses = new Dictionary<string, EntityMatches>(StringComparer.Ordinal);
        foreach (var (key, example) in examples)
        {
            var candidates = await index.FindCandidatesAsync(new MatchQuery
            {
                Example = example,
                // Re-scoring reorders the index's ranking, so look a little deeper than asked.
                Limit = Math.Min(QueryLimits.MaxMatchLimit, (take * 2) + 5),
                Datasets = datasets,
                Topics = topics ?? [],
            }, ct).ConfigureAwait(false);
            var kept = candidates
                .Where(c => excludeSchema is null || !excludeSchema.Contains(c.Entity.Schema.Name))
                .Where(c => excludeDataset is null || !c.Entity.Datasets.All(excludeDataset.Contains))
                .Select(c => c.Entity).ToList();
            var scored = kept.Zip(scorer.Score(example, kept), (entity, result) => (Entity: entity, Result: result))
                .Where(x => x.Result.Score >= floor)
                .OrderByDescending(x => x.Result.Score).ThenBy(x => x.Entity.Id, StringComparer.Ordinal)
                .ToList();
            var returned = scored.Take(take).ToList();
            // Explained only for what is returned, in one batch: explanations cost more than scores.
            var explanations = scorer.Explain(example, returned.Select(x => x.Entity).ToList());
            var results = returned.Select((x, i) => EntityJson.Fill(new ScoredEntity
            {
                Score = x.Result.Score,
                Match = x.Result.Score >= minScore,
                Features = x.Result.Features,
                Explanation = explanations[i],
            }, x.Entity)).ToList();
            responses[key] = new EntityMatches(200, results, new SearchApi.Total(scored.Count, "eq"),
                new QueryEcho(queries[key].Id, example.Schema.Name,
                    example.PropertyNames.ToDictionary(p => p, p => (IReadOnlyList<string>)example.Get(p).ToList(), StringComparer.Ordinal)));
        }

        var features = responses.Values.SelectMany(r => r.Results).SelectMany(r => r.Features.Keys).Distinct()
            .ToDictionary(f => f, f => new FeatureDoc(scorer.DescribeFeature(f)), StringComparer.Ordinal);
        return TypedResults.Ok(new MatchResponse(responses, features, take,
            new AlgorithmInfo(scorer.Algorithm, scorer.Description, scorer.IsFallback, algorithm)));
    }

    private static double Unit(string name, double value) =>
        value is >= 0 and <= 1 && !double.IsNaN(value)
            ? value
            : throw new InvalidInputException($"{name} must be between 0 and 1 (got {value.ToString(CultureInfo.InvariantCulture)})");

    /// <summary>"default" and "all" mean every dataset, as yente's default collection does; else a known dataset.</summary>
    private static IReadOnlyList<string> Datasets(string dataset, string[]? include, EntityStore store)
    {
        var known = store.ListDatasets().Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var selected = dataset is "default" or "all" ? [] : new List<string> { dataset };
        foreach (var name in selected.Concat(include ?? []))
        {
            if (!known.Contains(name))
            {
                throw new NotFoundException($"no dataset '{name}'; known: default, {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            }
        }

        return include is { Length: > 0 } ? (selected.Count == 0 ? include : selected.Intersect(include).ToList()) : selected;
    }

    /// <summary>The query as an entity of its schema; unknown properties and invalid values are refused, naming the query.</summary>
    private static Entity Example(string key, EntityExample query, SchemaModel model)
    {
        if (string.IsNullOrWhiteSpace(query.Schema) || !model.TryGet(query.Schema, out var schema))
        {
            throw new InvalidInputException($"queries.{key}.schema: unknown or missing schema '{query.Schema}'");
        }

        if (!schema.Matchable)
        {
            throw new InvalidInputException($"queries.{key}.schema: '{schema.Name}' is not matchable; use e.g. Person, Company, Organization, LegalEntity, Vessel");
        }

        var entity = new Entity(schema, "query");
        foreach (var (prop, values) in query.Properties ?? [])
        {
            var list = values.ValueKind switch
            {
                JsonValueKind.String => [values.GetString()!],
                JsonValueKind.Array => values.EnumerateArray().Select(v => v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString()!,
                    JsonValueKind.Number => v.GetRawText(),
                    _ => throw new InvalidInputException($"queries.{key}.properties.{prop}: values must be strings"),
                }).ToList(),
                _ => throw new InvalidInputException($"queries.{key}.properties.{prop}: must be a string or a list of strings"),
            };
            if (schema.GetProperty(prop) is not { Stub: false })
            {
                throw new InvalidInputException($"queries.{key}.properties: schema '{schema.Name}' has no property '{prop}'");
            }

            foreach (var value in list.Where(v => !string.IsNullOrWhiteSpace(v)).Take(100))
            {
                if (!entity.TryAdd(prop, value, out var error))
                {
                    throw new InvalidInputException($"queries.{key}: {error}");
                }
            }
        }

        if (entity.ValueCount == 0)
        {
            throw new InvalidInputException($"queries.{key}.properties: give at least one value (a name, an identifier …)");
        }

        return entity;
    }
}
