using System.CommandLine;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Scheduling;
using OsintResolver.Store.Crawl;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

internal static class ScheduleCommand
{
    public static Command Create()
    {
        var list = new Option<bool>("--list") { Description = "Show the next run of every source and exit" };
        var once = new Option<bool>("--once") { Description = "Run every scheduled source once now, then exit" };
        var allowPrivate = new Option<bool>("--allow-private-network") { Description = "Allow private, loopback or link-local addresses" };
        var pause = new Option<string?>("--pause") { Description = "Pause a source: the scheduler skips it until --resume (run-now still works)" };
        var resume = new Option<string?>("--resume") { Description = "Resume a paused source" };
        var reason = new Option<string?>("--reason") { Description = "With --pause: why, shown on the crawl page" };
        var command = new Command("schedule", "Crawl every source on the cron in its source.yml (runs until stopped)") { list, once, allowPrivate, pause, resume, reason };
        command.SetAction(CliContext.Action(async (ctx, ct) =>
        {
            var pauses = new SourcePauses(ctx.Store);
            if (ctx.Parse.GetValue(pause) is { } paused)
            {
                pauses.Pause(CrawlHost.Catalog.Get(paused).Name, Environment.UserName, ctx.Parse.GetValue(reason));
                ctx.Error.WriteLine($"paused {paused}: scheduled runs are skipped until `osint schedule --resume {paused}`");
                return 0;
            }

            if (ctx.Parse.GetValue(resume) is { } resumed)
            {
                var was = pauses.Resume(CrawlHost.Catalog.Get(resumed).Name);
                ctx.Error.WriteLine(was ? $"resumed {resumed}" : $"{resumed} was not paused");
                return 0;
            }

            var runner = CrawlHost.Runner(ctx, ctx.Parse.GetValue(allowPrivate));
            var scheduler = new CrawlScheduler(runner, CrawlHost.Catalog.Sources, TimeProvider.System, new Random(),
                CrawlHost.Loggers(ctx).CreateLogger("schedule"),
                s => new CrawlRequest { Source = s.Name, AllowPrivateNetwork = ctx.Parse.GetValue(allowPrivate) },
                pauses.Names);
            if (ctx.Parse.GetValue(list))
            {
                ShowPlan(ctx, scheduler.Plan());
                return 0;
            }

            void Report(SchedulerEvent e)
            {
                if (ctx.Json)
                {
                    ctx.WriteJson(new { at = e.At, source = e.Source, what = e.What, run = e.Result?.Run.Id, error = e.Error });
                    return;
                }

                ctx.Error.WriteLine($"{e.At:u} {e.Source} {e.What}{(e.Result is { } r ? $" (run {r.Run.Id}, {r.Stats.Entities:N0} entities)" : "")}{(e.Error is null ? "" : $": {e.Error}")}");
                if (e.What != "started")
                {
                    var next = scheduler.Plan().FirstOrDefault(p => p.Source == e.Source);
                    ctx.Error.WriteLine($"  next run of {e.Source}: {next?.NextRun:u}");
                }
            }

            if (ctx.Parse.GetValue(once))
            {
                var events = await scheduler.RunOnceAsync(Report, ct).ConfigureAwait(false);
                return events.All(e => e.What is "succeeded" or "skipped (paused)") ? 0 : 1;
            }

            if (!ctx.Json)
            {
                ShowPlan(ctx, scheduler.Plan());
            }

            await scheduler.RunAsync(Report, ct).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static void ShowPlan(CliContext ctx, IReadOnlyList<ScheduledSource> plan)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(plan.Select(p => new { source = p.Source, cron = p.Cron, next_run = p.NextRun, running = p.Running, paused = p.Paused }));
            return;
        }

        var table = new Table().AddColumns("source", "cron (UTC)", "next run", "in");
        foreach (var p in plan)
        {
            var wait = p.NextRun - DateTimeOffset.UtcNow;
            table.AddRow(Markup.Escape(p.Source), Markup.Escape(p.Cron), p.NextRun.ToString("u"),
                p.Paused ? "paused (skipped)" : $"{(int)wait.TotalHours}h {wait.Minutes}m");
        }

        ctx.Console.Write(table);
    }
}
