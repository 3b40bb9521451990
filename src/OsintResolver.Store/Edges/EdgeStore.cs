using Microsoft.Data.Sqlite;
using OsintResolver.Model.Errors;

namespace OsintResolver.Store.Edges;

/// <summary>
/// Resolver edges. Model edges are bulk-upserted and never replace a user's judgement; user
/// judgements are logged with the edge they replaced, so each can be undone exactly.
/// </summary>
public sealed class EdgeStore
{
    private readonly Database _db;
    private readonly TimeProvider _time;

    internal EdgeStore(Database db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <summary>Records an analyst's judgement on a pair, replacing any earlier edge.</summary>
    public ResolverEdge Judge(string a, string b, Judgement judgement, string user, double? score = null, string? explanation = null)
    {
        if (a == b)
        {
            throw new InvalidInputException("an entity cannot be judged against itself");
        }

        if (string.IsNullOrWhiteSpace(user))
        {
            throw new InvalidInputException("a judgement needs a user");
        }

        var (left, right) = ResolverEdge.Order(a, b);
        var now = _time.GetUtcNow();
        using var c = _db.Open();
        using var tx = c.BeginTransaction();
        var previous = Get(c, tx, left, right);
        EntityStore.Exec(c, tx, """
            INSERT INTO resolver_edge_log (left_id, right_id, judgement, score, model_version, user, created_at,
              prev_judgement, prev_score, prev_model_version, prev_user, prev_created_at, prev_explanation)
            VALUES ($l, $r, $j, $s, NULL, $u, $t, $pj, $ps, $pm, $pu, $pt, $pe)
            """,
            ("$l", left), ("$r", right), ("$j", judgement.ToSql()), ("$s", score ?? previous?.Score), ("$u", user), ("$t", EntityStore.Ms(now)),
            ("$pj", previous?.Judgement.ToSql()), ("$ps", previous?.Score), ("$pm", previous?.ModelVersion), ("$pu", previous?.User),
            ("$pt", previous is null ? null : EntityStore.Ms(previous.CreatedAt)), ("$pe", previous?.Explanation));
        var edge = new ResolverEdge(left, right, judgement, score ?? previous?.Score, previous?.ModelVersion, user, now,
            explanation ?? previous?.Explanation);
        Upsert(c, tx, edge);
        tx.Commit();
        return edge;
    }

    /// <summary>
    /// Writes model suggestions. A pair an analyst has judged keeps the analyst's judgement.
    /// Returns how many edges were written.
    /// </summary>
    public int UpsertModelEdges(IEnumerable<ResolverEdge> edges)
    {
        var count = 0;
        using var c = _db.Open(bulk: true);
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO resolver_edges (left_id, right_id, judgement, score, model_version, user, created_at, explanation)
            VALUES ($l, $r, $j, $s, $m, NULL, $t, $e)
            ON CONFLICT (left_id, right_id) DO UPDATE SET judgement = excluded.judgement, score = excluded.score,
              model_version = excluded.model_version, created_at = excluded.created_at, explanation = excluded.explanation
            WHERE resolver_edges.user IS NULL
            """;
        var p = new[] { "$l", "$r", "$j", "$s", "$m", "$t", "$e" }.Select(n => cmd.Parameters.Add(new SqliteParameter(n, DBNull.Value))).ToArray();
        cmd.Prepare();
        foreach (var edge in edges)
        {
            if (edge.User is not null)
            {
                throw new InvalidInputException("model edges carry no user; record analyst decisions with Judge");
            }

            var (left, right) = ResolverEdge.Order(edge.LeftId, edge.RightId);
            p[0].Value = left;
            p[1].Value = right;
            p[2].Value = edge.Judgement.ToSql();
            p[3].Value = (object?)edge.Score ?? DBNull.Value;
            p[4].Value = (object?)edge.ModelVersion ?? DBNull.Value;
            p[5].Value = EntityStore.Ms(edge.CreatedAt);
            p[6].Value = (object?)edge.Explanation ?? DBNull.Value;
            count += cmd.ExecuteNonQuery();
        }

        tx.Commit();
        return count;
    }

    /// <summary>
    /// Undoes the user's most recent judgement that is not yet undone, restoring the edge it
    /// replaced. Returns the undone entry, or null if there is nothing to undo.
    /// </summary>
    public EdgeLogEntry? Undo(string user)
    {
        using var c = _db.Open();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            SELECT seq, left_id, right_id, judgement, user, created_at, prev_judgement, prev_score, prev_model_version,
                   prev_user, prev_created_at, prev_explanation
            FROM resolver_edge_log WHERE user = $u AND undone_at IS NULL ORDER BY seq DESC LIMIT 1
            """;
        cmd.Parameters.AddWithValue("$u", user);
        EdgeLogEntry entry;
        ResolverEdge? restore;
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
            {
                return null;
            }

            Judgement? prev = r.IsDBNull(6) ? null : Judgements.Parse(r.GetString(6));
            entry = new EdgeLogEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), Judgements.Parse(r.GetString(3)),
                r.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), prev, _time.GetUtcNow());
            restore = prev is { } pj
                ? new ResolverEdge(entry.LeftId, entry.RightId, pj, r.IsDBNull(7) ? null : r.GetDouble(7),
                    r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9),
                    DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)), r.IsDBNull(11) ? null : r.GetString(11))
                : null;
        }

        if (restore is null)
        {
            EntityStore.Exec(c, tx, "DELETE FROM resolver_edges WHERE left_id = $l AND right_id = $r", ("$l", entry.LeftId), ("$r", entry.RightId));
        }
        else
        {
            Upsert(c, tx, restore);
        }

        EntityStore.Exec(c, tx, "UPDATE resolver_edge_log SET undone_at = $t WHERE seq = $s", ("$t", EntityStore.Ms(entry.UndoneAt!.Value)), ("$s", entry.Seq));
        tx.Commit();
        return entry;
    }

    public ResolverEdge? Get(string a, string b)
    {
        var (left, right) = ResolverEdge.Order(a, b);
        using var c = _db.Open();
        return Get(c, null, left, right);
    }

    /// <summary>Every edge touching an entity.</summary>
    public IReadOnlyList<ResolverEdge> For(string id) =>
        Query("WHERE left_id = $id UNION ALL SELECT left_id, right_id, judgement, score, model_version, user, created_at, explanation FROM resolver_edges WHERE right_id = $id",
            ("$id", id)).ToList();

    /// <summary>Streams edges, optionally only those with a judgement.</summary>
    public IEnumerable<ResolverEdge> All(Judgement? judgement = null, bool usersOnly = false)
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        if (judgement is { } j)
        {
            clauses.Add("judgement = $j");
            parameters.Add(("$j", j.ToSql()));
        }

        if (usersOnly)
        {
            clauses.Add("user IS NOT NULL");
        }

        return Query(clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses), [.. parameters]);
    }

    /// <summary>The judgement log, newest first.</summary>
    public IReadOnlyList<EdgeLogEntry> Log(int limit = 100)
    {
        using var c = _db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT seq, left_id, right_id, judgement, user, created_at, prev_judgement, undone_at FROM resolver_edge_log ORDER BY seq DESC LIMIT $l";
        cmd.Parameters.AddWithValue("$l", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<EdgeLogEntry>();
        while (r.Read())
        {
            list.Add(new EdgeLogEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), Judgements.Parse(r.GetString(3)),
                r.IsDBNull(4) ? null : r.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
                r.IsDBNull(6) ? null : Judgements.Parse(r.GetString(6)), EntityStore.TimeAt(r, 7)));
        }

        return list;
    }

    private IEnumerable<ResolverEdge> Query(string where, params (string, object?)[] parameters)
    {
        using var c = _db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT left_id, right_id, judgement, score, model_version, user, created_at, explanation FROM resolver_edges {where}";
        EntityStore.Bind(cmd, parameters);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return Read(r);
        }
    }

    private static ResolverEdge? Get(SqliteConnection c, SqliteTransaction? tx, string left, string right)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT left_id, right_id, judgement, score, model_version, user, created_at, explanation FROM resolver_edges WHERE left_id = $l AND right_id = $r";
        cmd.Parameters.AddWithValue("$l", left);
        cmd.Parameters.AddWithValue("$r", right);
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    private static ResolverEdge Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), Judgements.Parse(r.GetString(2)),
        r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)), r.IsDBNull(7) ? null : r.GetString(7));

    private static void Upsert(SqliteConnection c, SqliteTransaction tx, ResolverEdge e) =>
        EntityStore.Exec(c, tx, """
            INSERT INTO resolver_edges (left_id, right_id, judgement, score, model_version, user, created_at, explanation)
            VALUES ($l, $r, $j, $s, $m, $u, $t, $e)
            ON CONFLICT (left_id, right_id) DO UPDATE SET judgement = excluded.judgement, score = excluded.score,
              model_version = excluded.model_version, user = excluded.user, created_at = excluded.created_at, explanation = excluded.explanation
            """,
            ("$l", e.LeftId), ("$r", e.RightId), ("$j", e.Judgement.ToSql()), ("$s", e.Score), ("$m", e.ModelVersion),
            ("$u", e.User), ("$t", EntityStore.Ms(e.CreatedAt)), ("$e", e.Explanation));
}
