-- Staff of the GME office who sign in at /admin. email_key is the address in lower case. A password
-- is a bcrypt hash (none until the person follows their set-password link). programs: for a
-- coordinator, the slugs of their programs, comma-separated.
CREATE TABLE staff_account (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    email               TEXT    NOT NULL,
    email_key           TEXT    NOT NULL UNIQUE,
    role                TEXT    NOT NULL CHECK (role IN ('editor', 'publisher', 'coordinator', 'admin')),
    programs            TEXT    NOT NULL DEFAULT '',
    password_hash       TEXT,
    created_at          TEXT NOT NULL,
    disabled_at         TEXT
);

-- One row per signed-in browser; the cookie holds a random id, the table only its SHA-256.
CREATE TABLE staff_session (
    id_hash      TEXT    NOT NULL PRIMARY KEY,
    account_id   BIGINT  NOT NULL REFERENCES staff_account (id),
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    address      TEXT
);
CREATE INDEX staff_session_by_account ON staff_session (account_id);

-- One-time links to set a password (from add-staff), by the SHA-256 of their token.
CREATE TABLE staff_password_link (
    token_hash TEXT    NOT NULL PRIMARY KEY,
    account_id BIGINT  NOT NULL REFERENCES staff_account (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);

-- What staff did (signed in, failed to, saved, published, exported ...): appended, never changed by the
-- application. account_email is kept as written then (an account may later be renamed or removed).
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT NOT NULL,
    account_id    BIGINT,
    account_email TEXT,
    action        TEXT    NOT NULL,
    detail        TEXT,
    address       TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_by_account_action ON audit_log (account_id, action, at);
