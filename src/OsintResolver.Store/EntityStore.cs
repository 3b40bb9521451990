using System.Globalization;
using Microsoft.Data.Sqlite;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Schemata;
using OsintResolver.Store.Edges;
using OsintResolver.Store.Runs;
using OsintResolver.Store.Statements;

namespace OsintResolver.Store;

/// <summary>What to read from the store.</summary>
public sealed record ReadOptions
{
    /// <summary>Only statements from these datasets; null for all.</summary>
    public IReadOnlyCollection<string>? Datasets { get; init; }

    /// <summary>Only entities whose schema is (or descends from) one of these; null for all.</summary>
    public IReadOnlyCollection<string>? Schemata { get; init; }

    /// <summary>Include values the last successful run no longer stated.</summary>
    public bool IncludeHistory { get; init; }

    /// <summary>Attach the statements (provenance) to each entity.</summary>
    public bool WithStatements { get; init; }

    public static ReadOptions Default { get; } = new();
}

/// <summary>Counts of current entities by dataset and schema, and of statements.</summary>
public sealed record StoreStats(IReadOnlyList<(string Dataset, string Schema, long Entities)> Entities, long Statements, long Datasets);

/// <summary>
/// The embedded store: a SQLite file (WAL) under the data folder holding statements with
/// provenance, runs, datasets and resolver edges. Entities are assembled from statements.
/// Thread-safe: every operation opens its own pooled connection.
/// </summary>
public sealed class EntityStore
{
    private readonly Database _db;
    private readonly StoreOptions _options;
    private readonly TimeProvider _time;
    private readonly SchemaModel _model;

    public EntityStore(StoreOptions options, TimeProvider? time = null, SchemaModel? model = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        _model = model ?? SchemaModel.Default;
        _db = new Database(options);
        Edges = new EdgeStore(_db, _time);
    }

    public static EntityStore Open(string dataDir, TimeProvider? time = null) =>
        new(new StoreOptions { DataDir = dataDir }, time);

    public string DataDir => _options.DataDir;
    public string DatabasePath => _db.Path;
    public TimeProvider Time => _time;
    public SchemaModel Model => _model;
    public EdgeStore Edges { get; }

    /// <summary>A tuned connection, for repositories that own tables of their own.</summary>
    public SqliteConnection OpenConnection() => _db.Open();

    // ---- runs ---------------------------------------------------------------------------------

    public Run BeginRun(string dataset, RunKind kind, WriteMode mode, bool snapshot = true, string? source = null)
    {
        if (string.IsNullOrWhiteSpace(dataset) || dataset.Length > 100 ||
            !dataset.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new InvalidInputException($"dataset name '{dataset}' must be 1–100 letters, digits, '_', '-' or '.'");
        }

        var now = _time.GetUtcNow();
        using var c = _db.Open();
        using var tx = c.BeginTransaction();
        Exec(c, tx, "INSERT OR IGNORE INTO datasets (name, updated_at) VALUES ($n, $t)", ("$n", dataset), ("$t", Ms(now)));
        var id = (long)Scalar(c, tx, """
            INSERT INTO runs (dataset, kind, state, mode, snapshot, source, started_at, heartbeat)
            VALUES ($d, $k, 'running', $m, $s, $src, $t, $t) RETURNING id
            """, ("$d", dataset), ("$k", Name(kind)), ("$m", Name(mode)), ("$s", snapshot ? 1 : 0), ("$src", source), ("$t", Ms(now)))!;
        tx.Commit();
        return GetRun(id)!;
    }

    /// <summary>The most recent run of a dataset that never finished (its process died), if any.</summary>
    public Run? FindUnfinishedRun(string dataset, RunKind kind) =>
        QueryRuns("WHERE dataset = $d AND kind = $k AND state = 'running' ORDER BY id DESC LIMIT 1",
            ("$d", dataset), ("$k", Name(kind))).FirstOrDefault();

    public Run? GetRun(long id) => QueryRuns("WHERE id = $id", ("$id", id)).FirstOrDefault();

    public IReadOnlyList<Run> ListRuns(string? dataset = null, int limit = 50) =>
        dataset is null
            ? QueryRuns("ORDER BY id DESC LIMIT $l", ("$l", limit))
            : QueryRuns("WHERE dataset = $d ORDER BY id DESC LIMIT $l", ("$d", dataset), ("$l", limit));

    /// <summary>Saves live stats (JSON) and marks the run as alive.</summary>
    public void UpdateRunStats(Run run, string? statsJson)
    {
        using var c = _db.Open();
        Exec(c, null, "UPDATE runs SET stats = coalesce($s, stats), heartbeat = $t WHERE id = $id",
            ("$s", statsJson), ("$t", Ms(_time.GetUtcNow())), ("$id", run.Id));
    }

