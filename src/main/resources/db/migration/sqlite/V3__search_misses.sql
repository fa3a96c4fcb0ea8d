-- Searches that found nothing, counted per normalized query, so that staff can add synonyms and
-- pages for what applicants look for. Written from memory once a minute and at shutdown.
CREATE TABLE search_miss (
    query      TEXT    NOT NULL PRIMARY KEY,
    count      INTEGER NOT NULL,
    first_seen TEXT    NOT NULL,
    last_seen  TEXT    NOT NULL
);
CREATE INDEX search_miss_by_last_seen ON search_miss (last_seen);
