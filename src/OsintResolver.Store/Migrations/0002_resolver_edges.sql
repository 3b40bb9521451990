-- Resolver edges: a judgement that two entities are (not) the same, from the model or a user.
-- left_id < right_id, so each pair has one row. A user's judgement is never overwritten by the
-- model; every change is also appended to resolver_edge_log for audit and undo.
CREATE TABLE resolver_edges (
    left_id       TEXT    NOT NULL,
    right_id      TEXT    NOT NULL,
    judgement     TEXT    NOT NULL CHECK (judgement IN ('positive', 'negative', 'unsure', 'no_judgement')),
    score         REAL,
    model_version TEXT,
    user          TEXT,
    created_at    INTEGER NOT NULL,
    explanation   TEXT,
    PRIMARY KEY (left_id, right_id),
    CHECK (left_id < right_id)
) WITHOUT ROWID;

CREATE INDEX resolver_edges_right ON resolver_edges (right_id);
CREATE INDEX resolver_edges_judgement ON resolver_edges (judgement, score);

-- Every user judgement, with the edge it replaced (prev_*), so any decision can be undone
-- exactly, back to the model's suggestion or to no edge at all.
CREATE TABLE resolver_edge_log (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    left_id            TEXT    NOT NULL,
    right_id           TEXT    NOT NULL,
    judgement          TEXT    NOT NULL,
    score              REAL,
    model_version      TEXT,
    user               TEXT,
    created_at         INTEGER NOT NULL,
    prev_judgement     TEXT,
    prev_score         REAL,
    prev_model_version TEXT,
    prev_user          TEXT,
    prev_created_at    INTEGER,
    prev_explanation   TEXT,
    undone_at          INTEGER
);

CREATE INDEX resolver_edge_log_user ON resolver_edge_log (user, seq);
