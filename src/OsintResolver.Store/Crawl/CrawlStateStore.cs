using Microsoft.Data.Sqlite;
using OsintResolver.Store.Runs;

namespace OsintResolver.Store.Crawl;

/// <summary>State of one frontier entry: waiting, stored, or given up with a reason.</summary>
public enum FrontierState
{
    Pending,
    Done,
    Failed,
}

/// <summary>A URL a crawl run must visit.</summary>
public sealed record FrontierItem(string Url, int Depth, FrontierState State, int Attempts, string? DiscoveredFrom);

/// <summary>A page a run gave up on, with the reason it was reported.</summary>
public sealed record FrontierFailure(string Url, string Error, int Attempts, int? Status);

/// <summary>Counts of a run's frontier by state.</summary>
public sealed record FrontierCounts(long Pending, long Done, long Failed)
{
    public long Total => Pending + Done + Failed;
}

/// <summary>One response received by a crawl (or reused from the archive), with its metadata.</summary>
public sealed record ResponseRecord
{
    public long? RunId { get; init; }
    public string? Source { get; init; }
    public required string Url { get; init; }
    public string? FinalUrl { get; init; }
    public string Method { get; init; } = "GET";
    public string? RequestHeaders { get; init; }
    public required int Status { get; init; }
    public string? ResponseHeaders { get; init; }
    public string? ContentType { get; init; }
    public string? Sha256 { get; init; }
    public long? Size { get; init; }
    public bool NotModified { get; init; }
    public bool Rendered { get; init; }
    public int Attempts { get; init; } = 1;
    public long? ElapsedMs { get; init; }
    public required DateTimeOffset FetchedAt { get; init; }
}

/// <summary>Validators of the last good response of a URL, for a conditional GET.</summary>
public sealed record CachedValidators(
    string Url, string? ETag, string? LastModified, string Sha256, int Status, string? ContentType, string? FinalUrl, DateTimeOffset FetchedAt);

