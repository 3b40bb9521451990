using System.CommandLine;
using System.Globalization;
using CsvHelper;
using OsintResolver.Model.Ftm;
using OsintResolver.Store;

namespace OsintResolver.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = "ftm: FtM JSON lines; csv: one row per statement with provenance",
            DefaultValueFactory = _ => "ftm",
        };
        format.AcceptOnlyFromAmong("ftm", "csv");
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Output file (default: stdout)" };
        var dataset = new Option<string[]>("--dataset") { Description = "Only these datasets", AllowMultipleArgumentsPerToken = true };
        var schema = new Option<string[]>("--schema") { Description = "Only entities of these schemata (and their descendants)", AllowMultipleArgumentsPerToken = true };
        var history = new Option<bool>("--history") { Description = "Include values the latest runs no longer state" };
        var resolved = new Option<bool>("--resolved") { Description = "Canonical entities: clusters merged under their canonical id, source ids in 'referents' (ftm only)" };

        var command = new Command("export", "Export entities from the store") { format, output, dataset, schema, history, resolved };
        command.SetAction(CliContext.Action((ctx, ct) =>
        {
            var options = new ReadOptions
            {
                Datasets = ctx.Parse.GetValue(dataset) is { Length: > 0 } d ? d : null,
                Schemata = ctx.Parse.GetValue(schema) is { Length: > 0 } s ? s.Select(n => ctx.Store.Model.Get(n)).Select(x => x.Name).ToArray() : null,
                IncludeHistory = ctx.Parse.GetValue(history),
                WithStatements = ctx.Parse.GetValue(format) == "csv",
            };
            var file = ctx.Parse.GetValue(output);
            using var stream = file is null ? Console.OpenStandardOutput() : file.Create();
            long count;
            if (ctx.Parse.GetValue(format) == "csv")
            {
                if (ctx.Parse.GetValue(resolved))
                {
                    throw new Model.Errors.InvalidInputException("--resolved exports FtM entities; use it with --format ftm");
                }

                count = WriteCsv(ctx, stream, options, ct);
            }
            else
            {
                using var writer = new FtmJsonWriter(stream);
                var entities = ctx.Parse.GetValue(resolved)
                    ? new Store.Resolution.ResolvedEntities(ctx.Store).ReadAll(options)
                    : ctx.Store.ReadEntities(options);
                foreach (var entity in entities)
                {
                    ct.ThrowIfCancellationRequested();
                    writer.Write(entity);
                }

                count = writer.Count;
            }

            if (file is not null && !ctx.Json)
            {
                ctx.Error.WriteLine($"exported {count:N0} entities to {file.FullName}");
            }

            return Task.FromResult(0);
        }));
        return command;
    }

    private static long WriteCsv(CliContext ctx, Stream stream, ReadOptions options, CancellationToken ct)
    {
        using var text = new StreamWriter(stream, leaveOpen: true);
        using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        foreach (var header in new[] { "entity_id", "schema", "prop", "value", "original_value", "lang", "dataset", "source_url", "first_seen", "last_seen", "current" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        long count = 0;
        foreach (var entity in ctx.Store.ReadEntities(options))
        {
            ct.ThrowIfCancellationRequested();
            foreach (var s in entity.Statements ?? [])
            {
                csv.WriteField(s.EntityId);
                csv.WriteField(entity.Schema.Name);
                csv.WriteField(s.Prop);
                csv.WriteField(s.Value);
                csv.WriteField(s.OriginalValue);
                csv.WriteField(s.Lang);
                csv.WriteField(s.Dataset);
                csv.WriteField(s.SourceUrl);
                csv.WriteField(s.FirstSeen.UtcDateTime.ToString("s", CultureInfo.InvariantCulture));
                csv.WriteField(s.LastSeen.UtcDateTime.ToString("s", CultureInfo.InvariantCulture));
                csv.WriteField(s.Current ? "true" : "false");
                csv.NextRecord();
            }

            count++;
        }

        return count;
    }
}
