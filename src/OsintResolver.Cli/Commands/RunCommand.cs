using System.CommandLine;
using OsintResolver.Cli.Pipeline;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;

namespace OsintResolver.Cli.Commands;

/// <summary><c>osint run</c>: what <c>osint demo</c> does, against the live sources (needs the internet).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Crawl the live sources, resolve, index, and open the web app (like demo, with the internet)")
        {
            DemoCommand.Urls, DemoCommand.User, DemoCommand.NoServe,
        };
        command.SetAction(CliContext.Action(async (ctx, ct) =>
        {
            var pipeline = new WholePipeline(ctx.Store, ctx.Json ? _ => { } : m => ctx.Error.WriteLine(m));
            var runner = CrawlHost.Runner(ctx, allowPrivateNetwork: false);
            var steps = await pipeline.CrawlAsync(runner, _ => [], samples: false, ct).ConfigureAwait(false);
            static CrawlRequest Request(SourceDefinition s) => new() { Source = s.Name };
            // A source that failed (no network, broken assertions) keeps its last good data; the rest goes on.
            return await DemoCommand.FinishAsync(ctx, pipeline, steps, runner, Request, ct, continueAfterCrawlFailures: true).ConfigureAwait(false);
        }));
        return command;
    }
}
