-- Statements: one property value of one entity as one dataset stated it, with provenance.
-- Keyed by entity first so an entity's statements share pages: assembling an entity is one
-- range scan and no secondary index is needed for it. Times are Unix milliseconds (UTC).
CREATE TABLE statements (
    entity_id      TEXT    NOT NULL,
    id             INTEGER NOT NULL,  -- 64-bit hash of (dataset, entity_id, prop, value, lang)
    schema         TEXT    NOT NULL,
    prop           TEXT    NOT NULL,
    value          TEXT    NOT NULL,
    original_value TEXT,
    lang           TEXT,
    dataset        TEXT    NOT NULL,
    source_url     TEXT,
    archive_sha256 TEXT,
    run_id         INTEGER,
    first_seen     INTEGER NOT NULL,
    last_seen      INTEGER NOT NULL,
    PRIMARY KEY (entity_id, id)
) WITHOUT ROWID;

-- One row per (entity, dataset): its schema and lifetime, so stats and listings need no scan
-- of the statements. Change detection is left to consumers (the resolver fingerprints entities).
CREATE TABLE entities (
    id         TEXT    NOT NULL,
    dataset    TEXT    NOT NULL,
    schema     TEXT    NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    PRIMARY KEY (id, dataset)
) WITHOUT ROWID;

CREATE INDEX entities_dataset ON entities (dataset, schema);

-- Reverse index of entity-reference values (Ownership.owner → the owner), for expanding an
-- entity's relationships. It is an index, not a source of truth: readers re-check the referring
-- entity, so a stale row costs a lookup, never a wrong answer.
CREATE TABLE entity_refs (
    target_id TEXT NOT NULL,
    source_id TEXT NOT NULL,
    prop      TEXT NOT NULL,
    PRIMARY KEY (target_id, source_id, prop)
) WITHOUT ROWID;

-- A dataset's current snapshot is what its last successful full run stated: statements with
-- last_seen >= current_since. Older statements stay as history.
CREATE TABLE datasets (
    name          TEXT PRIMARY KEY,
    title         TEXT,
    current_run   INTEGER,
    current_since INTEGER,
    updated_at    INTEGER
);

CREATE TABLE runs (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    dataset    TEXT    NOT NULL,
    kind       TEXT    NOT NULL,             -- import | crawl
    state      TEXT    NOT NULL,             -- running | succeeded | failed
    mode       TEXT    NOT NULL,             -- direct | staged
    snapshot   INTEGER NOT NULL DEFAULT 1,   -- 1: a full snapshot that retires unseen values
    source     TEXT,
    started_at INTEGER NOT NULL,
    ended_at   INTEGER,
    heartbeat  INTEGER,
    stats      TEXT,                         -- JSON
    error      TEXT
);

CREATE INDEX runs_dataset ON runs (dataset, started_at);

-- Statements of a staged run wait here until the run succeeds and is promoted, so a run that
-- fails its assertions never replaces the last good data.
CREATE TABLE staged_statements (
    run_id         INTEGER NOT NULL,
    entity_id      TEXT    NOT NULL,
    id             INTEGER NOT NULL,
    schema         TEXT    NOT NULL,
    prop           TEXT    NOT NULL,
    value          TEXT    NOT NULL,
    original_value TEXT,
    lang           TEXT,
    dataset        TEXT    NOT NULL,
    source_url     TEXT,
    archive_sha256 TEXT,
    PRIMARY KEY (run_id, entity_id, id)
) WITHOUT ROWID;
