namespace OsintResolver.Store.Crawl;

/// <summary>A source an admin paused: who, when and why.</summary>
public sealed record SourcePause(string Source, string PausedBy, DateTimeOffset PausedAt, string? Reason);

/// <summary>
/// Which sources are paused. The store holds it, so a pause made in the web app reaches an
/// `osint schedule` running in another process at its next check.
/// </summary>
public sealed class SourcePauses(EntityStore store)
{
    public const int MaxReason = 500;

    public void Pause(string source, string user, string? reason = null)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is { Length: > MaxReason })
        {
            throw new Model.Errors.InvalidInputException($"a pause reason is at most {MaxReason} characters (got {reason.Length})");
        }

        using var c = store.OpenConnection();
        EntityStore.Exec(c, null, """
            INSERT INTO source_pauses (source, paused_by, paused_at, reason) VALUES ($s, $u, $t, $r)
            ON CONFLICT (source) DO UPDATE SET paused_by = excluded.paused_by, paused_at = excluded.paused_at, reason = excluded.reason
            """, ("$s", source), ("$u", user), ("$t", EntityStore.Ms(store.Time.GetUtcNow())), ("$r", reason));
    }

    /// <summary>Resumes a source; false when it was not paused.</summary>
    public bool Resume(string source)
    {
        using var c = store.OpenConnection();
        return EntityStore.Exec(c, null, "DELETE FROM source_pauses WHERE source = $s", ("$s", source)) > 0;
    }

    public IReadOnlyDictionary<string, SourcePause> List()
    {
        using var c = store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT source, paused_by, paused_at, reason FROM source_pauses";
        using var r = cmd.ExecuteReader();
        var pauses = new Dictionary<string, SourcePause>(StringComparer.Ordinal);
        while (r.Read())
        {
            pauses[r.GetString(0)] = new SourcePause(r.GetString(0), r.GetString(1), EntityStore.TimeAt(r, 2)!.Value, r.IsDBNull(3) ? null : r.GetString(3));
        }

        return pauses;
    }

    /// <summary>The names of the paused sources, for the scheduler's check before each due run.</summary>
    public IReadOnlySet<string> Names() => List().Keys.ToHashSet(StringComparer.Ordinal);

    public bool IsPaused(string source) => List().ContainsKey(source);
}
