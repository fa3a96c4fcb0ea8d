-- Searches that found nothing, counted per normalized query, so that staff can add synonyms and
-- pages for what applicants look for. Written from memory once a minute and at shutdown.
CREATE TABLE search_miss (
    query      TEXT    NOT NULL PRIMARY KEY,
    count      BIGINT  NOT NULL,
    first_seen TIMESTAMPTZ NOT NULL,
    last_seen  TIMESTAMPTZ NOT NULL
);
CREATE INDEX search_miss_by_last_seen ON search_miss (last_seen);
