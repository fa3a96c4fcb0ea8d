package edu.rush.gme.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The static mirror's folder: one folder per generation (what the site shows for one content version
 * between two scheduled moments), named by a digest of that state so that every instance over the same
 * content writes the same folder, and a symbolic link {@code current} that nginx's root goes through,
 * swapped by a rename (atomic: nginx sees the old generation or the new one, never a mix).
 *
 * <pre>
 * mirror/current -> g-3f9c...        (relative link)
 * mirror/g-3f9c.../index.html         the page at /
 * mirror/g-3f9c.../index.html.gz      its gzip, the server's own bytes
 * mirror/g-3f9c.../news/story/index.html(.gz)
 * </pre>
 *
 * Every file is written under a temporary name and renamed into place, the {@code .gz} before the
 * page, so a page nginx finds always has its gzip beside it. A generation's folder is never made
 * again once deleted by a write (only {@link #enter} makes one), and generations that are neither
 * current nor touched for a while are deleted ({@link #sweep}).
 */
final class MirrorFiles {

    static final String CURRENT = "current";
    static final String PAGE = "index.html";
    static final String GZIP = PAGE + ".gz";
    private static final String GENERATION_PREFIX = "g-";
    private static final String LINK_PREFIX = ".current-";

    /**
     * Addresses kept as files: ASCII letters, digits and {@code -_.~}, no segment starting with a dot
     * (no {@code ..}, nothing hidden), none named like the files themselves, no trailing slash except
     * the home page's. Anything else is left to the server.
     */
    private static final Pattern PATH = Pattern.compile("/|(/(?!index\\.html)[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,200}){1,16}");

    private final Path root;

    MirrorFiles(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The generation's name for a state (content version, visible moment, what renders it): the same on every instance. */
    static String generation(String state) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return GENERATION_PREFIX + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a page at this address may be a file in the mirror. */
    static boolean mirrorable(String path) {
        return path != null && PATH.matcher(path).matches();
    }

    /** Makes the generation's folder (if it is not there) and points {@code current} at it in one rename. */
    void enter(String generation) throws IOException {
        Path folder = root.resolve(generation);
        Files.createDirectories(folder);
        touch(generation);
        Path link = root.resolve(LINK_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        Files.createSymbolicLink(link, Path.of(generation));
        try {
            // rename(2): replaces the old link atomically; another instance doing the same at once leaves one of the two.
            Files.move(link, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(link);
            throw e;
        }
    }

    /** The generation {@code current} points at, or null when there is none. */
    String current() {
        try {
            return Files.readSymbolicLink(root.resolve(CURRENT)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Whether the generation's folder is there (another instance may have swept it). */
    boolean exists(String generation) {
        return Files.isDirectory(root.resolve(generation), LinkOption.NOFOLLOW_LINKS);
    }

    /** Marks the generation as in use now: {@link #sweep} leaves it alone for its grace. */
    void touch(String generation) throws IOException {
        Files.setLastModifiedTime(root.resolve(generation), FileTime.from(Instant.now()));
    }

    /**
     * Writes a page and its gzip into the generation, unless it is there already (every instance
     * writes the same bytes for the same generation). False when the generation's folder is gone
     * or the address is not one the mirror keeps.
     */
    boolean write(String generation, String path, byte[] page, byte[] gzipped) throws IOException {
        if (!mirrorable(path)) {
            return false;
        }
        Path folder = root.resolve(generation);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        for (String segment : path.substring(1).split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            folder = folder.resolve(segment);
            try {
                // One level at a time: a generation swept meanwhile is not made again (that fails here).
                Files.createDirectory(folder);
            } catch (FileAlreadyExistsException there) {
                if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
            } catch (NoSuchFileException swept) {
                return false;
            }
        }
        if (Files.exists(folder.resolve(PAGE), LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        replace(folder.resolve(GZIP), gzipped);
        replace(folder.resolve(PAGE), page);
        return true;
    }

    /** Writes under a temporary name in the same folder, then renames over {@code target}. */
    private static void replace(Path target, byte[] bytes) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            // Not Files.createTempFile: its files are readable by their owner only, and nginx's workers run as another user.
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /**
     * Deletes the generations that are not current, not {@code keep} and untouched for {@code grace}
     * (an instance touches its own generation every few seconds, so one still in use by another
     * instance stays), and links left behind by a swap that failed halfway. Returns how many it deleted.
     */
    int sweep(String keep, Duration grace) throws IOException {
        String current = current();
        Instant before = Instant.now().minus(grace);
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean generation = name.startsWith(GENERATION_PREFIX) && !name.equals(current) && !name.equals(keep);
                if (!generation && !name.startsWith(LINK_PREFIX)) {
                    continue;
                }
                FileTime modified;
                try {
                    modified = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                if (modified.toInstant().isBefore(before)) {
                    deleteTree(entry);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Deletes a folder and what is in it; what another instance deletes at the same time is no error. */
    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException | java.nio.file.DirectoryNotEmptyException | java.io.UncheckedIOException busy) {
            // swept by another instance at the same time, or written to by one still behind: the next sweep finishes it
        }
    }
}
