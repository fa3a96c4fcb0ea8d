-- Registrations for events. One row per event in event_tally holds its seats: capacity (null: no
-- limit), how many are confirmed, and a counter of arrivals that numbers each registration in the
-- order the database took it. A registration first updates its event's row, so registrations for one
-- event are taken one at a time by the database itself (a row lock on PostgreSQL, the write lock on
-- SQLite), and a seat is taken only by "UPDATE ... WHERE confirmed < capacity": never more seats than
-- the capacity, whichever server asks. The same row remembers what registrants were last told about
-- the event (its schedule, the calendar SEQUENCE, the recording), so notices go out once.
CREATE TABLE event_tally (
    event_slug        TEXT    NOT NULL PRIMARY KEY,
    capacity          INTEGER,
    confirmed         INTEGER NOT NULL DEFAULT 0,
    arrivals          INTEGER NOT NULL DEFAULT 0,
    schedule          TEXT,
    sequence          INTEGER NOT NULL DEFAULT 0,
    recording         TEXT,
    CHECK (confirmed >= 0)
);

-- status: confirmed, waitlisted or cancelled. arrival: the event's arrival number (waitlist order).
-- email_key: the address in lower case; one registration per address and event that is not cancelled.
-- day_reminder_for / hour_reminder_for: the start time a reminder was sent for (a new time sends again).
CREATE TABLE event_registration (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    reference         TEXT    NOT NULL UNIQUE,
    event_slug        TEXT    NOT NULL REFERENCES event_tally (event_slug),
    event_title       TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    email             TEXT    NOT NULL,
    email_key         TEXT    NOT NULL,
    applicant_type    TEXT,
    programs          TEXT    NOT NULL DEFAULT '',
    accessibility     TEXT,
    status            TEXT    NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    arrival           INTEGER NOT NULL,
    registered_at     TEXT    NOT NULL,
    confirmed_at      TEXT,
    cancelled_at      TEXT,
    channel           TEXT    NOT NULL,
    day_reminder_for  TEXT,
    hour_reminder_for TEXT
);
CREATE UNIQUE INDEX event_registration_once ON event_registration (event_slug, email_key) WHERE status <> 'cancelled';
CREATE UNIQUE INDEX event_registration_arrival ON event_registration (event_slug, arrival);
CREATE INDEX event_registration_by_status ON event_registration (event_slug, status, arrival);

-- Mail about a registration, and an iCalendar file to attach (text/calendar; its METHOD names the kind).
ALTER TABLE mail_outbox ADD COLUMN registration_id INTEGER REFERENCES event_registration (id);
ALTER TABLE mail_outbox ADD COLUMN calendar TEXT;
CREATE INDEX mail_outbox_by_registration ON mail_outbox (registration_id);
