using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Scheduling;
using OsintResolver.Crawling.Sources;
using OsintResolver.Index;
using OsintResolver.Model.Errors;
using OsintResolver.Resolution;
using OsintResolver.Resolution.Matching;
using OsintResolver.Store;
using OsintResolver.Store.Resolution;
using OsintResolver.Web.Crawls;

namespace OsintResolver.Cli.Pipeline;

/// <summary>
/// Crawl status and "run now" for a web host that has the crawl engine: every source of the
/// catalogue with its cron schedule and next run (as <c>osint schedule</c> plans it), its runs
/// from the store; a started run crawls in the background, then resolves incrementally and
/// rebuilds the index from the canonical entities, so the new data is searchable when it ends.
/// </summary>
internal sealed class EngineCrawlSources : ICrawlSources
{
    private readonly EntityStore _store;
    private readonly CrawlRunner _runner;
    private readonly CrawlScheduler _schedule;
    private readonly Func<SourceDefinition, CrawlRequest> _request;
    private readonly Func<IEntityIndex> _index;
    private readonly ILogger _log;
    private readonly CancellationToken _stopping;
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    public EngineCrawlSources(EntityStore store, CrawlRunner runner, Func<SourceDefinition, CrawlRequest> request,
        Func<IEntityIndex> index, ILogger log, CancellationToken stopping)
    {
        _store = store;
        _runner = runner;
        _schedule = new CrawlScheduler(runner, runner.Catalog.Sources, store.Time,
            paused: new Store.Crawl.SourcePauses(store).Names);
        _request = request;
        _index = index;
        _log = log;
        _stopping = stopping;
    }

    public bool CanRun => true;

    public IReadOnlyList<CrawlSourceStatus> List()
    {
        var plan = _schedule.Plan().ToDictionary(p => p.Source, StringComparer.Ordinal);
        var pauses = new Store.Crawl.SourcePauses(_store).List();
        return _runner.Catalog.Sources.Select(s =>
        {
            var next = plan.TryGetValue(s.Name, out var p) ? p.NextRun : (DateTimeOffset?)null;
            return CrawlStatuses.FromStore(_store, s.Name, s.Title, s.Schedule?.Cron, next, pauses.GetValueOrDefault(s.Name));
        }).ToList();
    }

    /// <summary>Tasks of runs started here and still going (tests wait on them).</summary>
    internal IReadOnlyCollection<Task> Running => _running.Values.ToList();

    public Task StartAsync(string source, string user, CancellationToken ct = default)
    {
        var definition = _runner.Catalog.Sources.FirstOrDefault(s => s.Name == source)
                         ?? throw new NotFoundException($"no source '{source}'");
        var started = false;
        _running.GetOrAdd(source, _ =>
        {
            started = true;
            // Not the request's token: the crawl outlives the request that started it.
            return Task.Run(() => RunAsync(definition, user), CancellationToken.None);
        });
        return started ? Task.CompletedTask : throw new ConflictException($"source {source} is already being crawled");
    }

    private async Task RunAsync(SourceDefinition source, string user)
    {
        try
        {
            _log.LogInformation("{User} started a crawl of {Source}", user, source.Name);
            var result = await _runner.RunAsync(_request(source), ct: _stopping).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                _log.LogWarning("crawl of {Source} failed: {Error}", source.Name, result.Run.Error);
                return;
            }

            new Resolver(_store, Matcher.LoadShipped(), new ResolverOptions()).Run(ct: _stopping);
            await _index().RebuildAsync(new ResolvedEntities(_store).ReadAll(), ct: _stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OsintException or IOException or OperationCanceledException or HttpRequestException)
        {
            _log.LogError(ex, "crawl of {Source} started by {User} failed", source.Name, user);
        }
        finally
        {
            _running.TryRemove(source.Name, out _);
        }
    }
}

internal static class CrawlEngineServiceCollectionExtensions
{
    /// <summary>Gives the web host the crawl engine: the crawl page lists the catalogue's sources and analysts can run one now.</summary>
    public static IServiceCollection AddCrawlEngine(this IServiceCollection services, CrawlRunner runner, Func<SourceDefinition, CrawlRequest> request) =>
        services.AddSingleton<ICrawlSources>(sp => new EngineCrawlSources(
            sp.GetRequiredService<EntityStore>(), runner, request, sp.GetRequiredService<IEntityIndex>,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("crawl"),
            sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping));
}
