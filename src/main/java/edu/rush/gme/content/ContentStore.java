package edu.rush.gme.content;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
    private final List<Consumer<ContentSnapshot>> scheduledListeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService schedule;
    private ScheduledFuture<?> nextMoment;
    /** The last scheduled moment told to the listeners, so a moment is told once even when the clock stands still (tests). */
    private Instant lastMoment = Instant.MIN;

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

    /** The content folder this store reads. */
    public java.nio.file.Path contentDir() {
        return loader.contentDir();
    }

    /**
     * The site as it would be with {@code file} holding {@code bytes}, not published and not kept:
     * an editor's preview and validation of unsaved text.
     */
    public ContentSnapshot loadWith(java.nio.file.Path file, byte[] bytes) {
        return loader.loadWith(file, bytes);
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
            scheduleNextMoment();
            return next;
        } finally {
            firstLoad.countDown();
        }
    }

    /**
     * Runs at each scheduled moment of the current snapshot (a page's publishDate or expiryDate
     * reached), once the schedule is started: what is derived from the visible pages is rebuilt then,
     * so a page appears everywhere at its minute, not at the first request after it.
     */
    public void onScheduledMoment(Consumer<ContentSnapshot> listener) {
        scheduledListeners.add(listener);
    }

    /** Starts telling {@link #onScheduledMoment} listeners about scheduled moments, on one daemon thread. */
    public synchronized void startSchedule() {
        if (schedule == null) {
            schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "content-schedule");
                thread.setDaemon(true);
                return thread;
            });
            lastMoment = clock.instant();
            scheduleNextMoment();
        }
    }

    public synchronized void stopSchedule() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    private synchronized void scheduleNextMoment() {
        ContentSnapshot snapshot = current.get();
        if (schedule == null || snapshot == null) {
            return;
        }
        if (nextMoment != null) {
            nextMoment.cancel(false);
        }
        Instant after = lastMoment.isAfter(clock.instant()) ? lastMoment : clock.instant();
        snapshot.nextBoundary(after).ifPresent(this::scheduleAt);
    }

    private synchronized void scheduleAt(Instant moment) {
        // Rounded up: the executor's timer and the wall clock differ by a little, and early is wrong.
        long delay = Math.max(0, java.time.Duration.between(clock.instant(), moment).toNanos() + 999_999) / 1_000_000;
        nextMoment = schedule.schedule(() -> reached(moment), delay, TimeUnit.MILLISECONDS);
    }

    private void reached(Instant moment) {
        if (clock.instant().isBefore(moment)) {
            synchronized (this) {
                if (schedule != null) {
                    scheduleAt(moment);
                }
            }
            return;
        }
        ContentSnapshot snapshot = current.get();
        synchronized (this) {
            lastMoment = moment;
        }
        for (Consumer<ContentSnapshot> listener : scheduledListeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ContentStore.class).error("at the scheduled moment {}: {}", moment, e.toString(), e);
            }
        }
        scheduleNextMoment();
    }
}
