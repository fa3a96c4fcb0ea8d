package edu.rush.gme.wellness;

import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.Meta;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SearchText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A wellness initiative's own front matter: the teaser, and the office or group that runs it. */
public record WellnessInitiative(String summary, String ledBy) implements FrontMatter {

    /** {@code content/wellness/}, at {@code /wellness/{slug}}, by weight then newest, with a feed. */
    public static final ContentType<WellnessInitiative> TYPE = ContentType
            .builder("wellness", WellnessInitiative.class, ContentType.Placement.SECTION)
            .singular("wellness initiative")
            .label("Wellness")
            .order(Comparator.comparingInt((Page<WellnessInitiative> p) -> p.meta().order())
                    .thenComparing(p -> p.meta().date(), Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(Page::title))
            .summary(page -> page.data().summary())
            .search(page -> SearchText.of("page", "Wellness", page.data().summary()))
            .feed()
            .build();

    @Override
    public List<FieldProblem> validate(Meta meta) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.require(problems, "summary", summary);
        return problems;
    }
}
