package edu.rush.gme.page;

import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.SearchText;
import edu.rush.gme.content.Meta;

import edu.rush.gme.program.ProgramFinder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A plain page (about, resources, a section's {@code _index.md}): title and Markdown body, with an
 * optional layout that adds site-wide blocks around the body.
 *
 * @param layout   {@code about} adds the mission and vision from site.yaml above the body
 * @param sources  the public pages the page's facts were taken from, shown at its foot
 * @param verified when those facts were last checked against their sources
 * @param programLists lists of programs drawn from the catalog's facts below the body, each a
 *                     heading and a finder filter ({@code visa=H-1B}), so a page never lists
 *                     programs by hand
 */
public record BasicPage(String layout, List<String> sources, LocalDate verified, List<ProgramList> programLists) implements FrontMatter {

    /** Top-level slugs that the site's own routes already use (every section's folder is kept clear too). */
    static final Set<String> RESERVED_SLUGS = Set.of("search", "api", "css", "js", "images", "static", "sitemap", "feeds",
            "healthz", "readyz", "metrics", "admin", "inquiries", "events", "preview");

    /** {@code content/NAME.md}, at {@code /NAME}: about, resources, how to apply... */
    public static final ContentType<BasicPage> TYPE = ContentType.builder("pages", BasicPage.class, ContentType.Placement.PAGE)
            .singular("page")
            .label("Pages")
            .reservedSlugs(RESERVED_SLUGS)
            .search(page -> SearchText.of("page", "Page", page.meta().description()))
            .build();

    /** A list of the programs the finder gives for {@code filter} (its query string, like {@code visa=J-1&type=residency}). */
    public record ProgramList(String heading, String filter) {
    }

    public List<ProgramList> programListsOrEmpty() {
        return programLists == null ? List.of() : programLists;
    }

    public static final Set<String> LAYOUTS = Set.of("page", "about");

    public String layoutOrDefault() {
        return layout == null ? "page" : layout;
    }

    public List<String> sourcesOrEmpty() {
        return sources == null ? List.of() : sources;
    }

    @Override
    public List<FieldProblem> validate(Meta meta) {
        List<FieldProblem> problems = new ArrayList<>();
        if (layout != null && !LAYOUTS.contains(layout)) {
            problems.add(new FieldProblem("layout", "'layout' must be one of about, page, got \"" + layout + "\""));
        }
        FieldProblem.checkWebAddresses(problems, "sources", sources);
        for (int i = 0; i < programListsOrEmpty().size(); i++) {
            ProgramList list = programLists.get(i);
            String at = "programLists[" + i + "]";
            FieldProblem.require(problems, at + ".heading", list.heading());
            if (list.filter() == null || list.filter().isBlank()) {
                problems.add(FieldProblem.missing(at + ".filter"));
                continue;
            }
            for (String pair : list.filter().split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (eq <= 0 || eq == pair.length() - 1 || !ProgramFinder.FACET_KEYS.contains(key)) {
                    problems.add(new FieldProblem(at + ".filter", "'" + at + ".filter' must be finder filters like visa=H-1B&type=residency, "
                            + "with filters from " + String.join(", ", ProgramFinder.FACET_KEYS) + "; got \"" + pair + "\""));
                }
            }
        }
        return problems;
    }
}
