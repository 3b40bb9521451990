using System.CommandLine;
using OsintResolver.Crawling.Runs;
using OsintResolver.Store.Crawl;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

internal static class RunsCommand
{
    public static Command Create()
    {
        var runId = new Argument<long?>("run") { Description = "Show one run in detail", Arity = ArgumentArity.ZeroOrOne };
        var dataset = new Option<string?>("--source") { Description = "Only runs of this source or dataset" };
        var limit = new Option<int>("--limit") { Description = "How many runs to list", DefaultValueFactory = _ => 20 };
        var command = new Command("runs", "Show crawl and import runs with their state and stats") { runId, dataset, limit };
        command.SetAction(CliContext.Action((ctx, _) =>
        {
            if (ctx.Parse.GetValue(runId) is { } id)
            {
                return Task.FromResult(ShowRun(ctx, id));
            }

            var runs = ctx.Store.ListRuns(ctx.Parse.GetValue(dataset), ctx.Parse.GetValue(limit));
            if (ctx.Json)
            {
                ctx.WriteJson(runs.Select(r => new
                {
                    id = r.Id, dataset = r.Dataset, kind = r.Kind.ToString().ToLowerInvariant(), state = r.State.ToString().ToLowerInvariant(),
                    started_at = r.StartedAt, ended_at = r.EndedAt, heartbeat = r.Heartbeat, error = r.Error,
                    stats = CrawlStats.FromJson(r.Kind == Store.Runs.RunKind.Crawl ? r.StatsJson : null),
                }));
                return Task.FromResult(0);
            }

            var table = new Table().AddColumns("run", "dataset", "kind", "state", "started", "took", "requests", "entities", "error");
            foreach (var r in runs)
            {
                var stats = r.Kind == Store.Runs.RunKind.Crawl ? CrawlStats.FromJson(r.StatsJson) : null;
                var took = (r.EndedAt ?? r.Heartbeat) - r.StartedAt;
                table.AddRow(r.Id.ToString(), Markup.Escape(r.Dataset), r.Kind.ToString().ToLowerInvariant(), r.State.ToString().ToLowerInvariant(),
                    r.StartedAt.ToString("u"), took is { } t ? $"{t.TotalSeconds:F1} s" : "",
                    stats?.Requests.ToString("N0") ?? "", stats?.Entities.ToString("N0") ?? "", Markup.Escape(Short(r.Error)));
            }

            ctx.Console.Write(table);
            return Task.FromResult(0);
        }));
        return command;
    }

    private static int ShowRun(CliContext ctx, long id)
    {
        var run = ctx.Store.GetRun(id) ?? throw new Model.Errors.NotFoundException($"no run {id}");
        var state = new CrawlStateStore(ctx.Store);
        var stats = CrawlStats.FromJson(run.Kind == Store.Runs.RunKind.Crawl ? run.StatsJson : null);
        var frontier = state.CountFrontier(id);
        var failures = state.ListFailures(id, 100);
        if (ctx.Json)
        {
            ctx.WriteJson(new
            {
                id = run.Id, dataset = run.Dataset, state = run.State.ToString().ToLowerInvariant(), started_at = run.StartedAt, ended_at = run.EndedAt,
                error = run.Error, stats, frontier, failures,
            });
            return 0;
        }

        ctx.Console.WriteLine($"run {run.Id} of {run.Dataset}: {run.State.ToString().ToLowerInvariant()}, started {run.StartedAt:u}{(run.EndedAt is { } e ? $", ended {e:u}" : "")}");
        if (run.Error is not null)
        {
            ctx.Console.WriteLine($"error: {run.Error}");
        }

        if (stats is not null)
        {
            ctx.Console.WriteLine($"requests {stats.Requests:N0}, bytes {stats.Bytes:N0}, retries {stats.Retries:N0}, 304 {stats.NotModified:N0}, reused {stats.ReusedFromRun:N0}");
            ctx.Console.WriteLine($"statuses: {string.Join(" ", stats.Statuses.Select(kv => $"{kv.Key}:{kv.Value}"))}");
            ctx.Console.WriteLine($"entities: {string.Join(", ", stats.EntitiesBySchema.Select(kv => $"{kv.Key} {kv.Value:N0}"))}");
            ctx.Console.WriteLine($"warnings {stats.Warnings:N0}, invalid values {stats.InvalidValues:N0}, dropped {stats.Dropped:N0}, unused fields {stats.UnusedFields.Count}");
        }

        if (frontier.Total > 0)
        {
            ctx.Console.WriteLine($"pages: {frontier.Done:N0} stored, {frontier.Failed:N0} failed, {frontier.Pending:N0} pending");
            foreach (var f in failures.Take(20))
            {
                ctx.Console.WriteLine($"  failed {f.Url}: {f.Error}");
            }
        }

        return 0;
    }

    private static string Short(string? text) => text is null ? "" : text.Length > 80 ? text[..77] + "..." : text;
}
