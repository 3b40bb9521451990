-- Web users and their API keys. Passwords are stored only as ASP.NET Core password-hasher
-- hashes (PBKDF2 with salt); API keys only as SHA-256 of the full key, which is high-entropy
-- random text, so a fast hash is enough and lookups stay cheap. security_stamp changes on every
-- change of password or role, which ends existing sign-in sessions.
CREATE TABLE users (
    name           TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    role           TEXT    NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    password_hash  TEXT    NOT NULL,
    security_stamp TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);

CREATE TABLE api_keys (
    id           TEXT    NOT NULL PRIMARY KEY,   -- the public part of the key, shown in listings
    user_name    TEXT    NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    secret_hash  TEXT    NOT NULL,               -- hex SHA-256 of the whole key
    label        TEXT,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);

CREATE INDEX api_keys_user ON api_keys (user_name);
