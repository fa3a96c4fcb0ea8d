package edu.rush.gme.program;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.PerSnapshotDay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The visible programs of the current snapshot and what is derived from them: the finder (built
 * once per content version and day), related programs in both directions, and comparisons.
 */
public final class ProgramCatalog {

    public static final int COMPARE_MIN = 2;
    public static final int COMPARE_MAX = 4;

    private final PerSnapshotDay<ProgramFinder> finder = new PerSnapshotDay<>(
            (snapshot, now) -> new ProgramFinder(snapshot.programs(now), snapshot.at(now).toLocalDate()));

    /** The finder over the programs visible now; rebuilt when the content or the day changes. */
    public ProgramFinder finder(ContentSnapshot snapshot, Instant now) {
        return finder.get(snapshot, now);
    }

    /** The programs this one names as related, and the programs that name it (a residency's fellowships). */
    public static List<Page<Program>> related(ContentSnapshot snapshot, Page<Program> program, Instant now) {
        Set<String> slugs = new LinkedHashSet<>(program.data().relatedOrEmpty());
        for (Page<Program> other : snapshot.programs(now)) {
            if (other.data().relatedOrEmpty().contains(program.slug())) {
                slugs.add(other.slug());
            }
        }
        List<Page<Program>> related = new ArrayList<>();
        for (String slug : slugs) {
            snapshot.program(slug, now).ifPresent(related::add);
        }
        return related;
    }

    /** A comparison request, read from {@code p=a,b,c} (or repeated {@code p}): the programs, or what is wrong. */
    public record Comparison(List<Page<Program>> programs, List<String> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    public static Comparison compare(ContentSnapshot snapshot, List<String> params, Instant now) {
        Set<String> slugs = new LinkedHashSet<>();
        for (String param : params) {
            for (String slug : param.split(",")) {
                if (!slug.isBlank()) {
                    slugs.add(slug.strip());
                }
            }
        }
        List<Page<Program>> programs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String slug : slugs) {
            Optional<Page<Program>> program = snapshot.program(slug, now);
            if (program.isPresent()) {
                programs.add(program.get());
            } else {
                problems.add("There is no program called \u201c" + slug + "\u201d; it may have been renamed or removed.");
            }
        }
        if (slugs.size() < COMPARE_MIN) {
            problems.add("Choose at least " + COMPARE_MIN + " programs to compare.");
        } else if (slugs.size() > COMPARE_MAX) {
            problems.add("Choose at most " + COMPARE_MAX + " programs to compare; you chose " + slugs.size() + ".");
        }
        return new Comparison(programs, problems);
    }
}
