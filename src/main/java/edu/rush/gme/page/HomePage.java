package edu.rush.gme.page;

import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.Meta;

import java.util.ArrayList;
import java.util.List;

/** The front page ({@code content/_index.md}): the hero and the "Supporting your success" block. */
public record HomePage(Hero hero, Support support) implements FrontMatter {

    /** {@code content/_index.md}, at {@code /}; not searched (every result would be the home page). */
    public static final ContentType<HomePage> TYPE = ContentType.builder("home", HomePage.class, ContentType.Placement.HOME)
            .singular("home page")
            .label("Home")
            .build();

    /** The large banner at the top: a heading and the paragraph under it. */
    public record Hero(String heading, String text) {
    }

    /** A short block with the office's key numbers and a link to read more. */
    public record Support(String heading, String text, List<Stat> stats) {
    }

    /** One key number, e.g. value "825+", label "residents and fellows". */
    public record Stat(String value, String label) {
    }

    @Override
    public List<FieldProblem> validate(Meta meta) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.require(problems, "hero", hero);
        if (hero != null) {
            FieldProblem.require(problems, "hero.heading", hero.heading());
            FieldProblem.require(problems, "hero.text", hero.text());
        }
        FieldProblem.require(problems, "support", support);
        if (support != null) {
            FieldProblem.require(problems, "support.heading", support.heading());
            FieldProblem.require(problems, "support.text", support.text());
            List<Stat> stats = support.stats() == null ? List.of() : support.stats();
            for (int i = 0; i < stats.size(); i++) {
                FieldProblem.require(problems, "support.stats[" + i + "].value", stats.get(i).value());
                FieldProblem.require(problems, "support.stats[" + i + "].label", stats.get(i).label());
            }
        }
        return problems;
    }
}
