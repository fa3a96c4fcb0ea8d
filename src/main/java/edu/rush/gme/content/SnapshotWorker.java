package edu.rush.gme.content;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One background thread that keeps some record in step with the content (the change journal, the
 * registrant notices): its work runs after each load, at each scheduled moment, once the store it
 * writes to is ready, when asked, and every so often in case a run failed. Asking never blocks: it is
 * done from the store's loading and schedule threads.
 */
public final class SnapshotWorker implements AutoCloseable {

    private final String name;
    /** The newest snapshot loaded (told to listeners just before it is published). */
    private final AtomicReference<ContentSnapshot> latest = new AtomicReference<>();
    private volatile ScheduledExecutorService executor;
    private volatile Runnable work;

    /** @param name the thread's name */
    public SnapshotWorker(String name) {
        this.name = name;
    }

    /**
     * Starts the thread (once): {@code work} after each load, each scheduled moment and once {@code ready}
     * completes, and {@code everySeconds} the {@code periodic} task.
     */
    public synchronized void start(ContentStore store, CompletionStage<?> ready, Runnable work, Runnable periodic, long everySeconds) {
        if (executor != null) {
            return;
        }
        this.work = work;
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        store.onLoad(snapshot -> {
            latest.set(snapshot);
            request();
        });
        store.onScheduledMoment(snapshot -> request());
        ready.thenRun(this::request);
        executor.scheduleWithFixedDelay(periodic, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    /** Asks for the work to run soon on the thread; does nothing before start or after close. */
    public void request() {
        ScheduledExecutorService current = executor;
        if (current != null) {
            try {
                current.execute(work);
            } catch (RejectedExecutionException closing) {
                // stopping
            }
        }
    }

    /** The snapshot to work on: the newest loaded (it may be published a moment later), or the store's. */
    public ContentSnapshot snapshot(ContentStore store) {
        ContentSnapshot snapshot = latest.get();
        return snapshot != null ? snapshot : store.snapshot();
    }

    @Override
    public synchronized void close() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdownNow();
        }
    }
}
