using System.Globalization;
using Microsoft.Data.Sqlite;
using OsintResolver.Model.Errors;

namespace OsintResolver.Store;

/// <summary>Opens tuned connections to the SQLite file and applies migrations once.</summary>
internal sealed class Database
{
    private readonly string _connectionString;
    private readonly StoreOptions _options;

    public Database(StoreOptions options)
    {
        _options = options;
        Directory.CreateDirectory(options.DataDir);
        Path = System.IO.Path.Combine(options.DataDir, "osint.db");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Migrations.Apply(connection);
    }

    public string Path { get; }

    public SqliteConnection Open(bool bulk = false)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
        }
        catch (SqliteException ex)
        {
            throw new OsintException($"cannot open the store at {Path}: {ex.Message}", inner: ex);
        }

        var cacheKb = (bulk ? _options.WriterCacheSizeMb : _options.CacheSizeMb) * 1024;
        Execute(connection, string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-{cacheKb}; PRAGMA foreign_keys=ON;"));
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        command.ExecuteNonQuery();
    }
}
