using Microsoft.Data.Sqlite;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Types;
using OsintResolver.Store.Runs;

namespace OsintResolver.Store.Statements;

/// <summary>
/// Writes entities of one run as statements, in batched transactions with prepared commands.
/// Writing the same value again only bumps <c>last_seen</c>, so re-imports add no rows. Not
/// thread-safe: one writer per thread.
/// </summary>
public sealed class StatementWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Run _run;
    private readonly int _batchSize;
    private readonly long _seen;
    private readonly SqliteCommand _statement;
    private readonly SqliteCommand? _entity;
    private readonly SqliteCommand _ref;
    private readonly SqliteParameter[] _sp;
    private readonly SqliteParameter[] _ep = [];
    private readonly SqliteParameter[] _rp;
    private SqliteTransaction? _tx;
    private int _pending;

    internal StatementWriter(SqliteConnection connection, Run run, int batchSize)
    {
        _connection = connection;
        _run = run;
        _batchSize = batchSize;
        _seen = run.StartedAt.ToUnixTimeMilliseconds();

        const string columns = "entity_id, id, schema, prop, value, original_value, lang, dataset, source_url, archive_sha256";
        _statement = connection.CreateCommand();
        _statement.CommandText = run.Mode == WriteMode.Staged
            ? $"""
               INSERT INTO staged_statements (run_id, {columns}) VALUES ($run, $e, $id, $schema, $prop, $value, $orig, $lang, $ds, $url, $sha)
               ON CONFLICT (run_id, entity_id, id) DO UPDATE SET schema = excluded.schema,
                 original_value = excluded.original_value, source_url = excluded.source_url, archive_sha256 = excluded.archive_sha256
               """
            : $"""
               INSERT INTO statements ({columns}, run_id, first_seen, last_seen) VALUES ($e, $id, $schema, $prop, $value, $orig, $lang, $ds, $url, $sha, $run, $t, $t)
               ON CONFLICT (entity_id, id) DO UPDATE SET last_seen = excluded.last_seen, run_id = excluded.run_id, schema = excluded.schema,
                 original_value = excluded.original_value,
                 source_url = coalesce(excluded.source_url, source_url), archive_sha256 = coalesce(excluded.archive_sha256, archive_sha256)
               """;
        _sp = AddParameters(_statement, "$run", "$e", "$id", "$schema", "$prop", "$value", "$orig", "$lang", "$ds", "$url", "$sha", "$t");
        _sp[0].Value = run.Id;
        _sp[11].Value = _seen;

        if (run.Mode == WriteMode.Direct)
        {
            _entity = connection.CreateCommand();
            _entity.CommandText = """
                INSERT INTO entities (id, dataset, schema, first_seen, last_seen) VALUES ($e, $ds, $schema, $t, $t)
                ON CONFLICT (id, dataset) DO UPDATE SET schema = excluded.schema, last_seen = excluded.last_seen
                """;
            _ep = AddParameters(_entity, "$e", "$ds", "$schema", "$t");
            _ep[3].Value = _seen;
        }

        _ref = connection.CreateCommand();
        _ref.CommandText = "INSERT OR IGNORE INTO entity_refs (target_id, source_id, prop) VALUES ($target, $source, $prop)";
        _rp = AddParameters(_ref, "$target", "$source", "$prop");
    }

    public Run Run => _run;
    public long EntitiesWritten { get; private set; }
    public long StatementsWritten { get; private set; }

    /// <summary>
    /// Writes one entity's values under the run's dataset. Within a batch transaction; the
    /// batch commits every <see cref="StoreOptions.BatchSize"/> entities and on <see cref="Commit"/>.
    /// </summary>
    public void Write(Entity entity, Provenance? provenance = null)
    {
        EnsureTransaction();
        var schema = entity.Schema.Name;
        _sp[1].Value = entity.Id;
        _sp[3].Value = schema;
        _sp[8].Value = _run.Dataset;
        _sp[9].Value = (object?)provenance?.SourceUrl ?? DBNull.Value;
        _sp[10].Value = (object?)provenance?.ArchiveSha256 ?? DBNull.Value;
        foreach (var (property, value) in entity.Items())
        {
            _sp[2].Value = Statement.MakeId(_run.Dataset, entity.Id, property.Name, value.Value, value.Lang);
            _sp[4].Value = property.Name;
            _sp[5].Value = value.Value;
            _sp[6].Value = (object?)value.Original ?? DBNull.Value;
            _sp[7].Value = (object?)value.Lang ?? DBNull.Value;
            _statement.ExecuteNonQuery();
            StatementsWritten++;
            if (property.Type is EntityType)
            {
                _rp[0].Value = value.Value;
                _rp[1].Value = entity.Id;
                _rp[2].Value = property.Name;
                _ref.ExecuteNonQuery();
            }
        }

        if (_entity is not null)
        {
            _ep[0].Value = entity.Id;
            _ep[1].Value = _run.Dataset;
            _ep[2].Value = schema;
            _entity.ExecuteNonQuery();
        }

        EntitiesWritten++;
        if (++_pending >= _batchSize)
        {
            Commit();
        }
    }

    /// <summary>Commits what has been written so far.</summary>
    public void Commit()
    {
        _tx?.Commit();
        _tx?.Dispose();
        _tx = null;
        _pending = 0;
    }

    /// <summary>Drops what was written since the last commit (after a write failed half way).</summary>
    public void Rollback()
    {
        _tx?.Rollback();
        _tx?.Dispose();
        _tx = null;
        _pending = 0;
    }

    /// <summary>
    /// Runs extra work inside the current batch transaction, so it commits atomically with the
    /// statements written before it (e.g. marking a crawl frontier item done).
    /// </summary>
    internal void Within(Action<SqliteConnection, SqliteTransaction> work)
    {
        EnsureTransaction();
        work(_connection, _tx!);
    }

    private void EnsureTransaction()
    {
        if (_tx is not null)
        {
            return;
        }

        _tx = _connection.BeginTransaction();
        _statement.Transaction = _tx;
        _ref.Transaction = _tx;
        if (_entity is not null)
        {
            _entity.Transaction = _tx;
        }
    }

    private static SqliteParameter[] AddParameters(SqliteCommand command, params string[] names)
    {
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter(n, DBNull.Value))).ToArray();
        command.Prepare();
        return parameters;
    }

    public void Dispose()
    {
        Commit();
        _statement.Dispose();
        _entity?.Dispose();
        _ref.Dispose();
        _connection.Dispose();
    }
}
