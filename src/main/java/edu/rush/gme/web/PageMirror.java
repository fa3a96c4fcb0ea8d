package edu.rush.gme.web;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.web.PageCache.CachedPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A static mirror of the anonymous pages ({@code GME_MIRROR_DIR}) that nginx answers as files, with
 * {@code try_files} and {@code gzip_static}, before asking the server (deploy/nginx/gme-locations.conf).
 *
 * <p>What goes in: exactly what the page cache keeps for everyone, and only HTML pages at plain
 * addresses with no query, no headers of their own and no expiry of their own (a page showing live
 * state is kept a few seconds at most, so it stays with the server): each is written the first time
 * it is rendered or answered from the page cache in the current generation, the page and the
 * server's own gzip bytes. Previews, forms, search, the API and everything personal never reach the
 * page cache's shared entries, so they never reach the mirror either.
 *
 * <p>Keeping in step: a generation is what the page cache's keys are made of (the content version and
 * the visible moment: the day in the site's zone and how many scheduled moments have passed) plus
 * what else decides the bytes (base URL, static files, the server's code). Every {@link #TICK} the
 * server's state is compared with the generation's; when it has changed (a reload, a scheduled
 * moment, midnight) a new, empty generation is made current, so nothing outdated is ever answered
 * from the mirror after the tick and nginx's {@code open_file_cache_valid} (1 s). Pages fill it again
 * as visitors ask for them (each once through the server). Instances over the same content compute
 * the same generation names and write the same bytes, so they can share one mirror folder.
 */
public final class PageMirror extends AbstractLifeCycle {

    private static final Logger LOG = LoggerFactory.getLogger(PageMirror.class);

    /** How often the generation is checked against the server's state. */
    static final Duration TICK = Duration.ofMillis(200);
    /** How often this instance marks its generation as in use, so that another instance's sweep leaves it. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** How long an unused generation stays (nginx may still be sending from it, another instance may still be on it). */
    static final Duration GRACE = Duration.ofSeconds(30);
    /** Pages waiting to be written; more are not offered (they are offered again at their next visit). */
    static final int MOST_WAITING = 4096;

    private static final String HTML = "text/html; charset=utf-8";

    private final MirrorFiles files;
    private final ContentStore store;
    private final String renders;
    private final Duration grace;
    /** The page last offered per address (weakly: the page cache decides what stays in memory). */
    private final Map<String, WeakReference<CachedPage>> offered = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile ScheduledExecutorService thread;

    // Read and written on the mirror's own thread only.
    private String state;
    private String generation;
    private Instant lastTouched = Instant.MIN;

    /**
     * @param renders what decides a page's bytes besides the content and the moment (base URL, static
     *                files' fingerprints, the code): a change makes a new generation
     */
    PageMirror(Path dir, ContentStore store, String renders, Duration grace) {
        this.files = new MirrorFiles(dir);
        this.store = store;
        this.renders = renders + "|" + codeStamp();
        this.grace = grace;
    }

    PageMirror(Path dir, ContentStore store, String renders) {
        this(dir, store, renders, GRACE);
    }

    @Override
    protected void doStart() throws IOException {
        Path dir = files.root();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.NoSuchFileException ? "a folder above it cannot be made"
                    : e.getClass().getSimpleName();
            throw new IOException("GME_MIRROR_DIR " + dir.toAbsolutePath() + " cannot be made (" + why + "): set it to a folder this server can write", e);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("GME_MIRROR_DIR " + dir.toAbsolutePath() + " is not writable by this server");
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "page-mirror");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        thread = executor;
        LOG.info("static mirror for nginx in {}", dir.toAbsolutePath());
    }

    @Override
    protected void doStop() {
        ScheduledExecutorService executor = thread;
        thread = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Whether a cached page may be a file in the mirror: the same for everyone, HTML, nothing besides the page's own bytes. */
    static boolean keeps(CachedPage page) {
        return page.expires() == null && page.headers().isEmpty() && HTML.equals(page.contentType())
                && PageCache.REVALIDATE.equals(page.cacheControl());
    }

    /**
     * Offers a page the page cache keeps for everyone, just rendered or answered from it: written to the
     * mirror on the mirror's thread if it belongs to the current generation. Costs a map lookup once offered.
     */
    void offer(String path, String query, ContentSnapshot snapshot, Instant now, CachedPage page) {
        ScheduledExecutorService executor = thread;
        if (executor == null || query != null || snapshot.isPreview() || !keeps(page) || !MirrorFiles.mirrorable(path)) {
            return;
        }
        WeakReference<CachedPage> last = offered.get(path);
        if (last != null && last.get() == page) {
            return;
        }
        offered.put(path, new WeakReference<>(page));
        if (waiting.incrementAndGet() > MOST_WAITING) {
            waiting.decrementAndGet();
            offered.remove(path);
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    write(path, snapshot, now, page);
                } finally {
                    waiting.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException stopping) {
            waiting.decrementAndGet();
        }
    }

    private void write(String path, ContentSnapshot snapshot, Instant now, CachedPage page) {
        try {
            // A page rendered for the next generation comes right after the swap to it, not a tick later.
            keepInStep();
            if (generation != null && stateOf(snapshot, now).equals(state)) {
                files.write(generation, path, page.body(), page.gzipped());
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("static mirror: could not write {}: {}", path, e.toString());
        }
    }

    private void tick() {
        try {
            keepInStep();
        } catch (IOException | RuntimeException e) {
            LOG.warn("static mirror: {}", e.toString());
        }
    }

    /** Makes a new generation current when the server's state has changed, and keeps its own marked as in use. */
    void keepInStep() throws IOException {
        if (!store.isLoaded()) {
            return;
        }
        String now = stateOf(store.snapshot(), store.now());
        if (!now.equals(state) || generation == null || !files.exists(generation)) {
            String next = MirrorFiles.generation(now + "|" + renders);
            files.enter(next);
            LOG.debug("static mirror: generation {} for {}", next, now);
            generation = next;
            state = now;
            offered.clear();
            lastTouched = Instant.now();
            files.sweep(generation, grace);
        } else if (Instant.now().isAfter(lastTouched.plus(HEARTBEAT))) {
            files.touch(generation);
            lastTouched = Instant.now();
            files.sweep(generation, grace);
        }
    }

    /** The generation this instance writes to (for tests). */
    String generation() {
        return generation;
    }

    MirrorFiles files() {
        return files;
    }

    /** What the page cache's key is made of besides the address: the same state, the same pages. */
    private static String stateOf(ContentSnapshot snapshot, Instant now) {
        return snapshot.version() + "|" + snapshot.visibilityKey(now);
    }

    /** The running code: the jar's size and time (a new build renders differently), or "classes" when run from a build folder. */
    static String codeStamp() {
        return edu.rush.gme.BuildStamp.ofJar().orElse("classes");
    }
}