    /// <summary>
    /// Marks a run succeeded. A staged run's statements are promoted in one transaction; a
    /// snapshot run becomes its dataset's current data, retiring values it did not state.
    /// </summary>
    public Run CompleteRun(Run run, string? statsJson = null)
    {
        var now = _time.GetUtcNow();
        using var c = _db.Open(bulk: true);
        using var tx = c.BeginTransaction();
        EnsureRunning(c, tx, run);
        var seen = Ms(run.StartedAt);
        if (run.Mode == WriteMode.Staged)
        {
            Exec(c, tx, """
                INSERT INTO statements (entity_id, id, schema, prop, value, original_value, lang, dataset, source_url, archive_sha256, run_id, first_seen, last_seen)
                SELECT entity_id, id, schema, prop, value, original_value, lang, dataset, source_url, archive_sha256, run_id, $t, $t
                FROM staged_statements WHERE run_id = $r
                ON CONFLICT (entity_id, id) DO UPDATE SET last_seen = excluded.last_seen, run_id = excluded.run_id,
                  schema = excluded.schema, original_value = excluded.original_value,
                  source_url = coalesce(excluded.source_url, source_url), archive_sha256 = coalesce(excluded.archive_sha256, archive_sha256)
                """, ("$t", seen), ("$r", run.Id));
            Exec(c, tx, """
                INSERT INTO entities (id, dataset, schema, first_seen, last_seen)
                SELECT entity_id, dataset, max(schema), $t, $t FROM staged_statements WHERE run_id = $r GROUP BY entity_id, dataset
                ON CONFLICT (id, dataset) DO UPDATE SET schema = excluded.schema, last_seen = excluded.last_seen
                """, ("$t", seen), ("$r", run.Id));
            Exec(c, tx, "DELETE FROM staged_statements WHERE run_id = $r", ("$r", run.Id));
        }

        if (run.Snapshot)
        {
            Exec(c, tx, "UPDATE datasets SET current_run = $r, current_since = $t, updated_at = $now WHERE name = $d",
                ("$r", run.Id), ("$t", seen), ("$now", Ms(now)), ("$d", run.Dataset));
        }
        else
        {
            Exec(c, tx, "UPDATE datasets SET updated_at = $now WHERE name = $d", ("$now", Ms(now)), ("$d", run.Dataset));
        }

        Exec(c, tx, "UPDATE runs SET state = 'succeeded', ended_at = $t, heartbeat = $t, stats = coalesce($s, stats) WHERE id = $r",
            ("$t", Ms(now)), ("$s", statsJson), ("$r", run.Id));
        tx.Commit();
        return GetRun(run.Id)!;
    }

    /// <summary>
    /// Marks a run failed with its reason. Staged statements are discarded, so the dataset keeps
    /// its last good data; a direct run keeps what it wrote but does not retire older values.
    /// </summary>
    public Run FailRun(Run run, string error, string? statsJson = null)
    {
        var now = _time.GetUtcNow();
        using var c = _db.Open();
        using var tx = c.BeginTransaction();
        Exec(c, tx, "DELETE FROM staged_statements WHERE run_id = $r", ("$r", run.Id));
        Exec(c, tx, "UPDATE runs SET state = 'failed', ended_at = $t, heartbeat = $t, error = $e, stats = coalesce($s, stats) WHERE id = $r",
            ("$t", Ms(now)), ("$e", error), ("$s", statsJson), ("$r", run.Id));
        tx.Commit();
        return GetRun(run.Id)!;
    }

    public StatementWriter OpenWriter(Run run)
    {
        if (run.State != RunState.Running)
        {
            throw new ConflictException($"run {run.Id} of {run.Dataset} is {run.State}; only a running run can be written");
        }

        return new StatementWriter(_db.Open(bulk: true), run, _options.BatchSize);
    }

    public IReadOnlyList<DatasetInfo> ListDatasets()
    {
        using var c = _db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name, title, current_run, current_since, updated_at FROM datasets ORDER BY name";
        using var r = cmd.ExecuteReader();
        var list = new List<DatasetInfo>();
        while (r.Read())
        {
            list.Add(new DatasetInfo(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : r.GetInt64(2), TimeAt(r, 3), TimeAt(r, 4)));
        }

        return list;
    }

    // ---- reading ------------------------------------------------------------------------------

    /// <summary>An entity assembled from the statements of every dataset that has it; null if none.</summary>
    public Entity? GetEntity(string id, ReadOptions? options = null) =>
        GetEntities([id], options).FirstOrDefault();

