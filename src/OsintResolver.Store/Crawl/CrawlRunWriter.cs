using Microsoft.Data.Sqlite;
using OsintResolver.Model.Entities;
using OsintResolver.Store.Runs;
using OsintResolver.Store.Statements;

namespace OsintResolver.Store.Crawl;

/// <summary>
/// Writes a crawl run's statements and crawl state (frontier, links, responses, validators) in
/// the same batch transactions, so a page's "done" mark commits together with what was read
/// from it. Not thread-safe: the engine serialises calls. Staged statements are keyed by
/// (run, entity, statement), so a page processed again after a crash adds nothing twice.
/// </summary>
public sealed class CrawlRunWriter : IDisposable
{
    private readonly StatementWriter _writer;
    private readonly Run _run;
    private Commands? _commands;

    internal CrawlRunWriter(StatementWriter writer, Run run)
    {
        _writer = writer;
        _run = run;
    }

    public Run Run => _run;
    public long EntitiesWritten => _writer.EntitiesWritten;
    public long StatementsWritten => _writer.StatementsWritten;

    public void Write(Entity entity, Provenance? provenance) => _writer.Write(entity, provenance);

    /// <summary>Adds URLs to the frontier as pending; URLs already known to the run are left as they are.</summary>
    public void Enqueue(IEnumerable<(string Url, int Depth, string? From)> items, DateTimeOffset now)
    {
        _writer.Within((c, tx) =>
        {
            var cmd = Prepare(c, tx).Enqueue;
            cmd.Parameters["$t"].Value = EntityStore.Ms(now);
            foreach (var (url, depth, from) in items)
            {
                cmd.Parameters["$u"].Value = url;
                cmd.Parameters["$d"].Value = depth;
                cmd.Parameters["$f"].Value = (object?)from ?? DBNull.Value;
                cmd.ExecuteNonQuery();
            }
        });
    }

    /// <summary>Marks a page stored, with the links found on it.</summary>
    public void Complete(string url, int status, string? sha256, int attempts, IEnumerable<string> links, DateTimeOffset now)
    {
        _writer.Within((c, tx) =>
        {
            var commands = Prepare(c, tx);
            Finish(commands.Finish, url, FrontierState.Done, status, sha256, attempts, null, now);
            var link = commands.Link;
            link.Parameters["$f"].Value = url;
            foreach (var to in links)
            {
                link.Parameters["$to"].Value = to;
                link.ExecuteNonQuery();
            }
        });
    }

    /// <summary>Marks a page failed with the reason it is reported under.</summary>
    public void Fail(string url, int? status, int attempts, string reason, DateTimeOffset now) =>
        _writer.Within((c, tx) => Finish(Prepare(c, tx).Finish, url, FrontierState.Failed, status, null, attempts, reason, now));

    public void RecordResponse(ResponseRecord r) =>
        _writer.Within((c, tx) =>
        {
            var cmd = Prepare(c, tx).Response;
            var p = cmd.Parameters;
            p["$run"].Value = (object?)r.RunId ?? DBNull.Value;
            p["$src"].Value = (object?)r.Source ?? DBNull.Value;
            p["$u"].Value = r.Url;
            p["$fu"].Value = (object?)r.FinalUrl ?? DBNull.Value;
            p["$m"].Value = r.Method;
            p["$rqh"].Value = (object?)r.RequestHeaders ?? DBNull.Value;
            p["$s"].Value = r.Status;
            p["$rsh"].Value = (object?)r.ResponseHeaders ?? DBNull.Value;
            p["$ct"].Value = (object?)r.ContentType ?? DBNull.Value;
            p["$sha"].Value = (object?)r.Sha256 ?? DBNull.Value;
            p["$size"].Value = (object?)r.Size ?? DBNull.Value;
            p["$nm"].Value = r.NotModified ? 1 : 0;
            p["$rd"].Value = r.Rendered ? 1 : 0;
            p["$a"].Value = r.Attempts;
            p["$el"].Value = (object?)r.ElapsedMs ?? DBNull.Value;
            p["$t"].Value = EntityStore.Ms(r.FetchedAt);
            cmd.ExecuteNonQuery();
        });

    public void SaveValidators(CachedValidators v) =>
        _writer.Within((c, tx) =>
        {
            var cmd = Prepare(c, tx).Validators;
            var p = cmd.Parameters;
            p["$u"].Value = v.Url;
            p["$e"].Value = (object?)v.ETag ?? DBNull.Value;
            p["$lm"].Value = (object?)v.LastModified ?? DBNull.Value;
            p["$sha"].Value = v.Sha256;
            p["$s"].Value = v.Status;
            p["$ct"].Value = (object?)v.ContentType ?? DBNull.Value;
            p["$fu"].Value = (object?)v.FinalUrl ?? DBNull.Value;
            p["$t"].Value = EntityStore.Ms(v.FetchedAt);
            cmd.ExecuteNonQuery();
        });

