using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Ftm;
using OsintResolver.Model.Mapping;
using OsintResolver.Store.Runs;

namespace OsintResolver.Store.Import;

public enum ImportFormat
{
    /// <summary>Pick from the file name: .csv needs a mapping, anything else is FtM JSON lines.</summary>
    Auto,
    FtmJson,
    Csv,
}

public sealed record ImportRequest
{
    public required string Path { get; init; }
    public required string Dataset { get; init; }
    public ImportFormat Format { get; init; } = ImportFormat.Auto;

    /// <summary>Mapping YAML for CSV input.</summary>
    public string? MappingPath { get; init; }

    /// <summary>Report and count invalid records but keep going; otherwise stop at the first.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>
    /// Add to the dataset's current data instead of replacing it. Without it an import is a full
    /// snapshot: values the file no longer states are kept as history, not as current.
    /// </summary>
    public bool Append { get; init; }

    public int MaxLineBytes { get; init; } = FtmJsonReader.DefaultMaxLineBytes;
}

public sealed record ImportProgress(long BytesRead, long BytesTotal, long Entities, long Invalid);

public sealed record ImportResult(
    Run Run,
    long Entities,
    long Statements,
    long Invalid,
    long Warnings,
    IReadOnlyList<RecordError> Errors,
    IReadOnlyList<string> WarningSamples,
    IReadOnlyDictionary<string, long> IgnoredFields,
    TimeSpan Elapsed)
{
    public bool Succeeded => Run.State == RunState.Succeeded;
}

/// <summary>
/// Streams a file of entities into the store as one run: FtM JSON lines, or CSV through a
/// mapping. Parsing and writing run on separate threads with a bounded queue between them, so
/// memory stays flat whatever the file size. An invalid record is rejected whole, with the line
/// and reason; without <see cref="ImportRequest.SkipInvalid"/> the import stops there and fails,
/// keeping what was written before it.
/// </summary>
public sealed class EntityImporter
{
    /// <summary>How many rejected records are kept with their reasons (all are counted).</summary>
    public const int MaxReportedErrors = 100;

    private readonly EntityStore _store;

    public EntityImporter(EntityStore store) => _store = store;

    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!File.Exists(request.Path))
        {
            throw new InvalidInputException($"no such file: {request.Path}");
        }

        var format = request.Format != ImportFormat.Auto ? request.Format
            : request.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Csv : ImportFormat.FtmJson;
        if (format == ImportFormat.Csv && request.MappingPath is null)
        {
            throw new InvalidInputException("CSV import needs a mapping file (--mapping FILE.yml)");
        }

        var mapping = format == ImportFormat.Csv ? MappingDefinition.Load(request.MappingPath!) : null;
        var stopwatch = Stopwatch.StartNew();
        var run = _store.BeginRun(request.Dataset, RunKind.Import, WriteMode.Direct, snapshot: !request.Append, source: request.Path);
        var errors = new List<RecordError>();
        var warningSamples = new List<string>();
        long invalid = 0, warnings = 0, produced = 0;
        var ftmReader = new FtmJsonReader(maxLineBytes: request.MaxLineBytes);

        var channel = Channel.CreateBounded<Entity[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        using var writer = _store.OpenWriter(run);
        var writeTask = Task.Run(async () =>
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                foreach (var entity in batch)
                {
                    writer.Write(entity);
                }
            }

            writer.Commit();
        }, ct);

        RecordError? fatal = null;
        await using var file = new FileStream(request.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var total = file.Length;
        try
        {
            var batch = new List<Entity>(1024);
            var lastReport = Stopwatch.GetTimestamp();
            foreach (var (entities, error, warning) in Records(format, file, ftmReader, mapping, request.Dataset))
            {
                ct.ThrowIfCancellationRequested();
                if (warning is not null)
                {
                    warnings++;
                    if (warningSamples.Count < MaxReportedErrors)
                    {
                        warningSamples.Add(warning);
                    }
                }

                if (error is not null)
                {
                    invalid++;
                    if (errors.Count < MaxReportedErrors)
                    {
                        errors.Add(error);
                    }

                    if (!request.SkipInvalid)
                    {
                        fatal = error;
                        break;
                    }

                    continue;
                }

                foreach (var entity in entities)
                {
                    entity.Datasets.Add(request.Dataset);
                    batch.Add(entity);
                    produced++;
                }

                if (batch.Count >= 1024)
                {
                    await channel.Writer.WriteAsync([.. batch], ct).ConfigureAwait(false);
                    batch.Clear();
                }

                if (progress is not null && Stopwatch.GetElapsedTime(lastReport).TotalMilliseconds > 200)
                {
                    lastReport = Stopwatch.GetTimestamp();
                    progress.Report(new ImportProgress(file.Position, total, produced, invalid));
                }
            }

            if (batch.Count > 0)
            {
                await channel.Writer.WriteAsync([.. batch], ct).ConfigureAwait(false);
            }

            channel.Writer.Complete();
            await writeTask.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            channel.Writer.TryComplete(ex);
            try
            {
                await writeTask.ConfigureAwait(false);
            }
            catch (Exception) when (ex is OperationCanceledException)
            {
            }

            _store.FailRun(run, ex is OperationCanceledException ? "cancelled" : ex.Message, Stats(writer, invalid, warnings, ftmReader));
            throw;
        }

        progress?.Report(new ImportProgress(total, total, produced, invalid));
        var stats = Stats(writer, invalid, warnings, ftmReader);
        run = fatal is null
            ? _store.CompleteRun(run, stats)
            : _store.FailRun(run, $"stopped at invalid record: {fatal}", stats);
        return new ImportResult(run, writer.EntitiesWritten, writer.StatementsWritten, invalid, warnings, errors, warningSamples,
            ftmReader.IgnoredFields, stopwatch.Elapsed);
    }

    private static IEnumerable<(IReadOnlyList<Entity> Entities, RecordError? Error, string? Warning)> Records(
        ImportFormat format, Stream file, FtmJsonReader ftm, MappingDefinition? mapping, string dataset)
    {
        if (format == ImportFormat.FtmJson)
        {
            foreach (var record in ftm.Read(file))
            {
                if (record.Entity is { } e && e.ValueCount == 0)
                {
                    yield return ([], new RecordError(record.Line, e.Id, "the entity has no property values"), null);
                    continue;
                }

                yield return record.Entity is { } entity ? ([entity], null, null) : ([], record.Error, null);
            }

            yield break;
        }

        var mapper = new CsvMapper(mapping!, dataset);
        using var text = new StreamReader(file, CsvMapper.Utf8Replacing, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        foreach (var row in mapper.Read(text))
        {
            foreach (var warning in row.Warnings)
            {
                yield return ([], null, warning);
            }

            yield return (row.Entities, row.Error, null);
        }
    }

    private static string Stats(Statements.StatementWriter writer, long invalid, long warnings, FtmJsonReader reader) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["entities"] = writer.EntitiesWritten,
            ["statements"] = writer.StatementsWritten,
            ["invalid"] = invalid,
            ["warnings"] = warnings,
            ["ignored_fields"] = reader.IgnoredFields,
        });
}