    /// <summary>Entities by id, in the order asked, skipping ids with no (current) statements.</summary>
    public IReadOnlyList<Entity> GetEntities(IEnumerable<string> ids, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var current = CurrentSince();
        using var c = _db.Open();
        foreach (var chunk in wanted.Chunk(500))
        {
            using var cmd = c.CreateCommand();
            var names = new List<string>();
            for (var i = 0; i < chunk.Length; i++)
            {
                names.Add("$i" + i.ToString(CultureInfo.InvariantCulture));
                cmd.Parameters.AddWithValue(names[^1], chunk[i]);
            }

            cmd.CommandText = $"SELECT {StatementColumns} FROM statements WHERE entity_id IN ({string.Join(",", names)}) ORDER BY entity_id";
            foreach (var entity in Assemble(cmd, options, current))
            {
                found[entity.Id] = entity;
            }
        }

        return wanted.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    /// <summary>Streams every entity (filtered by the options), ordered by id, in constant memory.</summary>
    public IEnumerable<Entity> ReadEntities(ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        var current = CurrentSince();
        using var c = _db.Open();
        using var cmd = c.CreateCommand();
        var where = "";
        if (options.Datasets is { Count: > 0 } datasets)
        {
            var names = datasets.Select((d, i) =>
            {
                var n = "$d" + i.ToString(CultureInfo.InvariantCulture);
                cmd.Parameters.AddWithValue(n, d);
                return n;
            }).ToList();
            where = $"WHERE dataset IN ({string.Join(",", names)})";
        }

        cmd.CommandText = $"SELECT {StatementColumns} FROM statements {where} ORDER BY entity_id";
        foreach (var entity in Assemble(cmd, options, current))
        {
            yield return entity;
        }
    }

    /// <summary>The statements behind an entity: every value with its provenance.</summary>
    public IReadOnlyList<Statement> GetStatements(string entityId, bool includeHistory = true)
    {
        var current = CurrentSince();
        using var c = _db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {StatementColumns} FROM statements WHERE entity_id = $e ORDER BY prop, value";
        cmd.Parameters.AddWithValue("$e", entityId);
        using var r = cmd.ExecuteReader();
        var list = new List<Statement>();
        while (r.Read())
        {
            var s = ReadStatement(r, current);
            if (includeHistory || s.Current)
            {
                list.Add(s);
            }
        }

        return list;
    }

    /// <summary>Entities whose entity-typed properties point at the given id (owners, sanctions …).</summary>
    public IReadOnlyList<(string SourceId, string Prop)> GetReferrers(string targetId, int limit = 10_000)
    {
        using var c = _db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT source_id, prop FROM entity_refs WHERE target_id = $t LIMIT $l";
        cmd.Parameters.AddWithValue("$t", targetId);
        cmd.Parameters.AddWithValue("$l", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetString(1)));
        }

