package edu.rush.gme.program;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SearchText;
import edu.rush.gme.web.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The program content type: {@code content/programs/}, at {@code /programs/{slug}}, listed by title,
 * searched by its facts, and checked across files (every related program must exist).
 */
public final class ProgramContent {

    /** Program slugs the program list routes use. */
    static final Set<String> RESERVED_SLUGS = Set.of("compare", "search", "export",
            ProgramType.RESIDENCY.key(), ProgramType.FELLOWSHIP.key(), ProgramType.ALLIED_HEALTH.key());

    public static final ContentType<Program> TYPE = declare();

    private ProgramContent() {
    }

    private static ContentType<Program> declare() {
        ContentType.Builder<Program> type = ContentType.builder("programs", Program.class, ContentType.Placement.SECTION)
                .singular("program")
                .label("Programs")
                .reservedSlugs(RESERVED_SLUGS)
                .summary(page -> page.data().summary())
                .search(ProgramContent::searchText)
                .filters(new ProgramListFilters())
                .check(ProgramContent::checkRelated);
        for (ProgramType programType : ProgramType.values()) {
            type.listedAt(programType.url(), page -> page.data().type() == programType);
        }
        // The question form lists every program: it changes when they do.
        return type.listedAt(Paths.NEW_INQUIRY, page -> true).build();
    }

    /** The visible programs of one type, by title. */
    public static List<Page<Program>> ofType(ContentSnapshot snapshot, ProgramType programType, Instant now) {
        return snapshot.list(TYPE, now).stream().filter(p -> p.data().type() == programType).toList();
    }

    static SearchText searchText(Page<Program> page) {
        Program p = page.data();
        return new SearchText("program", p.type().label() + " · " + p.specialty(), p.type().key(), p.specialty(), p.department(),
                String.join(" ", p.tagsOrEmpty()), p.summary(), facts(p));
    }

    /** The facts applicants search by, in words. */
    static String facts(Program p) {
        List<String> facts = new ArrayList<>();
        if (p.visas() != null && !p.visas().isEmpty()) {
            facts.add("sponsors visa visas " + String.join(" ", p.visas().stream().map(Program.Visa::key).toList()));
        }
        if (p.interviews() != null && p.interviews().format() != null) {
            facts.add(p.interviews().format().key() + " interviews");
        }
        if (p.requirements() != null && Boolean.TRUE.equals(p.requirements().comlex())) {
            facts.add("accepts COMLEX osteopathic DO applicants");
        }
        if (p.requirements() != null && Boolean.FALSE.equals(p.requirements().usceRequired())) {
            facts.add("US clinical experience not required international medical graduates");
        }
        if (p.application() != null && p.application().system() != null) {
            facts.add(p.application().system().label());
        }
        p.tracks().forEach(track -> facts.add(track.name() + " " + track.code()));
        if (p.entryLevel() != null) {
            facts.add(p.entryLevel());
        }
        return String.join(". ", facts);
    }

    /**
     * Every related program must exist. A wrong slug is reported at its line and left out of the
     * links; the program itself is still served.
     */
    static List<Page<Program>> checkRelated(List<Page<Program>> programs, ContentType.Loaded loaded, ContentType.Problems problems) {
        Set<String> slugs = loaded.slugs(TYPE);
        List<Page<Program>> checked = new ArrayList<>(programs.size());
        for (Page<Program> page : programs) {
            List<String> related = page.data().relatedOrEmpty();
            List<String> known = problems.keepKnown(page, "related", related, slug -> slug.equals(page.slug()) ? "a program cannot be related to itself"
                    : slugs.contains(slug) ? null : "no program has the slug '" + slug + "'");
            checked.add(known.size() == related.size() ? page : page.withData(page.data().withRelated(known)));
        }
        return checked;
    }
}