    /// <summary>Commits everything written so far.</summary>
    public void Commit() => _writer.Commit();

    public void Dispose()
    {
        _writer.Commit();
        _commands?.Dispose();
        _writer.Dispose();
    }

    private void Finish(SqliteCommand cmd, string url, FrontierState state, int? status, string? sha, int attempts, string? error, DateTimeOffset now)
    {
        var p = cmd.Parameters;
        p["$u"].Value = url;
        p["$st"].Value = CrawlStateStore.Name(state);
        p["$s"].Value = (object?)status ?? DBNull.Value;
        p["$sha"].Value = (object?)sha ?? DBNull.Value;
        p["$a"].Value = attempts;
        p["$e"].Value = (object?)error ?? DBNull.Value;
        p["$t"].Value = EntityStore.Ms(now);
        cmd.ExecuteNonQuery();
    }

    private Commands Prepare(SqliteConnection c, SqliteTransaction tx)
    {
        _commands ??= new Commands(c, _run.Id);
        _commands.Bind(tx);
        return _commands;
    }

    private sealed class Commands : IDisposable
    {
        public Commands(SqliteConnection c, long runId)
        {
            Enqueue = Make(c, runId, """
                INSERT INTO crawl_frontier (run_id, url, depth, state, discovered_from, updated_at) VALUES ($run, $u, $d, 'pending', $f, $t)
                ON CONFLICT (run_id, url) DO NOTHING
                """, "$u", "$d", "$f", "$t");
            Finish = Make(c, runId, """
                INSERT INTO crawl_frontier (run_id, url, depth, state, status, sha256, attempts, error, updated_at) VALUES ($run, $u, 0, $st, $s, $sha, $a, $e, $t)
                ON CONFLICT (run_id, url) DO UPDATE SET state = excluded.state, status = excluded.status, sha256 = excluded.sha256,
                  attempts = excluded.attempts, error = excluded.error, updated_at = excluded.updated_at
                """, "$u", "$st", "$s", "$sha", "$a", "$e", "$t");
            Link = Make(c, runId, "INSERT OR IGNORE INTO crawl_links (run_id, from_url, to_url) VALUES ($run, $f, $to)", "$f", "$to");
            Response = Make(c, runId, """
                INSERT INTO crawl_responses (run_id, source, url, final_url, method, request_headers, status, response_headers, content_type,
                  sha256, size, not_modified, rendered, attempts, elapsed_ms, fetched_at)
                VALUES ($run, $src, $u, $fu, $m, $rqh, $s, $rsh, $ct, $sha, $size, $nm, $rd, $a, $el, $t)
                """, "$src", "$u", "$fu", "$m", "$rqh", "$s", "$rsh", "$ct", "$sha", "$size", "$nm", "$rd", "$a", "$el", "$t");
            Validators = Make(c, runId, """
                INSERT INTO crawl_http_cache (url, etag, last_modified, sha256, status, content_type, final_url, fetched_at)
                VALUES ($u, $e, $lm, $sha, $s, $ct, $fu, $t)
                ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, sha256 = excluded.sha256,
                  status = excluded.status, content_type = excluded.content_type, final_url = excluded.final_url, fetched_at = excluded.fetched_at
                """, "$u", "$e", "$lm", "$sha", "$s", "$ct", "$fu", "$t");
        }

        public SqliteCommand Enqueue { get; }
        public SqliteCommand Finish { get; }
        public SqliteCommand Link { get; }
        public SqliteCommand Response { get; }
        public SqliteCommand Validators { get; }

        private IEnumerable<SqliteCommand> All => [Enqueue, Finish, Link, Response, Validators];

        public void Bind(SqliteTransaction tx)
        {
            foreach (var cmd in All)
            {
                cmd.Transaction = tx;
            }
        }

        public void Dispose()
        {
            foreach (var cmd in All)
            {
                cmd.Dispose();
            }
        }

        private static SqliteCommand Make(SqliteConnection c, long runId, string sql, params string[] names)
        {
            var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            if (sql.Contains("$run", StringComparison.Ordinal))
            {
                cmd.Parameters.AddWithValue("$run", runId);
            }

            foreach (var name in names)
            {
                cmd.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            return cmd;
        }
    }
}
