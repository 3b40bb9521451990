using System.CommandLine;
using Microsoft.Extensions.Hosting;
using OsintResolver.Cli.Pipeline;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;
using OsintResolver.Index;
using OsintResolver.Web;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

/// <summary>
/// The README's main command: the whole pipeline on bundled data with no internet, ending with
/// the web app running and a demo analyst's sign-in printed.
/// </summary>
internal static class DemoCommand
{
    public static readonly Option<string> Urls = new("--urls")
    {
        Description = "Where the web app listens (loopback by default)",
        DefaultValueFactory = _ => OsintWebHostSettings.DefaultUrls,
    };

    public static readonly Option<string> User = new("--user")
    {
        Description = "Name of the analyst account to create (its new password is printed)",
        DefaultValueFactory = _ => "demo",
    };

    /// <summary>
    /// The sample's look-alikes (a namesake two years older, a reordered name with other birth
    /// years) score 0.05–0.1 with the shipped matcher, around its review threshold; the demo
    /// lowers the threshold so a newcomer's review queue is not empty. Real runs keep the card's.
    /// </summary>
    public const double DemoReviewThreshold = 0.03;

    public static readonly Option<bool> NoServe = new("--no-serve")
    {
        Description = "Stop after the pipeline instead of starting the web app",
    };

    public static Command Create()
    {
        var command = new Command("demo", "Run the whole pipeline on bundled samples with no internet: serve the crawlers' samples on loopback, " +
                                            "crawl them, resolve, index, and open the web app") { Urls, User, NoServe };
        command.SetAction(CliContext.Action(async (ctx, ct) =>
        {
            var pipeline = new WholePipeline(ctx.Store, ctx.Json ? _ => { } : m => ctx.Error.WriteLine(m));
            await using var samples = await SampleSourceServer.StartAsync(typeof(Crawlers.CrawlerCatalog).Assembly, ct).ConfigureAwait(false);
            var runner = CrawlHost.Runner(ctx, allowPrivateNetwork: true);
            var steps = await pipeline.CrawlAsync(runner, samples.OverridesFor, samples: true, ct).ConfigureAwait(false);
            steps.Add(await pipeline.ImportSampleAsync(ct).ConfigureAwait(false));
            // "Run now" in the web app crawls the same samples again.
            CrawlRequest Request(SourceDefinition s) => new() { Source = s.Name, Urls = samples.OverridesFor(s), AllowPrivateNetwork = true, SkipAssertions = true };
            return await FinishAsync(ctx, pipeline, steps, runner, Request, ct, reviewThreshold: DemoReviewThreshold).ConfigureAwait(false);
        }));
        return command;
    }

    /// <summary>Resolve, index, account, summary, and the web app: the part <c>demo</c> and <c>run</c> share.</summary>
    internal static async Task<int> FinishAsync(CliContext ctx, WholePipeline pipeline, List<StepReport> steps, CrawlRunner runner,
        Func<SourceDefinition, CrawlRequest> request, CancellationToken ct, bool continueAfterCrawlFailures = false, double? reviewThreshold = null)
    {
        static bool IsCrawl(StepReport s) => s.Step.StartsWith("crawl", StringComparison.Ordinal);
        var proceed = steps.Where(s => !IsCrawl(s)).All(s => s.Succeeded) &&
                      (continueAfterCrawlFailures || steps.Where(IsCrawl).All(s => s.Succeeded));
        if (proceed)
        {
            steps.Add(pipeline.Resolve(ct, reviewThreshold));
            var indexOptions = new IndexOptions { DataDir = ctx.DataDir };
            steps.Add(await pipeline.IndexAsync(indexOptions, ct).ConfigureAwait(false));
        }

        // The app is worth opening when everything after crawling worked; a live source that
        // failed keeps its last good data and is reported (and makes the exit code 1).
        var ok = proceed && steps.Where(s => !IsCrawl(s)).All(s => s.Succeeded);
        var (account, password) = ok ? pipeline.EnsureAnalyst(ctx.Parse.GetValue(User)!) : (null, null);
        if (account is not null)
        {
            steps.Add(account);
        }

        var serve = ok && !ctx.Parse.GetValue(NoServe);
        await using var app = serve
            // Warnings only: a line per request would bury the sign-in printed above.
            ? OsintWebHost.Create(new OsintWebHostSettings { DataDir = ctx.DataDir, Urls = ctx.Parse.GetValue(Urls)!, LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning },
                builder => builder.Services.AddCrawlEngine(runner, request))
            : null;
        if (app is not null)
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }

        var url = app?.Urls.FirstOrDefault();
        if (ctx.Json)
        {
            ctx.WriteJson(new
            {
                data_dir = ctx.DataDir,
                steps = steps.Select(s => new { step = s.Step, result = s.Result, seconds = Math.Round(s.Elapsed.TotalSeconds, 2), succeeded = s.Succeeded }),
                url,
                user = ok ? ctx.Parse.GetValue(User) : null,
                password,
            });
        }
        else
        {
            var table = new Table().AddColumns("step", "result", "seconds");
            foreach (var s in steps)
            {
                table.AddRow(Markup.Escape(s.Step), s.Succeeded ? Markup.Escape(s.Result) : $"[red]{Markup.Escape(s.Result)}[/]", s.Elapsed.TotalSeconds.ToString("F1"));
            }

            ctx.Console.Write(table);
            if (ok)
            {
                ctx.Console.MarkupLine($"Sign in as [bold]{Markup.Escape(ctx.Parse.GetValue(User)!)}[/] with password [bold]{Markup.Escape(password!)}[/]");
            }

            if (url is not null)
            {
                ctx.Console.MarkupLine($"The web app is running at [bold link]{Markup.Escape(url)}[/] — search, open a profile, review the suggestions. Ctrl+C stops it.");
            }
        }

        if (app is not null)
        {
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
        }

        return steps.All(s => s.Succeeded) ? 0 : 1;
    }
}
