package edu.rush.gme.content;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * Something derived from the visible content (the program finder, the search index): built once
 * per content version and {@link ContentSnapshot#visibilityKey visibility key} (the day in the site's
 * time zone and the scheduled moments passed), because publish and expiry times take effect to the
 * minute and application windows by the day. Built whole, then swapped in with one reference, so
 * readers see an old or a new one, never half of one; one build at a time. The last {@value #KEPT}
 * built are kept, so a preview (another version, or another time) asked between public requests
 * does not make the public one be built again each time.
 */
public final class PerSnapshotDay<T> {

    private record Built<T>(String version, String visibility, T value) {
    }

    private final BiFunction<ContentSnapshot, Instant, T> builder;
    /** How many values are kept: the public one and one preview's. */
    public static final int KEPT = 2;

    /** Most recently built first. */
    private final AtomicReference<java.util.List<Built<T>>> current = new AtomicReference<>(java.util.List.of());

    public PerSnapshotDay(BiFunction<ContentSnapshot, Instant, T> builder) {
        this.builder = builder;
    }

    /** The value for this snapshot and day, built now if it is not the one held. */
    public T get(ContentSnapshot snapshot, Instant now) {
        for (Built<T> built : current.get()) {
            if (isFor(built, snapshot, now)) {
                return built.value();
            }
        }
        return build(snapshot, now);
    }

    private synchronized T build(ContentSnapshot snapshot, Instant now) {
        java.util.List<Built<T>> kept = current.get();
        for (Built<T> built : kept) {
            if (isFor(built, snapshot, now)) {
                return built.value();
            }
        }
        Built<T> built = new Built<>(snapshot.version(), snapshot.visibilityKey(now), builder.apply(snapshot, now));
        java.util.List<Built<T>> next = new java.util.ArrayList<>(KEPT);
        next.add(built);
        kept.stream().limit(KEPT - 1).forEach(next::add);
        current.set(java.util.List.copyOf(next));
        return built.value();
    }

    private static boolean isFor(Built<?> built, ContentSnapshot snapshot, Instant now) {
        return built.version().equals(snapshot.version()) && built.visibility().equals(snapshot.visibilityKey(now));
    }
}
