package edu.rush.gme.content;

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
 */
public record BasicPage(String layout, List<String> sources, LocalDate verified) implements FrontMatter {

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
        return problems;
    }
}
