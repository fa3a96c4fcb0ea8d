package edu.rush.gme.program;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.PerSnapshotDay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
            (snapshot, now) -> new ProgramFinder(snapshot.list(ProgramContent.TYPE, now), snapshot.at(now).toLocalDate()));

    /** The finder over the programs visible now; rebuilt when the content or the day changes. */
    public ProgramFinder finder(ContentSnapshot snapshot, Instant now) {
        return finder.get(snapshot, now);
    }

    /** How many related programs a program page lists: a short list an applicant reads at a glance. */
    public static final int RELATED_MAX = 6;

    /**
     * A short list of the programs most relevant to this one, at most {@link #RELATED_MAX}, in this
     * order: first the programs it leads to or comes from (a residency's own fellowships, a
     * fellowship's residency), then the other programs it names or that name it, then its siblings
     * (programs that name the same program), then programs of the same department, then of the same
     * specialty. Within each group by title.
     */
    public static List<Page<Program>> related(ContentSnapshot snapshot, Page<Program> program, Instant now) {
        List<Page<Program>> all = snapshot.list(ProgramContent.TYPE, now);
        Program self = program.data();
        Set<String> named = new LinkedHashSet<>(self.relatedOrEmpty());
        List<List<Page<Program>>> tiers = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Page<Program> other : all) {
            if (other.slug().equals(program.slug())) {
                continue;
            }
            Program data = other.data();
            boolean linked = named.contains(other.slug()) || data.relatedOrEmpty().contains(program.slug());
            if (linked && isNextStep(self.type(), data.type())) {
                tiers.get(0).add(other);
            } else if (linked) {
                tiers.get(1).add(other);
            } else if (data.relatedOrEmpty().stream().anyMatch(named::contains)) {
                tiers.get(2).add(other);
            } else if (self.department() != null && self.department().equals(data.department())) {
                tiers.get(3).add(other);
            } else if (self.specialty() != null && self.specialty().equalsIgnoreCase(data.specialty())) {
                tiers.get(4).add(other);
            }
        }
        // Within a tier, programs confirmed from RUSH's pages before those still marked sample, then by name.
        Comparator<Page<Program>> order = Comparator.comparing((Page<Program> p) -> p.meta().isSample())
                .thenComparing(p -> p.title().toLowerCase(Locale.ROOT));
        return tiers.stream().flatMap(tier -> tier.stream().sorted(order)).limit(RELATED_MAX).toList();
    }

    /** A residency leads to fellowships, and a fellowship comes from a residency. */
    private static boolean isNextStep(ProgramType self, ProgramType other) {
        return self == ProgramType.RESIDENCY && other == ProgramType.FELLOWSHIP
                || self == ProgramType.FELLOWSHIP && other == ProgramType.RESIDENCY;
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
            Optional<Page<Program>> program = snapshot.find(ProgramContent.TYPE, slug, now);
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
