using System.CommandLine;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

internal static class StatsCommand
{
    public static Command Create()
    {
        var command = new Command("stats", "Count current entities by dataset and schema");
        command.SetAction(CliContext.Action((ctx, _) =>
        {
            var stats = ctx.Store.GetStats();
            var datasets = ctx.Store.ListDatasets().ToDictionary(d => d.Name);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    statements = stats.Statements,
                    entities = stats.Entities.Sum(e => e.Entities),
                    datasets = stats.Entities.GroupBy(e => e.Dataset).Select(g => new
                    {
                        name = g.Key,
                        updated_at = datasets.GetValueOrDefault(g.Key)?.UpdatedAt,
                        entities = g.Sum(e => e.Entities),
                        schemata = g.ToDictionary(e => e.Schema, e => e.Entities),
                    }),
                });
                return Task.FromResult(0);
            }

            var table = new Table().AddColumns("dataset", "schema", "entities");
            foreach (var group in stats.Entities.GroupBy(e => e.Dataset))
            {
                foreach (var (_, schema, count) in group)
                {
                    table.AddRow(Markup.Escape(group.Key), schema, count.ToString("N0"));
                }

                table.AddRow($"[bold]{Markup.Escape(group.Key)}[/]", "[bold]all[/]", $"[bold]{group.Sum(e => e.Entities):N0}[/]");
            }

            ctx.Console.Write(table);
            ctx.Console.WriteLine($"{stats.Entities.Sum(e => e.Entities):N0} entities, {stats.Statements:N0} statements in {stats.Datasets} datasets ({ctx.Store.DatabasePath})");
            return Task.FromResult(0);
        }));
        return command;
    }
}
