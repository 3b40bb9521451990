using System.CommandLine;
using OsintResolver.Index.Canonical;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

internal static class IndexCommand
{
    public static Command Create()
    {
        var datasets = new Option<string[]>("--dataset")
        {
            Description = "Update only the entities of these datasets in the current index (default: rebuild everything)",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("index", "Rebuild (or update) the search index from the store") { datasets };
        IndexBackendOptions.AddTo(command);
        command.SetAction(CliContext.Action(async (ctx, ct) =>
        {
            using var index = IndexBackendOptions.Open(ctx);
            ICanonicalEntitySource source = new ResolvedEntitySource(ctx.Store);
            var selected = ctx.Parse.GetValue(datasets) ?? [];
            var stats = ctx.Store.GetStats();
            var total = selected.Length == 0
                ? stats.Entities.Sum(e => e.Entities)
                : stats.Entities.Where(e => selected.Contains(e.Dataset)).Sum(e => e.Entities);
            long removed = 0;
            var result = await ProgressDisplay.RunAsync(ctx, selected.Length == 0 ? "indexing" : "updating index", total, async report =>
            {
                var progress = new Progress<long>(n => report(n, $"{n:N0} entities"));
                if (selected.Length == 0)
                {
                    return await index.RebuildAsync(source.ReadAll(ct), progress, ct).ConfigureAwait(false);
                }

                var (entities, gone) = source.ReadDatasets(selected, ct);
                var written = await index.UpsertAsync(entities, progress, ct).ConfigureAwait(false);
                var ids = gone.ToList();
                removed = ids.Count;
                await index.DeleteAsync(ids, ct).ConfigureAwait(false);
                return written;
            }).ConfigureAwait(false);

            var status = await index.GetStatusAsync(ct).ConfigureAwait(false);
            var rate = result.Entities / Math.Max(result.Elapsed.TotalSeconds, 0.001);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    backend = index.Backend,
                    mode = selected.Length == 0 ? "rebuild" : "update",
                    version = result.Version,
                    written = result.Entities,
                    removed,
                    indexed = status.Entities,
                    seconds = Math.Round(result.Elapsed.TotalSeconds, 2),
                    source = source.Name,
                    location = status.Location,
                });
            }
            else
            {
                var table = new Table().AddColumns("backend", "mode", "version", "written", "removed", "in index", "seconds", "entities/s");
                table.AddRow(index.Backend, selected.Length == 0 ? "rebuild" : "update", Markup.Escape(result.Version), result.Entities.ToString("N0"),
                    removed.ToString("N0"), status.Entities.ToString("N0"), result.Elapsed.TotalSeconds.ToString("F1"), rate.ToString("N0"));
                ctx.Console.Write(table);
                ctx.Console.MarkupLine($"[grey]{Markup.Escape(status.Location)} · source: {Markup.Escape(source.Name)}[/]");
            }

            return 0;
        }));
        return command;
    }
}
