using Microsoft.Data.Sqlite;
using OsintResolver.Store.Edges;

namespace OsintResolver.Store.Resolution;

/// <summary>
/// The resolver's own tables (migration 0200): clusters with their stable canonical ids, the
/// registry of issued canonical ids, entity fingerprints for incremental runs, run state, and
/// review-queue skips. Resolver edges themselves live in <see cref="EdgeStore"/>.
/// </summary>
public sealed class ResolutionStore
{
    private readonly EntityStore _store;

    public ResolutionStore(EntityStore store) => _store = store;

    // ---- clusters -----------------------------------------------------------------------------

    /// <summary>Entity id → canonical id for every entity in a cluster of two or more.</summary>
    public Dictionary<string, string> LoadClusters()
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT entity_id, canonical_id FROM resolver_clusters";
        using var r = cmd.ExecuteReader();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read())
        {
            map[r.GetString(0)] = r.GetString(1);
        }

        return map;
    }

    /// <summary>
    /// Entity id → canonical id for every member of the clusters that hold any of these ids, as
    /// member or as canonical id; ids in no cluster are absent. Reads only those clusters, so it
    /// suits request paths where <see cref="LoadClusters"/> would read the whole table.
    /// </summary>
    public Dictionary<string, string> ClustersOf(IEnumerable<string> ids)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var c = _store.OpenConnection();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(400))
        {
            using var cmd = c.CreateCommand();
            var names = chunk.Select((id, i) => $"$p{i}").ToList();
            var list = string.Join(", ", names);
            cmd.CommandText = $"""
                SELECT entity_id, canonical_id FROM resolver_clusters WHERE canonical_id IN (
                    SELECT canonical_id FROM resolver_clusters WHERE entity_id IN ({list})
                    UNION SELECT canonical_id FROM resolver_clusters WHERE canonical_id IN ({list}))
                ORDER BY entity_id
                """;
            for (var i = 0; i < chunk.Length; i++)
            {
                cmd.Parameters.AddWithValue(names[i], chunk[i]);
            }

            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                map[r.GetString(0)] = r.GetString(1);
            }
        }

        return map;
    }

    /// <summary>The canonical id of an entity: its cluster's id, or its own id when it stands alone.</summary>
    public string CanonicalOf(string entityId)
    {
        using var c = _store.OpenConnection();
        return (string?)EntityStore.Scalar(c, null, "SELECT canonical_id FROM resolver_clusters WHERE entity_id = $e", ("$e", entityId)) ?? entityId;
    }

    /// <summary>
    /// The source entities of a canonical entity, given its canonical id or any member's id;
    /// a lone entity is its own only member. Sorted by id.
    /// </summary>
    public IReadOnlyList<string> Members(string id)
    {
        using var c = _store.OpenConnection();
        var canonical = (string?)EntityStore.Scalar(c, null, "SELECT canonical_id FROM resolver_clusters WHERE entity_id = $e", ("$e", id)) ?? id;
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT entity_id FROM resolver_clusters WHERE canonical_id = $c ORDER BY entity_id";
        cmd.Parameters.AddWithValue("$c", canonical);
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list.Count > 0 ? list : [id];
    }

    /// <summary>Whether the id was ever issued as a canonical id (and so may not be issued again).</summary>
    public HashSet<string> IssuedCanonicalIds()
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT canonical_id FROM resolver_canonical_ids";
        using var r = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read())
        {
            set.Add(r.GetString(0));
        }

        return set;
    }

    /// <summary>
    /// Replaces the cluster rows of the entities in <paramref name="scope"/> with
    /// <paramref name="assignment"/> (entity → canonical id; entities of the scope missing from
    /// it stand alone). New canonical ids are registered; ids no entity holds any more are retired.
    /// </summary>
    public void ApplyClusters(IReadOnlyCollection<string> scope, IReadOnlyDictionary<string, string> assignment)
    {
        var now = EntityStore.Ms(_store.Time.GetUtcNow());
        using var c = _store.OpenConnection();
        using var tx = c.BeginTransaction();
        var before = new HashSet<string>(StringComparer.Ordinal);
        using (var select = Prepared(c, tx, "SELECT canonical_id FROM resolver_clusters WHERE entity_id = $e", "$e"))
        {
            foreach (var id in scope)
            {
                select.Parameters[0].Value = id;
                if (select.ExecuteScalar() is string canonical)
                {
                    before.Add(canonical);
                }
            }
        }

        using (var delete = Prepared(c, tx, "DELETE FROM resolver_clusters WHERE entity_id = $e", "$e"))
        {
            foreach (var id in scope)
            {
                delete.Parameters[0].Value = id;
                delete.ExecuteNonQuery();
            }
        }

        using (var insert = Prepared(c, tx, "INSERT OR REPLACE INTO resolver_clusters (entity_id, canonical_id, updated_at) VALUES ($e, $c, $t)", "$e", "$c", "$t"))
        using (var register = Prepared(c, tx, "INSERT INTO resolver_canonical_ids (canonical_id, created_at) VALUES ($c, $t) ON CONFLICT (canonical_id) DO UPDATE SET retired_at = NULL", "$c", "$t"))
        {
            var registered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (entity, canonical) in assignment)
            {
                insert.Parameters[0].Value = entity;
                insert.Parameters[1].Value = canonical;
                insert.Parameters[2].Value = now;
                insert.ExecuteNonQuery();
                if (registered.Add(canonical))
                {
                    register.Parameters[0].Value = canonical;
                    register.Parameters[1].Value = now;
                    register.ExecuteNonQuery();
                }
            }

            before.ExceptWith(registered);
        }

        using (var retire = Prepared(c, tx,
                   "UPDATE resolver_canonical_ids SET retired_at = $t WHERE canonical_id = $c AND NOT EXISTS (SELECT 1 FROM resolver_clusters WHERE canonical_id = $c)", "$c", "$t"))
        {
            foreach (var gone in before)
            {
                retire.Parameters[0].Value = gone;
                retire.Parameters[1].Value = now;
                retire.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }

    // ---- fingerprints and state ---------------------------------------------------------------

    public Dictionary<string, long> LoadFingerprints()
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT entity_id, fingerprint FROM resolver_fingerprints";
        using var r = cmd.ExecuteReader();
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        while (r.Read())
        {
            map[r.GetString(0)] = r.GetInt64(1);
        }

        return map;
    }

    /// <summary>Records fingerprints of scored entities and forgets those of removed ones.</summary>
    public void SaveFingerprints(IEnumerable<KeyValuePair<string, long>> changed, IEnumerable<string> removed)
    {
        var now = EntityStore.Ms(_store.Time.GetUtcNow());
        using var c = _store.OpenConnection();
        using var tx = c.BeginTransaction();
        using (var upsert = Prepared(c, tx, "INSERT OR REPLACE INTO resolver_fingerprints (entity_id, fingerprint, updated_at) VALUES ($e, $f, $t)", "$e", "$f", "$t"))
        {
            foreach (var (id, fingerprint) in changed)
            {
                upsert.Parameters[0].Value = id;
                upsert.Parameters[1].Value = fingerprint;
                upsert.Parameters[2].Value = now;
                upsert.ExecuteNonQuery();
            }
        }

        using (var delete = Prepared(c, tx, "DELETE FROM resolver_fingerprints WHERE entity_id = $e", "$e"))
        {
            foreach (var id in removed)
            {
                delete.Parameters[0].Value = id;
                delete.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }

    public string? GetState(string key)
    {
        using var c = _store.OpenConnection();
        return (string?)EntityStore.Scalar(c, null, "SELECT value FROM resolver_state WHERE key = $k", ("$k", key));
    }

    public void SetState(string key, string value)
    {
        using var c = _store.OpenConnection();
        EntityStore.Exec(c, null, "INSERT OR REPLACE INTO resolver_state (key, value) VALUES ($k, $v)", ("$k", key), ("$v", value));
    }

    // ---- edges the resolver owns ----------------------------------------------------------------

    /// <summary>
    /// Deletes the model's edges (never an analyst's) that touch any of the entities, before
    /// they are scored again. Returns how many were deleted.
    /// </summary>
    public int DeleteModelEdges(IEnumerable<string> entityIds)
    {
        using var c = _store.OpenConnection();
        using var tx = c.BeginTransaction();
        var count = 0;
        using (var delete = Prepared(c, tx, "DELETE FROM resolver_edges WHERE user IS NULL AND (left_id = $e OR right_id = $e)", "$e"))
        {
            foreach (var id in entityIds)
            {
                delete.Parameters[0].Value = id;
                count += delete.ExecuteNonQuery();
            }
        }

        tx.Commit();
        return count;
    }

    /// <summary>Deletes every model edge (for a full re-score); analyst judgements stay.</summary>
    public int DeleteAllModelEdges()
    {
        using var c = _store.OpenConnection();
        return EntityStore.Exec(c, null, "DELETE FROM resolver_edges WHERE user IS NULL");
    }

    /// <summary>
    /// The edges clustering needs: every analyst judgement, and model edges scoring at least
    /// <paramref name="autoMerge"/>.
    /// </summary>
    public IEnumerable<ResolverEdge> ClusteringEdges(double autoMerge) =>
        QueryEdges("WHERE user IS NOT NULL OR (judgement = 'positive' AND score >= $a)", ("$a", autoMerge));

    /// <summary>Model suggestions between the thresholds, most uncertain first.</summary>
    public IEnumerable<ResolverEdge> ReviewCandidates(double review, double autoMerge, int limit) =>
        QueryEdges("WHERE user IS NULL AND score >= $r AND score < $a ORDER BY abs(score - 0.5), left_id, right_id LIMIT $l",
            ("$r", review), ("$a", autoMerge), ("$l", limit));

    /// <summary>How many model suggestions wait between the thresholds.</summary>
    public long CountReviewCandidates(double review, double autoMerge)
    {
        using var c = _store.OpenConnection();
        return (long)EntityStore.Scalar(c, null, "SELECT count(*) FROM resolver_edges WHERE user IS NULL AND score >= $r AND score < $a",
            ("$r", review), ("$a", autoMerge))!;
    }

    private IEnumerable<ResolverEdge> QueryEdges(string where, params (string, object?)[] parameters)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT left_id, right_id, judgement, score, model_version, user, created_at, explanation FROM resolver_edges {where}";
        EntityStore.Bind(cmd, parameters);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new ResolverEdge(r.GetString(0), r.GetString(1), Judgements.Parse(r.GetString(2)),
                r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)), r.IsDBNull(7) ? null : r.GetString(7));
        }
    }

    // ---- review skips -------------------------------------------------------------------------

    public void AddSkip(string user, string a, string b)
    {
        var (left, right) = ResolverEdge.Order(a, b);
        using var c = _store.OpenConnection();
        EntityStore.Exec(c, null, "INSERT OR REPLACE INTO resolver_review_skips (user, left_id, right_id, skipped_at) VALUES ($u, $l, $r, $t)",
            ("$u", user), ("$l", left), ("$r", right), ("$t", EntityStore.Ms(_store.Time.GetUtcNow())));
    }

    public HashSet<(string Left, string Right)> Skips(string user)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT left_id, right_id FROM resolver_review_skips WHERE user = $u";
        cmd.Parameters.AddWithValue("$u", user);
        using var r = cmd.ExecuteReader();
        var set = new HashSet<(string, string)>();
        while (r.Read())
        {
            set.Add((r.GetString(0), r.GetString(1)));
        }

        return set;
    }

    public void ClearSkips(string user)
    {
        using var c = _store.OpenConnection();
        EntityStore.Exec(c, null, "DELETE FROM resolver_review_skips WHERE user = $u", ("$u", user));
    }

    private static SqliteCommand Prepared(SqliteConnection c, SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var name in names)
        {
            cmd.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        cmd.Prepare();
        return cmd;
    }
}
