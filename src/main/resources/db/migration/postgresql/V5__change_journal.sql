-- The change journal behind /api/v1/changes and the webhooks: what the public could see when it was
-- last recorded (content_state, one row per visible item), the changes recorded since (content_change,
-- in the order of seq), and one head row that every recording server locks first, so that two servers
-- on this database record a change once, one after the other. journal_id tells this journal's tokens
-- from another database's.
CREATE TABLE change_journal (
    id          INTEGER     NOT NULL PRIMARY KEY CHECK (id = 1),
    journal_id  TEXT        NOT NULL,
    last_seq    BIGINT      NOT NULL,
    recorded_at TIMESTAMPTZ
);
INSERT INTO change_journal (id, journal_id, last_seq) VALUES (1, substr(md5(random()::text || clock_timestamp()::text), 1, 16), 0);

CREATE TABLE content_state (
    type       TEXT        NOT NULL,
    slug       TEXT        NOT NULL,
    digest     TEXT        NOT NULL,
    url        TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (type, slug)
);

CREATE TABLE content_change (
    seq         BIGINT      NOT NULL PRIMARY KEY,
    recorded_at TIMESTAMPTZ NOT NULL,
    type        TEXT        NOT NULL,
    slug        TEXT        NOT NULL,
    change      TEXT        NOT NULL CHECK (change IN ('created', 'updated', 'deleted')),
    url         TEXT
);

-- Webhook notices waiting to be delivered: written in the same transaction as the changes they tell
-- about, delivered and retried like mail (the shared outbox worker), never deleted.
CREATE TABLE webhook_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_token   TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    url             TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    gave_up_at      TIMESTAMPTZ,
    last_error      TEXT
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at) WHERE sent_at IS NULL AND gave_up_at IS NULL;
