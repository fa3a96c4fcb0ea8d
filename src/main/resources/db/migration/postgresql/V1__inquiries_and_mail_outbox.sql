-- Applicants' questions to a program (or to the GME office), kept before any e-mail is tried.
CREATE TABLE inquiry (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference       TEXT        NOT NULL UNIQUE,
    received_at     TIMESTAMPTZ NOT NULL,
    program_slug    TEXT,
    program_title   TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    email           TEXT        NOT NULL,
    applicant_type  TEXT,
    graduation_year INTEGER,
    message         TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    spam            BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX inquiry_by_program ON inquiry (program_slug, received_at);
CREATE INDEX inquiry_by_time ON inquiry (received_at);

-- E-mail waiting to be sent: written in the same transaction as what it tells about, sent and
-- retried by the delivery worker, never deleted.
CREATE TABLE mail_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    inquiry_id      BIGINT REFERENCES inquiry (id),
    created_at      TIMESTAMPTZ NOT NULL,
    recipient       TEXT        NOT NULL,
    reply_to        TEXT,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    gave_up_at      TIMESTAMPTZ,
    last_error      TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND gave_up_at IS NULL;
CREATE INDEX mail_outbox_by_inquiry ON mail_outbox (inquiry_id);