        return list;
    }

    public StoreStats GetStats()
    {
        using var c = _db.Open();
        var rows = new List<(string, string, long)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = """
                SELECT e.dataset, e.schema, count(*) FROM entities e LEFT JOIN datasets d ON d.name = e.dataset
                WHERE d.current_since IS NULL OR e.last_seen >= d.current_since
                GROUP BY e.dataset, e.schema ORDER BY e.dataset, e.schema
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                rows.Add((r.GetString(0), r.GetString(1), r.GetInt64(2)));
            }
        }

        var statements = (long)Scalar(c, null, "SELECT count(*) FROM statements")!;
        var datasets = (long)Scalar(c, null, "SELECT count(*) FROM datasets")!;
        return new StoreStats(rows, statements, datasets);
    }

    // ---- internals ----------------------------------------------------------------------------

    private const string StatementColumns =
        "entity_id, id, schema, prop, value, original_value, lang, dataset, source_url, archive_sha256, run_id, first_seen, last_seen";

    private IEnumerable<Entity> Assemble(SqliteCommand cmd, ReadOptions options, Dictionary<string, long> current)
    {
        using var r = cmd.ExecuteReader();
        var batch = new List<Statement>();
        string? entityId = null;
        while (r.Read())
        {
            var s = ReadStatement(r, current);
            if (s.EntityId != entityId)
            {
                if (Build(batch, options) is { } e)
                {
                    yield return e;
                }

                batch.Clear();
                entityId = s.EntityId;
            }

            if ((options.IncludeHistory || s.Current) &&
                (options.Datasets is null || options.Datasets.Contains(s.Dataset)))
            {
                batch.Add(s);
            }
        }

        if (Build(batch, options) is { } last)
        {
            yield return last;
        }
    }

    private Entity? Build(List<Statement> statements, ReadOptions options)
    {
        if (statements.Count == 0)
        {
            return null;
        }

        Schema? schema = null;
        foreach (var s in statements)
        {
            if (!_model.TryGet(s.Schema, out var next))
            {
                continue;
            }

            schema = schema is null ? next : _model.Common(schema, next) ?? schema;
        }

        if (schema is null)
        {
            return null;
        }

        if (options.Schemata is { Count: > 0 } filter && !filter.Any(schema.IsA))
        {
            return null;
        }

        // Storage order is hash order; sort so assembled entities and exports are deterministic.
        statements.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Prop, b.Prop);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });
        var entity = new Entity(schema, statements[0].EntityId);
        foreach (var s in statements)
        {
            if (schema.Properties.TryGetValue(s.Prop, out var p) && !p.Stub)
            {
                entity.AddClean(s.Prop, new PropertyValue(s.Value, s.OriginalValue, s.Lang));
            }

            entity.Datasets.Add(s.Dataset);
            entity.FirstSeen = entity.FirstSeen is { } f && f <= s.FirstSeen ? f : s.FirstSeen;
            entity.LastSeen = entity.LastSeen is { } l && l >= s.LastSeen ? l : s.LastSeen;
            entity.LastChange = entity.LastChange is { } lc && lc >= s.FirstSeen ? lc : s.FirstSeen;
        }

        if (options.WithStatements)
        {
            entity.Statements = statements.ToList();
        }

        return entity;
    }

    private static Statement ReadStatement(SqliteDataReader r, Dictionary<string, long> current)
    {
        var dataset = r.GetString(7);
        var lastSeen = r.GetInt64(12);
        return new Statement
        {
            EntityId = r.GetString(0),
            Schema = r.GetString(2),
            Prop = r.GetString(3),
            Value = r.GetString(4),
            OriginalValue = r.IsDBNull(5) ? null : r.GetString(5),
            Lang = r.IsDBNull(6) ? null : r.GetString(6),
            Dataset = dataset,
            SourceUrl = r.IsDBNull(8) ? null : r.GetString(8),
            ArchiveSha256 = r.IsDBNull(9) ? null : r.GetString(9),
            CrawlRun = r.IsDBNull(10) ? null : r.GetInt64(10),
            FirstSeen = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11)),
            LastSeen = DateTimeOffset.FromUnixTimeMilliseconds(lastSeen),
            Current = !current.TryGetValue(dataset, out var since) || lastSeen >= since,
        };
    }

    private Dictionary<string, long> CurrentSince()
    {
        using var c = _db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name, current_since FROM datasets WHERE current_since IS NOT NULL";
        using var r = cmd.ExecuteReader();
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        while (r.Read())
        {
            map[r.GetString(0)] = r.GetInt64(1);
        }

        return map;
    }

    private IReadOnlyList<Run> QueryRuns(string tail, params (string, object?)[] parameters)
    {
        using var c = _db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT id, dataset, kind, state, mode, snapshot, source, started_at, ended_at, heartbeat, stats, error FROM runs {tail}";
        Bind(cmd, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<Run>();
        while (r.Read())
        {
            list.Add(new Run(
                r.GetInt64(0), r.GetString(1),
                r.GetString(2) == "crawl" ? RunKind.Crawl : RunKind.Import,
                r.GetString(3) switch { "succeeded" => RunState.Succeeded, "failed" => RunState.Failed, _ => RunState.Running },
                r.GetString(4) == "staged" ? WriteMode.Staged : WriteMode.Direct,
                r.GetInt64(5) == 1,
                r.IsDBNull(6) ? null : r.GetString(6),
                TimeAt(r, 7)!.Value, TimeAt(r, 8), TimeAt(r, 9),
                r.IsDBNull(10) ? null : r.GetString(10),
                r.IsDBNull(11) ? null : r.GetString(11)));
        }

        return list;
    }

    private static void EnsureRunning(SqliteConnection c, SqliteTransaction tx, Run run)
    {
        var state = (string?)Scalar(c, tx, "SELECT state FROM runs WHERE id = $r", ("$r", run.Id));
        if (state != "running")
        {
            throw new ConflictException($"run {run.Id} of {run.Dataset} is {state ?? "missing"}, not running");
        }
    }

    private static string Name(RunKind kind) => kind == RunKind.Crawl ? "crawl" : "import";

    private static string Name(WriteMode mode) => mode == WriteMode.Staged ? "staged" : "direct";

    internal static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    internal static DateTimeOffset? TimeAt(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i));

    internal static void Bind(SqliteCommand cmd, (string, object?)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    internal static int Exec(SqliteConnection c, SqliteTransaction? tx, string sql, params (string, object?)[] parameters)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        Bind(cmd, parameters);
        return cmd.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection c, SqliteTransaction? tx, string sql, params (string, object?)[] parameters)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        Bind(cmd, parameters);
        var result = cmd.ExecuteScalar();
        return result is DBNull ? null : result;
    }
}
