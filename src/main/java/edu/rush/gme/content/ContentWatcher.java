package edu.rush.gme.content;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the content folder (and every folder in it, new ones too) and reloads the content a
 * moment after files stop changing, so an editor's saved file is live within about a second
 * without a restart. Editors often write a file in several steps; the short quiet period makes one
 * reload of the finished file.
 */
public final class ContentWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);
    static final long QUIET_MILLIS = 250;

    private final Path dir;
    private final ContentStore store;
    private final WatchService watcher;
    private final Thread thread;

    private ContentWatcher(Path dir, ContentStore store) throws IOException {
        this.dir = dir;
        this.store = store;
        this.watcher = FileSystems.getDefault().newWatchService();
        registerAll(dir);
        this.thread = new Thread(this::run, "content-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching; a folder that cannot be watched is logged and the site runs without live reload. */
    public static ContentWatcher start(Path dir, ContentStore store) {
        try {
            ContentWatcher watcher = new ContentWatcher(dir, store);
            watcher.thread.start();
            LOG.info("watching {} for changes", dir);
            return watcher;
        } catch (IOException e) {
            LOG.warn("cannot watch {} for changes ({}); restart the server to load edits", dir, e.toString());
            return null;
        }
    }

    /**
     * Watches a folder and every folder below it, except hidden ones (the loader ignores them): a
     * content folder that is a git repository keeps hundreds of folders in .git, changed at each commit.
     */
    private void registerAll(Path root) throws IOException {
        if (!Files.isDirectory(root) || isHidden(root)) {
            return;
        }
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes attributes) throws IOException {
                if (!d.equals(root) && isHidden(d)) {
                    return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                }
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    private boolean isHidden(Path folder) {
        return !folder.equals(dir) && folder.getFileName() != null && folder.getFileName().toString().startsWith(".");
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean changed = drain(key);
                // Wait until the files are quiet, collecting the rest of this save.
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    changed |= drain(more);
                }
                if (changed) {
                    reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes a key's events; registers new folders; true if anything changed. */
    private boolean drain(WatchKey key) {
        boolean changed = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            // Hidden files and folders (.git, an editor's swap file) are not content: no reload for them.
            if (!(event.context() instanceof Path name) || !name.toString().startsWith(".")) {
                changed = true;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path parent) {
                Path created = parent.resolve((Path) event.context());
                if (Files.isDirectory(created)) {
                    try {
                        registerAll(created);
                    } catch (IOException e) {
                        LOG.warn("cannot watch new folder {}: {}", created, e.toString());
                    }
                }
            }
        }
        key.reset();
        return changed;
    }

    private void reload() {
        try {
            ContentSnapshot snapshot = store.reload();
            LOG.info("content reloaded after a change in {}: version {}, {} problems", dir, snapshot.version(), snapshot.problems().size());
        } catch (RuntimeException e) {
            LOG.error("content reload failed; still serving the previous version", e);
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the content watcher", e);
        }
        thread.interrupt();
    }
}
