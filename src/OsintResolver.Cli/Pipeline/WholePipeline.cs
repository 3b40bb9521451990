using System.Diagnostics;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;
using OsintResolver.Index;
using OsintResolver.Resolution;
using OsintResolver.Resolution.Matching;
using OsintResolver.Store;
using OsintResolver.Store.Import;
using OsintResolver.Store.Resolution;
using OsintResolver.Store.Users;
using OsintResolver.Web.Auth;

namespace OsintResolver.Cli.Pipeline;

/// <summary>
/// The whole pipeline, step by step: crawl the sources, import the bundled trade-network sample
/// (demo only), resolve duplicates with the shipped matcher, build the search index from the
/// resolved (canonical) entities, and make sure an analyst account exists. Shared by
/// <c>osint demo</c> and <c>osint run</c>; each step reports what it did.
/// </summary>
internal sealed class WholePipeline(EntityStore store, Action<string> say)
{
    public const string SampleDataset = "demo_trade";

    /// <summary>Imports the bundled, hand-written trade network (shipments, ownership, news) that the sanctions lists do not carry.</summary>
    public async Task<StepReport> ImportSampleAsync(CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        say("importing the bundled trade-network sample");
        var file = Path.Combine(store.DataDir, "samples", "demo.ftm.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using (var resource = typeof(WholePipeline).Assembly.GetManifestResourceStream("Samples.demo.ftm.json")!)
        await using (var output = File.Create(file))
        {
            await resource.CopyToAsync(output, ct).ConfigureAwait(false);
        }

        var result = await new EntityImporter(store).ImportAsync(new ImportRequest { Path = file, Dataset = SampleDataset }, ct: ct).ConfigureAwait(false);
        return new StepReport("import sample", result.Succeeded
            ? $"{result.Entities:N0} entities ({result.Statements:N0} statements) as dataset {SampleDataset}"
            : $"failed: {result.Run.Error}", sw.Elapsed, result.Succeeded);
    }

    /// <summary>
    /// Crawls every source through the real engine. <paramref name="overrides"/> gives each
    /// source's URL overrides (the loopback sample server for the demo, none for live runs).
    /// Samples are far below a live source's size, so their runs skip the count assertions.
    /// </summary>
    public async Task<List<StepReport>> CrawlAsync(CrawlRunner runner, Func<SourceDefinition, IReadOnlyList<string>> overrides,
        bool samples, CancellationToken ct)
    {
        var reports = new List<StepReport>();
        foreach (var source in runner.Catalog.Sources)
        {
            var sw = Stopwatch.StartNew();
            say($"crawling {source.Name}");
            var result = await runner.RunAsync(new CrawlRequest
            {
                Source = source.Name,
                Urls = overrides(source),
                AllowPrivateNetwork = samples,
                SkipAssertions = samples,
            }, ct: ct).ConfigureAwait(false);
            var stats = result.Stats;
            reports.Add(new StepReport($"crawl {source.Name}", result.Succeeded
                ? $"{stats.Requests:N0} requests, " + string.Join(", ", stats.EntitiesBySchema.Select(kv => $"{kv.Value:N0} {kv.Key}"))
                : $"failed: {result.Run.Error}", sw.Elapsed, result.Succeeded));
        }

        return reports;
    }

    /// <summary>
    /// Scores candidate pairs with the shipped ML.NET matcher and clusters them (incremental after
    /// the first run). <paramref name="reviewThreshold"/> overrides the model card's review threshold.
    /// </summary>
    public StepReport Resolve(CancellationToken ct, double? reviewThreshold = null)
    {
        say("resolving duplicates");
        var options = new ResolverOptions { ReviewThreshold = reviewThreshold };
        var report = new Resolver(store, Matcher.LoadShipped(), options).Run(new Progress<string>(say), ct);
        return new StepReport("resolve", $"{report.PairsScored:N0} pairs scored, {report.Clusters:N0} clusters of {report.ClusteredEntities:N0} entities, " +
                                         $"{report.ReviewEdges:N0} suggestions for review", report.Elapsed);
    }

    /// <summary>Rebuilds the index from the canonical entities, so search shows each resolved entity once.</summary>
    public async Task<StepReport> IndexAsync(IndexOptions options, CancellationToken ct)
    {
        say("building the search index");
        using var index = EntityIndexFactory.Open(options);
        var result = await index.RebuildAsync(new ResolvedEntities(store).ReadAll(), ct: ct).ConfigureAwait(false);
        var status = await index.GetStatusAsync(ct).ConfigureAwait(false);
        return new StepReport("index", $"{status.Entities:N0} canonical entities in {index.Backend} ({status.Location})", result.Elapsed);
    }

    /// <summary>
    /// Makes sure the named analyst exists and gives it a fresh random password, which is
    /// returned to be printed once: the demo's sign-in.
    /// </summary>
    public (StepReport Report, string Password) EnsureAnalyst(string name)
    {
        var sw = Stopwatch.StartNew();
        var accounts = new UserAccounts(store);
        var password = UserAccounts.GeneratePassword();
        if (accounts.Store.Get(name) is null)
        {
            accounts.Create(name, UserRole.Analyst, password);
        }
        else
        {
            accounts.SetPassword(name, password);
            accounts.SetRole(name, UserRole.Analyst);
        }

        return (new StepReport("account", $"analyst '{name}' with a new password", sw.Elapsed), password);
    }
}
