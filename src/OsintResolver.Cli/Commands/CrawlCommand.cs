using System.CommandLine;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

internal static class CrawlCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("source")
        {
            Description = "Sources to crawl (names, or paths of source.yml files); all scheduled sources when none",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var urls = new Option<string[]>("--url") { Description = "Override a source URL: KEY=URL, or URL when the source has one", AllowMultipleArgumentsPerToken = false };
        var options = new Option<string[]>("--option") { Description = "Override a source option: KEY=VALUE" };
        var allowPrivate = new Option<bool>("--allow-private-network") { Description = "Allow URLs on private, loopback or link-local addresses (mirrors, tests)" };
        var noResume = new Option<bool>("--no-resume") { Description = "Abandon an unfinished run instead of resuming it" };
        var skipAssertions = new Option<bool>("--skip-assertions") { Description = "Do not check the source's min/max entity counts (partial mirrors)" };
        var list = new Option<bool>("--list") { Description = "List the known sources and exit" };

        var command = new Command("crawl", "Crawl sources now, into the store")
        {
            sources, urls, options, allowPrivate, noResume, skipAssertions, list,
        };
        command.SetAction(CliContext.Action(async (ctx, ct) =>
        {
            if (ctx.Parse.GetValue(list))
            {
                return ListSources(ctx);
            }

            var names = ctx.Parse.GetValue(sources) is { Length: > 0 } given ? given : CrawlHost.Catalog.Sources.Select(s => s.Name).ToArray();
            var urlOverrides = ctx.Parse.GetValue(urls) ?? [];
            if (urlOverrides.Length > 0 && names.Length != 1)
            {
                throw new Model.Errors.InvalidInputException("--url needs exactly one source");
            }

            var runner = CrawlHost.Runner(ctx, ctx.Parse.GetValue(allowPrivate));
            var optionOverrides = UrlOverrides.ParsePairs(ctx.Parse.GetValue(options) ?? [], "--option");
            var results = new List<CrawlResult>();
            foreach (var name in names)
            {
                var request = new CrawlRequest
                {
                    Source = name,
                    Urls = urlOverrides,
                    Options = optionOverrides,
                    AllowPrivateNetwork = ctx.Parse.GetValue(allowPrivate),
                    Resume = !ctx.Parse.GetValue(noResume),
                    SkipAssertions = ctx.Parse.GetValue(skipAssertions),
                };
                var result = await ProgressDisplay.RunAsync(ctx, $"crawling {name}", 0, report =>
                    runner.RunAsync(request, new Progress<CrawlStats>(s => report(s.PagesDone, s.Summary())), ct)).ConfigureAwait(false);
                results.Add(result);
                if (!ctx.Json)
                {
                    Show(ctx, name, result);
                }
            }

            if (ctx.Json)
            {
                ctx.WriteJson(results.Select(r => new
                {
                    source = r.Run.Dataset,
                    run = r.Run.Id,
                    state = r.Run.State.ToString().ToLowerInvariant(),
                    resumed = r.Resumed,
                    error = r.Run.Error,
                    stats = r.Stats,
                }));
            }

            return results.All(r => r.Succeeded) ? 0 : 1;
        }));
        return command;
    }

    private static void Show(CliContext ctx, string name, CrawlResult result)
    {
        var s = result.Stats;
        var table = new Table().AddColumns("source", "run", "state", "requests", "MiB", "retries", "statuses", "entities", "warnings");
        table.AddRow(Markup.Escape(name), result.Run.Id.ToString(), result.Run.State.ToString().ToLowerInvariant() + (result.Resumed ? " (resumed)" : ""),
            s.Requests.ToString("N0"), (s.Bytes / 1024.0 / 1024.0).ToString("F1"), s.Retries.ToString("N0"),
            Markup.Escape(string.Join(" ", s.Statuses.Select(kv => $"{kv.Key}:{kv.Value}"))),
            Markup.Escape(string.Join("\n", s.EntitiesBySchema.Select(kv => $"{kv.Key} {kv.Value:N0}"))),
            s.Warnings.ToString("N0"));
        ctx.Console.Write(table);
        if (s.PagesQueued > 0)
        {
            ctx.Console.WriteLine($"pages: {s.PagesDone:N0} stored, {s.PagesFailed:N0} failed of {s.PagesQueued:N0}");
        }

        foreach (var warning in s.WarningSamples.Take(10))
        {
            ctx.Warn(warning);
        }

        foreach (var failure in s.FailureSamples.Take(10))
        {
            ctx.Error.WriteLine($"failed: {failure}");
        }

        if (result.Run.Error is { } error)
        {
            ctx.Error.WriteLine($"error: run {result.Run.Id} failed: {error}");
        }
    }

    private static int ListSources(CliContext ctx)
    {
        var sources = CrawlHost.Catalog.Sources;
        if (ctx.Json)
        {
            ctx.WriteJson(sources.Select(s => new { name = s.Name, title = s.Title, urls = s.Urls, schedule = s.Schedule?.Cron, render = s.Render.ToString().ToLowerInvariant() }));
            return 0;
        }

        var table = new Table().AddColumns("source", "title", "schedule", "urls");
        foreach (var s in sources)
        {
            table.AddRow(Markup.Escape(s.Name), Markup.Escape(s.Title ?? ""), Markup.Escape(s.Schedule?.Cron ?? "-"),
                Markup.Escape(string.Join("\n", s.Urls.Select(u => $"{u.Key}: {u.Value}"))));
        }

        ctx.Console.Write(table);
        return 0;
    }
}
