package edu.rush.gme.search;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Searches that found nothing: what was typed (normalized), how often, and when first and last.
 * Kept in memory and bounded (when full, the entry seen longest ago makes room) until
 * {@link SearchMisses} takes them into the database; staff export them from there.
 */
public final class ZeroResultLog {

    /** One query that found nothing. */
    public record Entry(String query, long count, Instant firstSeen, Instant lastSeen) {
    }

    static final int MAX_ENTRIES = 1000;
    private static final int MAX_QUERY = 100;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Searches recorded since start-up (for /metrics; the database keeps the lasting count). */
    private final java.util.concurrent.atomic.LongAdder recorded = new java.util.concurrent.atomic.LongAdder();

    public void record(String query, Instant when) {
        String key = query.toLowerCase(Locale.ROOT).strip();
        if (key.isEmpty()) {
            return;
        }
        recorded.increment();
        if (key.length() > MAX_QUERY) {
            key = key.substring(0, MAX_QUERY);
        }
        if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
            entries.values().stream().min(Comparator.comparing(Entry::lastSeen))
                    .ifPresent(oldest -> entries.remove(oldest.query()));
        }
        entries.merge(key, new Entry(key, 1, when, when), (old, fresh) -> new Entry(old.query(), old.count() + 1, old.firstSeen(), when));
    }

    /** How many searches that found nothing this server has answered since it started. */
    public long recorded() {
        return recorded.sum();
    }

    /** Takes every entry out (to be stored); searches recorded meanwhile stay for the next time. */
    public List<Entry> drain() {
        List<Entry> taken = new java.util.ArrayList<>();
        for (String key : entries.keySet()) {
            Entry entry = entries.remove(key);
            if (entry != null) {
                taken.add(entry);
            }
        }
        return taken;
    }

    /** Puts entries back (storing them failed): they are counted again with what came since. */
    public void restore(List<Entry> taken) {
        for (Entry entry : taken) {
            entries.merge(entry.query(), entry, (now, old) -> new Entry(now.query(), now.count() + old.count(),
                    old.firstSeen().isBefore(now.firstSeen()) ? old.firstSeen() : now.firstSeen(), now.lastSeen()));
        }
    }

    /** Most frequent first. */
    public List<Entry> entries() {
        return entries.values().stream()
                .sorted(Comparator.comparingLong(Entry::count).reversed().thenComparing(Entry::lastSeen, Comparator.reverseOrder()))
                .toList();
    }
}
