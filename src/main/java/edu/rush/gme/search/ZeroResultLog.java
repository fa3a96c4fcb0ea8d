package edu.rush.gme.search;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Searches that found nothing: what was typed (normalized), how often, and when last. Staff read
 * it to add synonyms and content. Kept in memory and bounded: when full, the entry seen longest
 * ago makes room.
 */
public final class ZeroResultLog {

    /** One query that found nothing. */
    public record Entry(String query, long count, Instant lastSeen) {
    }

    static final int MAX_ENTRIES = 1000;
    private static final int MAX_QUERY = 100;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public void record(String query, Instant when) {
        String key = query.toLowerCase(Locale.ROOT).strip();
        if (key.isEmpty()) {
            return;
        }
        if (key.length() > MAX_QUERY) {
            key = key.substring(0, MAX_QUERY);
        }
        if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
            entries.values().stream().min(Comparator.comparing(Entry::lastSeen))
                    .ifPresent(oldest -> entries.remove(oldest.query()));
        }
        entries.merge(key, new Entry(key, 1, when), (old, fresh) -> new Entry(old.query(), old.count() + 1, when));
    }

    /** Most frequent first. */
    public List<Entry> entries() {
        return entries.values().stream()
                .sorted(Comparator.comparingLong(Entry::count).reversed().thenComparing(Entry::lastSeen, Comparator.reverseOrder()))
                .toList();
    }
}
