using System.CommandLine;
using OsintResolver.Store.Import;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

/// <summary>
/// The README's main command. Until the crawl, resolve and index stages land it imports the
/// bundled sample entities (a small hand-written North Korea trade network) into the data folder
/// and shows what the store now holds.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run the pipeline on bundled sample data (no internet needed)");
        command.SetAction(CliContext.Action(async (ctx, ct) =>
        {
            var sample = Path.Combine(ctx.DataDir, "samples", "demo.ftm.json");
            Directory.CreateDirectory(Path.GetDirectoryName(sample)!);
            await using (var resource = typeof(DemoCommand).Assembly.GetManifestResourceStream("Samples.demo.ftm.json")!)
            await using (var file = File.Create(sample))
            {
                await resource.CopyToAsync(file, ct).ConfigureAwait(false);
            }

            var result = await new EntityImporter(ctx.Store).ImportAsync(new ImportRequest { Path = sample, Dataset = "demo" }, ct: ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(new { dataset = "demo", entities = result.Entities, statements = result.Statements, store = ctx.Store.DatabasePath });
                return result.Succeeded ? 0 : 1;
            }

            ctx.Console.MarkupLine($"[bold]Imported[/] {result.Entities} sample entities ({result.Statements} statements) into {Markup.Escape(ctx.Store.DatabasePath)}");
            var table = new Table().AddColumns("id", "schema", "caption", "countries");
            foreach (var entity in ctx.Store.ReadEntities(new Store.ReadOptions { Datasets = ["demo"] }))
            {
                table.AddRow(Markup.Escape(entity.Id), entity.Schema.Name, Markup.Escape(entity.Caption),
                    Markup.Escape(string.Join(", ", entity.GetTypeValues(Model.Types.PropertyTypes.Country).Distinct())));
            }

            ctx.Console.Write(table);
            ctx.Console.MarkupLine("Next: [bold]osint stats[/], [bold]osint export --format ftm[/], or import your own data with [bold]osint import FILE --dataset NAME[/].");
            return result.Succeeded ? 0 : 1;
        }));
        return command;
    }
}
