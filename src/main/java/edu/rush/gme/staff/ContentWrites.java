package edu.rush.gme.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * One writer at a time in a content folder, across threads and across processes: every change the
 * workspace makes to the folder (a save's compare-and-write, an upload moving a file into its bundle,
 * a restore, a move to the trash, the version it records) runs under this lock. Two instances that
 * share one folder (a shared volume) each take the operating system's lock on one file there, so a
 * save on one can not slip between another's comparison and write, and their recorded versions never
 * interleave. Reentrant: a save that records a version takes it once.
 *
 * <p>The lock file: inside the git directory when the folder is in a git work tree (so {@code git status}
 * never shows it; git leaves files it does not know there alone), else the hidden file {@value #LOCK_FILE}
 * in the folder (the content loader never reads hidden files). Where it is, is decided at each write, so
 * a {@code git init} later moves it for every instance alike. It is made once and left in place
 * (deleting it while another process waits on it would let two writers in).
 */
public final class ContentWrites {

    /** The file whose lock is taken, in the content folder's root. */
    public static final String LOCK_FILE = ".gme-writing.lock";

    private static final Map<Path, ContentWrites> FOLDERS = new ConcurrentHashMap<>();

    /** A body that may fail with an {@link IOException} or one of its own checked exceptions. */
    @FunctionalInterface
    public interface Body<T, E extends Exception> {
        T run() throws IOException, E;
    }

    private final Path folder;
    private final ReentrantLock inProcess = new ReentrantLock();
    private FileChannel channel;
    private FileLock held;

    private ContentWrites(Path folder) {
        this.folder = folder;
    }

    /** The lock of this content folder (one per folder in a process: the operating system's lock is per process). */
    public static ContentWrites of(Path contentDir) {
        return FOLDERS.computeIfAbsent(contentDir.toAbsolutePath().normalize(), ContentWrites::new);
    }

    /** Runs the body holding the lock, waiting for another thread or process that holds it. */
    public <T, E extends Exception> T locked(Body<T, E> body) throws IOException, E {
        inProcess.lock();
        try {
            boolean outermost = inProcess.getHoldCount() == 1;
            if (outermost) {
                acquire();
            }
            try {
                return body.run();
            } finally {
                if (outermost) {
                    release();
                }
            }
        } finally {
            inProcess.unlock();
        }
    }

    /** As {@link #locked}, for bodies that throw nothing checked but I/O failures, which come out unchecked. */
    public <T> T lockedUnchecked(Body<T, RuntimeException> body) {
        try {
            return locked(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the lock is: in the git directory of the work tree the folder is in (found as ContentHistory finds it), else in the folder. */
    Path lockFile() throws IOException {
        FileRepositoryBuilder git = new FileRepositoryBuilder().findGitDir(folder.toFile());
        if (git.getGitDir() != null) {
            git.setup();
            if (git.getWorkTree() != null) {
                return git.getGitDir().toPath().resolve(gitLockName(git.getWorkTree().toPath().toAbsolutePath().normalize()));
            }
        }
        return folder.resolve(LOCK_FILE);
    }

    /** One lock per content folder in the repository (its path in the work tree in the name). */
    private String gitLockName(Path workTree) {
        String inside = workTree.relativize(folder).toString().replace('\\', '/');
        return "gme-writing" + (inside.isEmpty() ? "" : "-" + inside.replaceAll("[^A-Za-z0-9._-]", "_")) + ".lock";
    }

    private void acquire() throws IOException {
        if (!Files.isDirectory(folder)) {
            return; // no folder to guard (it is being made, or a test's folder is gone): nothing shares it
        }
        Path lockFile = lockFile();
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            held = channel.lock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            channel = null;
            throw e;
        }
    }

    private void release() throws IOException {
        try {
            if (held != null) {
                held.release();
            }
        } finally {
            held = null;
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }
    }
}
