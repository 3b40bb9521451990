using OsintResolver.Model.Entities;
using OsintResolver.Store;
using OsintResolver.Store.Runs;

namespace OsintResolver.Resolution.Tests.Support;

/// <summary>A real SQLite store in a temporary folder, with helpers to write entities as one run.</summary>
internal sealed class TestStore : IDisposable
{
    private readonly TempDirectory _dir = new("osint-resolve");

    public TestStore() => Store = new EntityStore(new StoreOptions { DataDir = _dir.Path });

    public EntityStore Store { get; }

    public string DataDir => _dir.Path;

    /// <summary>Writes the entities as a run of the dataset (appending to what it has).</summary>
    public void Write(string dataset, params Entity[] entities)
    {
        var run = Store.BeginRun(dataset, RunKind.Import, WriteMode.Direct, snapshot: false);
        using (var writer = Store.OpenWriter(run))
        {
            foreach (var entity in entities)
            {
                writer.Write(entity);
            }

            writer.Commit();
        }

        Store.CompleteRun(run);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
