package edu.rush.gme;

import edu.rush.gme.program.ProgramContent;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.Page;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramType;
import edu.rush.gme.wellness.WellnessInitiative;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The real {@code content/} folder as the site loads it at {@link ContentFixture#CLOCK}. Tests over
 * the real site pick their pages from it (the first program of a type, the newest story) instead of
 * naming them, so that an editor who adds, renames or removes a page cannot fail the build.
 */
public final class RealContent {

    public static final Path DIR = Path.of("content");

    private RealContent() {
    }

    private static final class Loaded {
        static final ContentSnapshot SNAPSHOT = new ContentLoader(DIR, ContentFixture.CLOCK, App.CONTENT_TYPES).load();
    }

    public static ContentSnapshot snapshot() {
        return Loaded.SNAPSHOT;
    }

    public static Instant now() {
        return ContentFixture.CLOCK.instant();
    }

    public static List<Page<Program>> programs() {
        return snapshot().list(ProgramContent.TYPE, now());
    }

    public static List<Page<Program>> programs(ProgramType type) {
        return snapshot().list(ProgramContent.TYPE, now()).stream().filter(p -> p.data().type() == type).toList();
    }

    /** The first program of a type in the finder's order (by title). */
    public static Page<Program> first(ProgramType type) {
        return programs(type).get(0);
    }

    public static List<Page<NewsStory>> news() {
        return snapshot().list(NewsStory.TYPE, now());
    }

    public static Page<NewsStory> newestStory() {
        return news().get(0);
    }

    public static List<Page<WellnessInitiative>> wellness() {
        return snapshot().list(WellnessInitiative.TYPE, now());
    }

    public static Page<WellnessInitiative> firstInitiative() {
        return wellness().get(0);
    }

    /** The slugs of the first {@code count} programs, as the comparison page takes them: "a,b,c". */
    public static String firstSlugs(int count) {
        return String.join(",", programs().stream().limit(count).map(Page::slug).toList());
    }
}
