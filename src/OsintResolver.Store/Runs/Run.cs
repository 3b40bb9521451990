namespace OsintResolver.Store.Runs;

public enum RunKind
{
    Import,
    Crawl,
}

public enum RunState
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// How a run writes. <see cref="Direct"/> writes statements in place (imports: fast, and a
/// failure keeps what was written). <see cref="Staged"/> holds them aside until the run succeeds,
/// so a crawl that fails its assertions never replaces the last good data.
/// </summary>
public enum WriteMode
{
    Direct,
    Staged,
}

/// <summary>One import or crawl of a dataset, with its state and stats (JSON).</summary>
public sealed record Run(
    long Id,
    string Dataset,
    RunKind Kind,
    RunState State,
    WriteMode Mode,
    bool Snapshot,
    string? Source,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? Heartbeat,
    string? StatsJson,
    string? Error);

/// <summary>A dataset and the run whose statements are current.</summary>
public sealed record DatasetInfo(string Name, string? Title, long? CurrentRun, DateTimeOffset? CurrentSince, DateTimeOffset? UpdatedAt);

/// <summary>Where statements written together came from.</summary>
public sealed record Provenance(string? SourceUrl = null, string? ArchiveSha256 = null);
