package edu.rush.gme.search;

import edu.rush.gme.content.ContentSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search indexes kept on disk between runs ({@code data/search-index/<key>/}), so a server restarted
 * over content that has not changed is searchable as soon as its content is loaded, instead of after
 * the index is built again (at 10,000 programs several seconds of both cores). A key is a digest of
 * everything an index depends on: the content version (a digest of every file), the visibility key
 * (the day in the site's zone and the scheduled moments passed), the synonym rules and the server's
 * build (the jar's size and time; a server run from classes, as in development, keeps nothing, since
 * its code may change under the same name). An index is written to a temporary folder and renamed,
 * so a reader finds a whole index or none; every file's checksum is checked when it is read back, and
 * one that fails is removed and built again. The newest {@value #KEPT} are kept. Several servers may
 * share the folder: they name the same index the same way, and the first rename wins.
 */
public final class IndexFiles {

    private static final Logger LOG = LoggerFactory.getLogger(IndexFiles.class);

    /** Indexes kept: the current one and the last few (a save makes a new version, midnight a new day). */
    static final int KEPT = 3;
    /** A temporary folder older than this was left by a server that stopped while writing it. */
    static final Duration ABANDONED = Duration.ofHours(1);
    private static final String TEMPORARY = ".writing-";

    private final Path dir;
    private final String build;

    private IndexFiles(Path dir, String build) {
        this.dir = dir;
        this.build = build;
    }

    /** Keeps nothing: every start builds its index (a server run from classes, tests that do not ask for it). */
    public static IndexFiles none() {
        return new IndexFiles(null, null);
    }

    /**
     * Kept in {@code dir} for the server's build named by {@code build} (e.g. the jar's size and
     * time); null or blank: nothing is kept.
     */
    public static IndexFiles in(Path dir, String build) {
        return build == null || build.isBlank() ? none() : new IndexFiles(dir, build);
    }

    boolean keeps() {
        return dir != null;
    }

    /**
     * The name of the index for this snapshot at {@code now}: a digest of what its documents and
     * analyzers depend on, in two parts. The first names the build and the synonym rules (what the
     * index's format, texts and analysis depend on), the second the content version and visibility.
     */
    String key(ContentSnapshot snapshot, Instant now) {
        return digest(build, snapshot.searchSynonyms()).substring(0, 8) + "-"
                + digest(snapshot.version(), snapshot.visibilityKey(now), snapshot.searchSynonyms(), build).substring(0, 16);
    }

    private static String digest(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The newest index kept for the same build and synonyms as {@code key} but other content or
     * another day (a restart after files changed, or on another day): not the index for this
     * snapshot, but one to update with what changed. Empty when there is none, or it cannot be read.
     */
    Optional<ByteBuffersDirectory> readNewestLike(String key) {
        String sameBuild = key.substring(0, key.indexOf('-') + 1);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> candidates;
        try (Stream<Path> listed = Files.list(dir)) {
            candidates = listed.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith(sameBuild))
                    .sorted(Comparator.comparing(IndexFiles::modified).reversed())
                    .toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        // Newest first; one that cannot be read is removed and the next one tried.
        for (Path folder : candidates) {
            Optional<ByteBuffersDirectory> read = read(folder.getFileName().toString());
            if (read.isPresent()) {
                return read;
            }
        }
        return Optional.empty();
    }

    /**
     * The index kept under {@code key}, read into memory with every file's checksum checked; empty
     * when none is kept or it cannot be read (then it is removed, to be written again).
     */
    Optional<ByteBuffersDirectory> read(String key) {
        Path folder = dir.resolve(key);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        ByteBuffersDirectory copy = SearchIndex.newDirectory();
        try (FSDirectory kept = FSDirectory.open(folder)) {
            for (String file : kept.listAll()) {
                copy.copyFrom(kept, file, file, IOContext.READONCE);
                try (IndexInput input = copy.openInput(file, IOContext.READONCE)) {
                    CodecUtil.checksumEntireFile(input);
                }
            }
            // Used: the newest kept are the ones to keep.
            Files.setLastModifiedTime(folder, FileTime.from(Instant.now()));
            return Optional.of(copy);
        } catch (IOException | RuntimeException e) {
            LOG.warn("search index kept in {} cannot be read ({}); building it again", folder, e.toString());
            delete(folder);
            return Optional.empty();
        }
    }

    /** Keeps the index in {@code source} under {@code key} (nothing when it is kept already), then removes the oldest beyond {@value #KEPT}. */
    void write(String key, Directory source) {
        Path folder = dir.resolve(key);
        if (Files.isDirectory(folder)) {
            return;
        }
        Path temporary = dir.resolve(TEMPORARY + key + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(dir);
            try (FSDirectory target = FSDirectory.open(temporary)) {
                String[] files = java.util.Arrays.stream(source.listAll()).filter(f -> !f.equals("write.lock")).toArray(String[]::new);
                for (String file : files) {
                    target.copyFrom(source, file, file, IOContext.DEFAULT);
                }
                target.sync(List.of(files));
                target.syncMetaData();
            }
            try {
                Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException another) {
                delete(temporary); // another server kept the same index first
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the folder cannot rename atomically", e);
            }
            prune(key);
        } catch (IOException | RuntimeException e) {
            LOG.warn("search index could not be kept in {} ({}); the next start builds it", dir, e.toString());
            delete(temporary);
        }
    }

    /** The newest {@value #KEPT} indexes stay (the one just written among them); temporary folders left by a stopped server go. */
    private void prune(String justWritten) throws IOException {
        List<Path> folders;
        try (Stream<Path> listed = Files.list(dir)) {
            folders = listed.filter(Files::isDirectory).toList();
        }
        Instant abandoned = Instant.now().minus(ABANDONED);
        List<Path> kept = folders.stream()
                .filter(p -> !p.getFileName().toString().startsWith(TEMPORARY))
                .filter(p -> !p.getFileName().toString().equals(justWritten))
                .sorted(Comparator.comparing(IndexFiles::modified).reversed())
                .toList();
        kept.stream().skip(KEPT - 1).forEach(IndexFiles::delete);
        folders.stream()
                .filter(p -> p.getFileName().toString().startsWith(TEMPORARY))
                .filter(p -> modified(p).isBefore(abandoned))
                .forEach(IndexFiles::delete);
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException gone) {
            return Instant.EPOCH;
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not remove {}: {}", folder, e.toString());
        }
    }
}
