-- Clusters of source entities judged to be one: only members of clusters with two or more
-- entities have a row; any other entity is its own canonical entity under its own id.
CREATE TABLE resolver_clusters (
    entity_id    TEXT    NOT NULL PRIMARY KEY,
    canonical_id TEXT    NOT NULL,
    updated_at   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX resolver_clusters_canonical ON resolver_clusters (canonical_id);

-- Every canonical id ever issued. A retired id (its cluster dissolved) is never issued again,
-- so a link someone saved to a canonical entity never silently points at another one.
CREATE TABLE resolver_canonical_ids (
    canonical_id TEXT    NOT NULL PRIMARY KEY,
    created_at   INTEGER NOT NULL,
    retired_at   INTEGER
) WITHOUT ROWID;

-- What each entity looked like when it was last scored, so an incremental run scores only
-- pairs that involve new or changed entities.
CREATE TABLE resolver_fingerprints (
    entity_id   TEXT    NOT NULL PRIMARY KEY,
    fingerprint INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- Settings of the last run that decide whether old scores are still valid (model version,
-- thresholds). A different model means every pair is scored again.
CREATE TABLE resolver_state (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Pairs a user skipped in the review queue; they come back after the other suggestions.
CREATE TABLE resolver_review_skips (
    user       TEXT    NOT NULL,
    left_id    TEXT    NOT NULL,
    right_id   TEXT    NOT NULL,
    skipped_at INTEGER NOT NULL,
    PRIMARY KEY (user, left_id, right_id)
) WITHOUT ROWID;
