package edu.rush.gme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A content folder on disk for a test: a copy of the real one, or files written by the test. */
public final class ContentFixture {

    /** The moment every test runs at, so that visibility by date is repeatable. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T18:00:00Z"), ZoneOffset.UTC);

    public static final String SITE_YAML = """
            name: Test GME
            organization: Test University
            timeZone: America/Chicago
            mission: Test mission.
            vision: Test vision.
            newsPerPage: 2
            navigation:
              - title: News
                url: /news
            """;

    private final Path dir;

    private ContentFixture(Path dir) {
        this.dir = dir;
    }

    /** An empty folder with a minimal valid site.yaml. */
    public static ContentFixture minimal(Path parent) {
        ContentFixture fixture = new ContentFixture(parent.resolve("content"));
        fixture.write("site.yaml", SITE_YAML);
        return fixture;
    }

    /** A copy of the repository's real content/ folder, to break on purpose. */
    public static ContentFixture copyOfReal(Path parent) {
        Path target = parent.resolve("content");
        copyTree(Path.of("content"), target);
        return new ContentFixture(target);
    }

    public Path dir() {
        return dir;
    }

    public ContentFixture write(String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ContentFixture news(String slug, String date, String title) {
        return write("news/" + slug + ".md", "---\ntitle: " + title + "\ndate: " + date + "\nsummary: Summary of " + title + ".\n---\nBody of " + title + ".\n");
    }

    private static void copyTree(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(d).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.copy(f, to.resolve(from.relativize(f).toString()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
