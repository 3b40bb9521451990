using System.CommandLine;
using OsintResolver.Store.Import;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "FtM JSON lines (.json, .jsonl, .ftm.json) or CSV with --mapping" };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset name (default: the mapping's, else the file name)" };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Mapping YAML for CSV input" };
        var format = new Option<ImportFormat>("--format") { Description = "Input format", DefaultValueFactory = _ => ImportFormat.Auto };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Count and report invalid records, and keep going" };
        var append = new Option<bool>("--append") { Description = "Add to the dataset instead of replacing its current snapshot" };
        var maxLine = new Option<int>("--max-line-bytes")
        {
            Description = "Reject lines longer than this",
            DefaultValueFactory = _ => Model.Ftm.FtmJsonReader.DefaultMaxLineBytes,
        };

        var command = new Command("import", "Import entities from FtM JSON lines or a mapped CSV file")
        {
            file, dataset, mapping, format, skipInvalid, append, maxLine,
        };
        command.SetAction(CliContext.Action(async (ctx, ct) =>
        {
            var path = ctx.Parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new Model.Errors.InvalidInputException($"no such file: {path.FullName}");
            }

            var mappingFile = ctx.Parse.GetValue(mapping);
            var name = ctx.Parse.GetValue(dataset)
                       ?? (mappingFile is null ? null : Model.Mapping.MappingDefinition.Load(mappingFile.FullName).Dataset)
                       ?? DatasetFromFile(path.Name);
            var request = new ImportRequest
            {
                Path = path.FullName,
                Dataset = name,
                MappingPath = mappingFile?.FullName,
                Format = ctx.Parse.GetValue(format),
                SkipInvalid = ctx.Parse.GetValue(skipInvalid),
                Append = ctx.Parse.GetValue(append),
                MaxLineBytes = ctx.Parse.GetValue(maxLine),
            };

            var importer = new EntityImporter(ctx.Store);
            var result = await ProgressDisplay.RunAsync(ctx, $"importing {path.Name}", path.Length, report =>
                importer.ImportAsync(request, new Progress<ImportProgress>(p =>
                    report(p.BytesRead, $"{p.Entities:N0} entities, {p.Invalid:N0} invalid")), ct)).ConfigureAwait(false);

            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    run = result.Run.Id,
                    dataset = name,
                    state = result.Run.State.ToString().ToLowerInvariant(),
                    entities = result.Entities,
                    statements = result.Statements,
                    invalid = result.Invalid,
                    warnings = result.Warnings,
                    seconds = Math.Round(result.Elapsed.TotalSeconds, 2),
                    errors = result.Errors.Select(e => new { line = e.Line, entity = e.EntityId, reason = e.Reason }),
                    warning_samples = result.WarningSamples,
                    ignored_fields = result.IgnoredFields,
                });
            }
            else
            {
                foreach (var error in result.Errors.Take(20))
                {
                    ctx.Error.WriteLine($"invalid: {error}");
                }

                if (result.Errors.Count > 20)
                {
                    ctx.Error.WriteLine($"… and {result.Invalid - 20:N0} more invalid records");
                }

                foreach (var warning in result.WarningSamples.Take(10))
                {
                    ctx.Warn(warning);
                }

                if (result.Warnings > 10)
                {
                    ctx.Warn($"… {result.Warnings:N0} warnings in all");
                }

                foreach (var (field, count) in result.IgnoredFields)
                {
                    ctx.Warn($"top-level field '{field}' is not part of FtM entity data; ignored on {count:N0} lines");
                }

                var rate = result.Entities / Math.Max(result.Elapsed.TotalSeconds, 0.001);
                var table = new Table().AddColumns("dataset", "run", "state", "entities", "statements", "invalid", "seconds", "entities/s");
                table.AddRow(Markup.Escape(name), result.Run.Id.ToString(), result.Run.State.ToString().ToLowerInvariant(),
                    result.Entities.ToString("N0"), result.Statements.ToString("N0"), result.Invalid.ToString("N0"),
                    result.Elapsed.TotalSeconds.ToString("F1"), rate.ToString("N0"));
                ctx.Console.Write(table);
                if (!result.Succeeded)
                {
                    ctx.Error.WriteLine($"error: {result.Run.Error}");
                    ctx.Error.WriteLine("hint: use --skip-invalid to import the valid records and report the rest");
                }
            }

            return result.Succeeded ? 0 : 1;
        }));
        return command;
    }

    private static string DatasetFromFile(string fileName)
    {
        var stem = fileName.Split('.')[0];
        var chars = stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? char.ToLowerInvariant(c) : '_').ToArray();
        return chars.Length == 0 ? "default" : new string(chars);
    }
}
