using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OsintResolver.Model.Errors;
using OsintResolver.Store;
using OsintResolver.Store.Crawl;
using OsintResolver.Store.Runs;
using OsintResolver.Web.Auth;
using OsintResolver.Web.Crawls;

namespace OsintResolver.Web.Apis;

/// <summary>
/// <c>/api/crawls</c>: per source its schedule, last and next runs, state, stats and failures;
/// analysts can start a run; admins pause and resume a source's scheduled runs.
/// </summary>
internal static class CrawlsApi
{
    public sealed record RunJson(long Id, string Kind, string State, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Error, JsonElement? Stats);

    public sealed record PauseJson(string PausedBy, DateTimeOffset PausedAt, string? Reason);

    public sealed record SourceJson(string Name, string? Title, string? Schedule, DateTimeOffset? NextRun, RunJson? LastRun, RunJson? LastSuccess,
        IReadOnlyList<RunJson> RecentRuns, PauseJson? Paused);

    public sealed record PauseRequest(string? Reason);

    public sealed record CrawlsJson(bool CanRun, IReadOnlyList<SourceJson> Sources);

    public static RouteGroupBuilder MapCrawlsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/crawls");
        group.MapGet("", List);
        group.MapPost("/{source}/run", StartAsync).RequireAuthorization(Roles.JudgePolicy);
        group.MapPost("/{source}/pause", Pause).RequireAuthorization(Roles.AdminPolicy);
        group.MapPost("/{source}/resume", Resume).RequireAuthorization(Roles.AdminPolicy);
        return group;
    }

    internal static Ok<CrawlsJson> List(ICrawlSources sources) =>
        TypedResults.Ok(new CrawlsJson(sources.CanRun, sources.List().Select(s => new SourceJson(s.Name, s.Title, s.Schedule, s.NextRun,
            Json(s.LastRun), Json(s.LastSuccess), s.RecentRuns.Select(r => Json(r)!).ToList(),
            s.Pause is { } p ? new PauseJson(p.PausedBy, p.PausedAt, p.Reason) : null)).ToList()));

    internal static async Task<Accepted> StartAsync(string source, ICrawlSources sources, ClaimsPrincipal user, CancellationToken ct)
    {
        RequireKnown(source, sources);
        await sources.StartAsync(source, user.Identity?.Name ?? "", ct).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/crawls#{source}");
    }

    /// <summary>Pauses the source's scheduled runs (a schedule process in another host sees it at its next check).</summary>
    internal static NoContent Pause(string source, PauseRequest? request, ICrawlSources sources, EntityStore store, ClaimsPrincipal user)
    {
        RequireKnown(source, sources);
        new SourcePauses(store).Pause(source, user.Identity?.Name ?? "", request?.Reason);
        return TypedResults.NoContent();
    }

    internal static NoContent Resume(string source, ICrawlSources sources, EntityStore store)
    {
        RequireKnown(source, sources);
        new SourcePauses(store).Resume(source);
        return TypedResults.NoContent();
    }

    private static void RequireKnown(string source, ICrawlSources sources)
    {
        if (!sources.List().Any(s => s.Name == source))
        {
            throw new NotFoundException($"no source '{Profiles.RequestedIds.Shorten(source)}'");
        }
    }

    internal static RunJson? Json(Run? run) => run is null ? null : new RunJson(run.Id, run.Kind.ToString().ToLowerInvariant(),
        run.State.ToString().ToLowerInvariant(), run.StartedAt, run.EndedAt, run.Error, ParseStats(run.StatsJson));

    /// <summary>Stats as the run recorded them; a run whose stats are not JSON shows none rather than failing the page.</summary>
    internal static JsonElement? ParseStats(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