/// <summary>A cached robots.txt of one origin (scheme://host:port).</summary>
public sealed record CachedRobots(string Origin, int Status, string? Body, DateTimeOffset FetchedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Read side of the crawl state tables (frontier, responses, HTTP cache, robots). Writes that
/// must commit with a page's statements go through <see cref="CrawlRunWriter"/>. Thread-safe:
/// each call opens its own pooled connection.
/// </summary>
public sealed class CrawlStateStore
{
    private readonly EntityStore _store;

    public CrawlStateStore(EntityStore store) => _store = store;

    /// <summary>Opens the batched writer of a running crawl run (statements and crawl state in one transaction).</summary>
    public CrawlRunWriter OpenWriter(Run run) => new(_store.OpenWriter(run), run);

    public IReadOnlyList<FrontierItem> LoadFrontier(long runId)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        // In discovery order (not URL order), so a resumed run meets its pages in the mix an
        // uninterrupted run would, rather than, say, every dead link of one path at once.
        cmd.CommandText = "SELECT url, depth, state, attempts, discovered_from FROM crawl_frontier WHERE run_id = $r ORDER BY depth, updated_at";
        cmd.Parameters.AddWithValue("$r", runId);
        using var r = cmd.ExecuteReader();
        var list = new List<FrontierItem>();
        while (r.Read())
        {
            list.Add(new FrontierItem(r.GetString(0), r.GetInt32(1), ParseState(r.GetString(2)), r.GetInt32(3),
                r.IsDBNull(4) ? null : r.GetString(4)));
        }

        return list;
    }

    public FrontierCounts CountFrontier(long runId)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT state, count(*) FROM crawl_frontier WHERE run_id = $r GROUP BY state";
        cmd.Parameters.AddWithValue("$r", runId);
        using var r = cmd.ExecuteReader();
        long pending = 0, done = 0, failed = 0;
        while (r.Read())
        {
            switch (ParseState(r.GetString(0)))
            {
                case FrontierState.Pending: pending = r.GetInt64(1); break;
                case FrontierState.Done: done = r.GetInt64(1); break;
                default: failed = r.GetInt64(1); break;
            }
        }

        return new FrontierCounts(pending, done, failed);
    }

    public IReadOnlyList<FrontierFailure> ListFailures(long runId, int limit = 10_000)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT url, coalesce(error, ''), attempts, status FROM crawl_frontier WHERE run_id = $r AND state = 'failed' ORDER BY url LIMIT $l";
        cmd.Parameters.AddWithValue("$r", runId);
        cmd.Parameters.AddWithValue("$l", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<FrontierFailure>();
        while (r.Read())
        {
            list.Add(new FrontierFailure(r.GetString(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetInt32(3)));
        }

        return list;
    }

    /// <summary>Links found on the pages of a run.</summary>
    public IReadOnlyList<(string From, string To)> ListLinks(long runId)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT from_url, to_url FROM crawl_links WHERE run_id = $r ORDER BY from_url, to_url";
        cmd.Parameters.AddWithValue("$r", runId);
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetString(1)));
        }

        return list;
    }

    /// <summary>
    /// The last successful response of each URL within a run, so a resumed run reads what it
    /// already fetched from the archive instead of fetching it again.
    /// </summary>
    public IReadOnlyDictionary<string, ResponseRecord> LoadRunResponses(long runId)
    {
        var map = new Dictionary<string, ResponseRecord>(StringComparer.Ordinal);
        foreach (var record in QueryResponses("WHERE run_id = $r AND sha256 IS NOT NULL AND status BETWEEN 200 AND 399 ORDER BY id", ("$r", runId)))
        {
            map[record.Url] = record;
        }

        return map;
    }

    public IReadOnlyList<ResponseRecord> ListResponses(long runId, int limit = 100_000) =>
        QueryResponses("WHERE run_id = $r ORDER BY id LIMIT $l", ("$r", runId), ("$l", limit));

    public CachedValidators? GetValidators(string url)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT url, etag, last_modified, sha256, status, content_type, final_url, fetched_at FROM crawl_http_cache WHERE url = $u";
        cmd.Parameters.AddWithValue("$u", url);
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new CachedValidators(r.GetString(0), Str(r, 1), Str(r, 2), r.GetString(3), r.GetInt32(4), Str(r, 5), Str(r, 6),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)))
            : null;
    }

    public CachedRobots? GetRobots(string origin)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT origin, status, body, fetched_at, expires_at FROM crawl_robots WHERE origin = $o";
        cmd.Parameters.AddWithValue("$o", origin);
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new CachedRobots(r.GetString(0), r.GetInt32(1), Str(r, 2),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)))
            : null;
    }

    public void SaveRobots(CachedRobots robots)
    {
        using var c = _store.OpenConnection();
        EntityStore.Exec(c, null, """
            INSERT INTO crawl_robots (origin, status, body, fetched_at, expires_at) VALUES ($o, $s, $b, $f, $e)
            ON CONFLICT (origin) DO UPDATE SET status = excluded.status, body = excluded.body, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at
            """, ("$o", robots.Origin), ("$s", robots.Status), ("$b", robots.Body),
            ("$f", EntityStore.Ms(robots.FetchedAt)), ("$e", EntityStore.Ms(robots.ExpiresAt)));
    }

    /// <summary>
    /// Entities a run has written so far, per schema (the most specific schema stated for each
    /// entity), read from the staged statements so counts survive a resume.
    /// </summary>
    public IReadOnlyDictionary<string, long> CountRunEntities(Run run)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = run.Mode == WriteMode.Staged
            ? "SELECT schema, count(*) FROM (SELECT entity_id, max(schema) AS schema FROM staged_statements WHERE run_id = $r GROUP BY entity_id) GROUP BY schema"
            : "SELECT schema, count(*) FROM (SELECT entity_id, max(schema) AS schema FROM statements WHERE run_id = $r GROUP BY entity_id) GROUP BY schema";
        cmd.Parameters.AddWithValue("$r", run.Id);
        using var r = cmd.ExecuteReader();
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        while (r.Read())
        {
            map[r.GetString(0)] = r.GetInt64(1);
        }

        return map;
    }

    /// <summary>Ids of the entities a run has written so far (for a resumed run's counts).</summary>
    public IReadOnlySet<string> ListRunEntityIds(Run run)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = run.Mode == WriteMode.Staged
            ? "SELECT DISTINCT entity_id FROM staged_statements WHERE run_id = $r"
            : "SELECT DISTINCT entity_id FROM statements WHERE run_id = $r";
        cmd.Parameters.AddWithValue("$r", run.Id);
        using var r = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read())
        {
            set.Add(r.GetString(0));
        }

        return set;
    }

    private List<ResponseRecord> QueryResponses(string tail, params (string, object?)[] parameters)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT run_id, source, url, final_url, method, request_headers, status, response_headers, content_type,
                   sha256, size, not_modified, rendered, attempts, elapsed_ms, fetched_at FROM crawl_responses {tail}
            """;
        EntityStore.Bind(cmd, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<ResponseRecord>();
        while (r.Read())
        {
            list.Add(new ResponseRecord
            {
                RunId = r.IsDBNull(0) ? null : r.GetInt64(0),
                Source = Str(r, 1),
                Url = r.GetString(2),
                FinalUrl = Str(r, 3),
                Method = r.GetString(4),
                RequestHeaders = Str(r, 5),
                Status = r.GetInt32(6),
                ResponseHeaders = Str(r, 7),
                ContentType = Str(r, 8),
                Sha256 = Str(r, 9),
                Size = r.IsDBNull(10) ? null : r.GetInt64(10),
                NotModified = r.GetInt64(11) == 1,
                Rendered = r.GetInt64(12) == 1,
                Attempts = r.GetInt32(13),
                ElapsedMs = r.IsDBNull(14) ? null : r.GetInt64(14),
                FetchedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(15)),
            });
        }

        return list;
    }

    internal static FrontierState ParseState(string s) => s switch
    {
        "done" => FrontierState.Done,
        "failed" => FrontierState.Failed,
        _ => FrontierState.Pending,
    };

    internal static string Name(FrontierState s) => s switch
    {
        FrontierState.Done => "done",
        FrontierState.Failed => "failed",
        _ => "pending",
    };

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
