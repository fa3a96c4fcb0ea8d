package edu.rush.gme.changes;

import java.time.Instant;

/**
 * One entry of the change journal: an item of a content type became visible ({@code created}), changed
 * while visible ({@code updated}) or stopped being visible ({@code deleted}: removed, made a draft,
 * expired, moved).
 *
 * @param seq  its place in the journal (1, 2, 3 ...; the order the changes were recorded in)
 * @param path the item's path on the site, e.g. {@code /news/open-house}; null when deleted
 */
public record Change(long seq, Instant at, String type, String slug, String change, String path) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";
}
