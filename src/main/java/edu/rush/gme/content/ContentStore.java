package edu.rush.gme.content;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link ContentSnapshot}. Readers take the snapshot once per request and see
 * one consistent version of the site; a reload builds a whole new snapshot and swaps it in.
 */
public final class ContentStore {

    private final ContentLoader loader;
    private final Clock clock;
    private final AtomicReference<ContentSnapshot> current = new AtomicReference<>();

    public ContentStore(ContentLoader loader, Clock clock) {
        this.loader = loader;
        this.clock = clock;
        reload();
    }

    public ContentSnapshot snapshot() {
        return current.get();
    }

    /** The time every visibility decision is made at (a fixed clock in tests). */
    public Instant now() {
        return clock.instant();
    }

    /** Re-reads the content folder and publishes the result atomically. */
    public ContentSnapshot reload() {
        ContentSnapshot next = loader.load();
        current.set(next);
        return next;
    }
}
