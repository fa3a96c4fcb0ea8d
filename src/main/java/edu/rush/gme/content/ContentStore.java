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
        snapshot.nextBoundary(after).ifPresent(moment -> nextMoment = schedule.schedule(() -> reached(moment), millisUntil(moment), TimeUnit.MILLISECONDS));
    }

    /** Rounded up: a listener told a fraction of a millisecond early would still see the page as it was. */
    private long millisUntil(Instant moment) {
        long nanos = Math.max(0, java.time.Duration.between(clock.instant(), moment).toNanos());
        return (nanos + 999_999) / 1_000_000;
    }

    private void reached(Instant moment) {
        if (clock.instant().isBefore(moment)) {
            // The executor's timer and the clock disagree by a little: wait for the clock.
            synchronized (this) {
                if (schedule != null) {
                    nextMoment = schedule.schedule(() -> reached(moment), millisUntil(moment), TimeUnit.MILLISECONDS);
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
