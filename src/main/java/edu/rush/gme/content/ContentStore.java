package edu.rush.gme.content;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link ContentSnapshot}. Readers take the snapshot once per request and see
 * one consistent version of the site; a reload builds a whole new snapshot and swaps it in.
 */
public final class ContentStore {

    private final ContentLoader loader;
    private final Clock clock;
    private final AtomicReference<ContentSnapshot> current = new AtomicReference<>();
    private final CountDownLatch firstLoad = new CountDownLatch(1);
    private final List<Consumer<ContentSnapshot>> listeners = new CopyOnWriteArrayList<>();

    /** A store with no snapshot yet; {@link #reload()} loads the first. */
    public ContentStore(ContentLoader loader, Clock clock) {
        this.loader = loader;
        this.clock = clock;
    }

    /**
     * The current snapshot. The server starts listening while the first snapshot is still being
     * read, so the first requests wait here for it (a few hundred milliseconds at most).
     */
    public ContentSnapshot snapshot() {
        ContentSnapshot snapshot = current.get();
        if (snapshot != null) {
            return snapshot;
        }
        try {
            firstLoad.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for content", e);
        }
        snapshot = current.get();
        if (snapshot == null) {
            throw new IllegalStateException("the content could not be loaded; see the log");
        }
        return snapshot;
    }

    /** The registered content types, known before the first snapshot is. */
    public ContentTypes types() {
        return loader.types();
    }

    /** Whether the first snapshot has been loaded (readiness). */
    public boolean isLoaded() {
        return current.get() != null;
    }

    /** The time every visibility decision is made at (a fixed clock in tests). */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Runs after every load, before the new snapshot is published (the search index is built
     * here, so a snapshot and its index appear together).
     */
    public void onLoad(Consumer<ContentSnapshot> listener) {
        listeners.add(listener);
    }

    /** Re-reads the content folder and publishes the result atomically (one reload at a time). */
    public synchronized ContentSnapshot reload() {
        try {
            ContentSnapshot next = loader.load(current.get());
            listeners.forEach(listener -> listener.accept(next));
            current.set(next);
            return next;
        } finally {
            firstLoad.countDown();
        }
    }
}
