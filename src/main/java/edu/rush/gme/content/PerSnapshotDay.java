package edu.rush.gme.content;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * Something derived from the visible content (the program finder, the search index): built once
 * per content version and {@link ContentSnapshot#visibilityKey visibility key} (the day in the site's
 * time zone and the scheduled moments passed), because publish and expiry times take effect to the
 * minute and application windows by the day. Built whole, then swapped in with one reference, so
 * readers see an old or a new one, never half of one; one build at a time.
 */
public final class PerSnapshotDay<T> {

    private record Built<T>(String version, String visibility, T value) {
    }

    private final BiFunction<ContentSnapshot, Instant, T> builder;
    private final AtomicReference<Built<T>> current = new AtomicReference<>();

    public PerSnapshotDay(BiFunction<ContentSnapshot, Instant, T> builder) {
        this.builder = builder;
    }

    /** The value for this snapshot and day, built now if it is not the one held. */
    public T get(ContentSnapshot snapshot, Instant now) {
        Built<T> built = current.get();
        if (built != null && isFor(built, snapshot, now)) {
            return built.value();
        }
        return build(snapshot, now);
    }

    private synchronized T build(ContentSnapshot snapshot, Instant now) {
        Built<T> built = current.get();
        if (built == null || !isFor(built, snapshot, now)) {
            built = new Built<>(snapshot.version(), snapshot.visibilityKey(now), builder.apply(snapshot, now));
            current.set(built);
        }
        return built.value();
    }

    private static boolean isFor(Built<?> built, ContentSnapshot snapshot, Instant now) {
        return built.version().equals(snapshot.version()) && built.visibility().equals(snapshot.visibilityKey(now));
    }
}
