package edu.rush.gme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A file as raw bytes, such as one saved in another encoding than UTF-8. */
    public ContentFixture write(String relative, byte[] bytes) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ContentFixture news(String slug, String date, String title) {
        return write("news/" + slug + ".md", "---\ntitle: " + title + "\ndate: " + date + "\nsummary: Summary of " + title + ".\n---\nBody of " + title + ".\n");
    }

    /**
     * A program with the finder's facts; {@code extra} is more YAML (e.g. "related: [x]").
     * visas: a YAML list such as "[J-1, H-1B]"; graduation null leaves it out.
     */
    public ContentFixture program(String slug, String type, String specialty, int length, String visas, boolean comlex,
                                  Integer graduation, boolean usceRequired, String interview, String deadline, String extra) {
        StringBuilder yaml = new StringBuilder("---\n")
                .append("title: ").append(specialty).append(' ').append(type.equals("fellowship") ? "Fellowship" : "Residency").append('\n')
                .append("type: ").append(type).append('\n')
                .append("specialty: ").append(specialty).append('\n')
                .append("department: Department of ").append(specialty).append('\n')
                .append("summary: Training in ").append(specialty).append(".\n")
                .append("lengthYears: ").append(length).append('\n')
                .append("visas: ").append(visas).append('\n')
                .append("application:\n  system: ").append(type.equals("allied-health") ? "PhORCAS" : "ERAS")
                .append("\n  opens: 2026-06-01\n  deadline: ").append(deadline).append('\n')
                .append("interviews:\n  format: ").append(interview).append("\n  months: [October, November]\n")
                .append("requirements:\n  usmle: true\n  comlex: ").append(comlex).append('\n')
                .append("  usceRequired: ").append(usceRequired).append('\n');
        if (graduation != null) {
            yaml.append("  yearsSinceGraduation: ").append(graduation).append('\n');
        }
        if (type.equals("allied-health")) {
            yaml.append("accreditation:\n  accreditor: ASHP\n");
        }
        if (extra != null) {
            yaml.append(extra).append('\n');
        }
        yaml.append("---\nAbout ").append(specialty).append(".\n");
        return write("programs/" + slug + ".md", yaml.toString());
    }

    /** Six programs whose finder results and counts the tests know by heart. */
    public static ContentFixture finderCatalog(Path parent) {
        return minimal(parent)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1, H-1B]", true, 5, false, "virtual", "2026-10-15", "positionsPerYear: 20")
                .program("beta-peds", "residency", "Pediatrics", 3, "[J-1]", true, 3, true, "in-person", "2026-10-01", "positionsPerYear: 10")
                .program("gamma-surg", "residency", "Surgery", 5, "[]", false, 2, false, "hybrid", "2026-09-30", "positionsPerYear: 6")
                .program("delta-cards", "fellowship", "Cardiology", 3, "[J-1]", true, null, false, "virtual", "2026-08-31", "related: [alpha-im]")
                .program("epsilon-gi", "fellowship", "Gastroenterology", 3, "[J-1, H-1B]", false, null, false, "virtual", "2026-09-15", "related: [alpha-im]")
                .program("zeta-pharm", "allied-health", "Pharmacy", 1, "[]", false, null, false, "in-person", "2027-01-02", null);
    }

    /**
     * A site with an office address and two programs: one whose coordinator has an e-mail address,
     * one without a coordinator (its questions go to the office).
     */
    public static ContentFixture inquiryCatalog(Path parent) {
        ContentFixture fixture = new ContentFixture(parent.resolve("content"));
        fixture.write("site.yaml", SITE_YAML + """
                contact:
                  office: Office of Graduate Medical Education
                  email: gme-office@example.org
                """);
        return fixture
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1, H-1B]", true, 5, false, "virtual", "2026-10-15",
                        "coordinator:\n  name: Program Coordinator\n  email: im-coordinator@example.org\n  phone: (312) 555-0101")
                .program("zeta-pharm", "allied-health", "Pharmacy", 1, "[]", false, null, false, "in-person", "2027-01-02", null);
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
