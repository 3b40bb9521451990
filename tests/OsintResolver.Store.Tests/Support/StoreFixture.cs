using Microsoft.Extensions.Time.Testing;
using OsintResolver.Model.Entities;
using OsintResolver.Store.Import;
using OsintResolver.Store.Runs;

namespace OsintResolver.Store.Tests.Support;

/// <summary>A real SQLite store in a temporary folder with a controllable clock.</summary>
internal sealed class StoreFixture : IDisposable
{
    private readonly TempDirectory _dir = new("osint-store");

    public StoreFixture()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Store = new EntityStore(new StoreOptions { DataDir = _dir.Path, BatchSize = 3 }, Time);
    }

    public FakeTimeProvider Time { get; }
    public EntityStore Store { get; }
    public string Dir => _dir.Path;

    public string WriteFile(string name, string content)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public Run WriteRun(string dataset, WriteMode mode, params Entity[] entities)
    {
        var run = Store.BeginRun(dataset, mode == WriteMode.Staged ? RunKind.Crawl : RunKind.Import, mode);
        using (var writer = Store.OpenWriter(run))
        {
            foreach (var e in entities)
            {
                writer.Write(e, new Provenance("https://example.org/list.xml"));
            }
        }

        return run;
    }

    public Task<ImportResult> ImportAsync(string path, string dataset = "test", bool skipInvalid = false, string? mapping = null) =>
        new EntityImporter(Store).ImportAsync(new ImportRequest { Path = path, Dataset = dataset, SkipInvalid = skipInvalid, MappingPath = mapping });

    public static Entity Person(string id, params (string Prop, string Value)[] values)
    {
        var e = new Entity("Person", id);
        foreach (var (p, v) in values)
        {
            e.Add(p, v);
        }

        return e;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
