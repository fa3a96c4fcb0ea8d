-- Staff of the GME office who sign in at /admin. email_key is the address in lower case. A password
-- is a bcrypt hash (none until the person follows their set-password link). programs: for a
-- coordinator, the slugs of their programs, comma-separated.
CREATE TABLE staff_account (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               TEXT    NOT NULL,
    email_key           TEXT    NOT NULL UNIQUE,
    role                TEXT    NOT NULL CHECK (role IN ('editor', 'publisher', 'coordinator', 'admin')),
    programs            TEXT    NOT NULL DEFAULT '',
    password_hash       TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    disabled_at         TIMESTAMPTZ
);

-- One row per signed-in browser; the cookie holds a random id, the table only its SHA-256.
CREATE TABLE staff_session (
    id_hash      TEXT    NOT NULL PRIMARY KEY,
    account_id   BIGINT  NOT NULL REFERENCES staff_account (id),
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    address      TEXT
);
CREATE INDEX staff_session_by_account ON staff_session (account_id);

-- One-time links to set a password (from add-staff), by the SHA-256 of their token.
CREATE TABLE staff_password_link (
    token_hash TEXT    NOT NULL PRIMARY KEY,
    account_id BIGINT  NOT NULL REFERENCES staff_account (id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

-- What staff did (signed in, failed to, saved, published, exported ...): appended, never changed by the
-- application. account_email is kept as written then (an account may later be renamed or removed).
CREATE TABLE audit_log (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL,
    account_id    BIGINT,
    account_email TEXT,
    action        TEXT    NOT NULL,
    detail        TEXT,
    address       TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_by_account_action ON audit_log (account_id, action, at);
