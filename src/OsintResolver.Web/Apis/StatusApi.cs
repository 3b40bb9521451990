using Microsoft.AspNetCore.Http.HttpResults;
using OsintResolver.Index;
using OsintResolver.Index.Matching;
using OsintResolver.Store;

namespace OsintResolver.Web.Apis;

/// <summary><c>GET /api/status</c>: what the server holds, for health checks and the UI's header.</summary>
internal static class StatusApi
{
    internal sealed record DatasetStatus(string Name, long Entities, DateTimeOffset? UpdatedAt);

    internal sealed record IndexInfo(string Backend, string? Version, long Entities, string Matcher, bool MatcherIsFallback);

    internal sealed record StatusResponse(string Version, long Entities, long Statements, IReadOnlyList<DatasetStatus> Datasets, IndexInfo Index);

    public static RouteGroupBuilder MapStatusApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/status");
        group.MapGet("", GetStatus);
        return group;
    }

    internal static async Task<Ok<StatusResponse>> GetStatus(EntityStore store, IEntityIndex index, IMatchScorer scorer, CancellationToken ct)
    {
        var indexStatus = await index.GetStatusAsync(ct).ConfigureAwait(false);
        var stats = store.GetStats();
        var updated = store.ListDatasets().ToDictionary(d => d.Name, d => d.UpdatedAt);
        var datasets = stats.Entities.GroupBy(e => e.Dataset)
            .Select(g => new DatasetStatus(g.Key, g.Sum(e => e.Entities), updated.GetValueOrDefault(g.Key)))
            .ToList();
        var version = typeof(StatusApi).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        return TypedResults.Ok(new StatusResponse(version, datasets.Sum(d => d.Entities), stats.Statements, datasets,
            new IndexInfo(indexStatus.Backend, indexStatus.Version, indexStatus.Entities, scorer.Algorithm, scorer.IsFallback)));
    }
}
