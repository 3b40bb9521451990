-- Crawl state: the resumable frontier of each crawl run, the log of every response with the
-- sha256 of its archived body, HTTP validators for conditional GET, and cached robots.txt.
-- Times are Unix milliseconds (UTC).

-- One row per URL a run must visit. A page is marked done in the same transaction as the
-- statements read from it, so after a crash a page is either fully stored or still pending.
CREATE TABLE crawl_frontier (
    run_id          INTEGER NOT NULL,
    url             TEXT    NOT NULL,
    depth           INTEGER NOT NULL DEFAULT 0,
    state           TEXT    NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
    status          INTEGER,
    sha256          TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    error           TEXT,
    discovered_from TEXT,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (run_id, url)
) WITHOUT ROWID;

CREATE INDEX crawl_frontier_state ON crawl_frontier (run_id, state);

-- Links found on each page of a run (the crawl graph).
CREATE TABLE crawl_links (
    run_id   INTEGER NOT NULL,
    from_url TEXT    NOT NULL,
    to_url   TEXT    NOT NULL,
    PRIMARY KEY (run_id, from_url, to_url)
) WITHOUT ROWID;

-- Every response a crawl received (or reused from the archive on 304), with request and
-- response metadata. sha256 names the archived body under <data>/archive/.
CREATE TABLE crawl_responses (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id           INTEGER,
    source           TEXT,
    url              TEXT    NOT NULL,
    final_url        TEXT,
    method           TEXT    NOT NULL,
    request_headers  TEXT,
    status           INTEGER NOT NULL,
    response_headers TEXT,
    content_type     TEXT,
    sha256           TEXT,
    size             INTEGER,
    not_modified     INTEGER NOT NULL DEFAULT 0,
    rendered         INTEGER NOT NULL DEFAULT 0,
    attempts         INTEGER NOT NULL DEFAULT 1,
    elapsed_ms       INTEGER,
    fetched_at       INTEGER NOT NULL
);

CREATE INDEX crawl_responses_run ON crawl_responses (run_id, url);
CREATE INDEX crawl_responses_sha ON crawl_responses (sha256);

-- Validators of the last good response per URL: a conditional GET sends them, and a 304
-- reuses the archived body named by sha256.
CREATE TABLE crawl_http_cache (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    sha256        TEXT    NOT NULL,
    status        INTEGER NOT NULL,
    content_type  TEXT,
    final_url     TEXT,
    fetched_at    INTEGER NOT NULL
) WITHOUT ROWID;

-- robots.txt per origin (scheme://host:port), parsed per user agent when used.
CREATE TABLE crawl_robots (
    origin     TEXT PRIMARY KEY,
    status     INTEGER NOT NULL,
    body       TEXT,
    fetched_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
