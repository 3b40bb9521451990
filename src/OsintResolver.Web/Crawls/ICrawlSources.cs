using OsintResolver.Store;
using OsintResolver.Store.Crawl;
using OsintResolver.Store.Runs;

namespace OsintResolver.Web.Crawls;

/// <summary>One source on the crawl status page.</summary>
public sealed record CrawlSourceStatus(
    string Name,
    string? Title,
    string? Schedule,
    DateTimeOffset? NextRun,
    Run? LastRun,
    Run? LastSuccess,
    IReadOnlyList<Run> RecentRuns,
    SourcePause? Pause = null);

/// <summary>
/// Sources and their crawl runs, and starting a run now. The crawl engine supplies schedules and
/// runs crawls; without it the host still shows every dataset's runs from the store.
/// </summary>
public interface ICrawlSources
{
    /// <summary>Whether this host can start crawls (a crawl engine is installed).</summary>
    bool CanRun { get; }

    IReadOnlyList<CrawlSourceStatus> List();

    /// <summary>Starts a crawl of the source in the background; returns at once.</summary>
    Task StartAsync(string source, string user, CancellationToken ct = default);
}

/// <summary>Runs as recorded in the store, grouped by dataset. Has no schedules and cannot start crawls.</summary>
internal sealed class StoreCrawlSources(EntityStore store) : ICrawlSources
{
    public bool CanRun => false;

    public IReadOnlyList<CrawlSourceStatus> List()
    {
        var pauses = new SourcePauses(store).List();
        return store.ListDatasets().Select(d => CrawlStatuses.FromStore(store, d.Name, d.Title, null, null, pauses.GetValueOrDefault(d.Name))).ToList();
    }

    public Task StartAsync(string source, string user, CancellationToken ct = default) =>
        throw new Model.Errors.ConflictException("this server has no crawl engine: start crawls with `osint crawl`");
}

public static class CrawlStatuses
{
    public const int RecentRuns = 10;

    /// <summary>A source's status from its runs in the store, with the schedule and pause the caller knows.</summary>
    public static CrawlSourceStatus FromStore(EntityStore store, string dataset, string? title, string? schedule, DateTimeOffset? nextRun, SourcePause? pause)
    {
        var runs = store.ListRuns(dataset, RecentRuns);
        var lastSuccess = runs.FirstOrDefault(r => r.State == RunState.Succeeded)
                          ?? store.ListRuns(dataset, 200).FirstOrDefault(r => r.State == RunState.Succeeded);
        return new CrawlSourceStatus(dataset, title, schedule, nextRun, runs.FirstOrDefault(), lastSuccess, runs, pause);
    }
}
