-- Sources an admin has paused: the scheduler skips them until resumed. "Run now" still works,
-- so a paused source can be checked by hand. Who paused it and when is kept for the crawl page.
CREATE TABLE source_pauses (
    source    TEXT    NOT NULL PRIMARY KEY,
    paused_by TEXT    NOT NULL,
    paused_at INTEGER NOT NULL,
    reason    TEXT
);
