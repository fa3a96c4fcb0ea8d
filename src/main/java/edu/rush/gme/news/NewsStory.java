package edu.rush.gme.news;

import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.Meta;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SearchText;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A news story's own front matter: the teaser shown in lists and under the headline. A story also
 * needs the common {@code date}, which orders the news list.
 */
public record NewsStory(String summary) implements FrontMatter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    /** {@code content/news/}, at {@code /news/{slug}}, newest first, with a feed. */
    public static final ContentType<NewsStory> TYPE = ContentType.builder("news", NewsStory.class, ContentType.Placement.SECTION)
            .singular("news story")
            .label("News")
            .order(Comparator.comparing((Page<NewsStory> p) -> p.meta().date(), Comparator.reverseOrder()).thenComparing(Page::title))
            .summary(page -> page.data().summary())
            .search(page -> SearchText.of("news", "News · " + DATE.format(page.meta().date()), page.data().summary()))
            .feed()
            .build();

    @Override
    public List<FieldProblem> validate(Meta meta) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.require(problems, "date", meta.date());
        FieldProblem.require(problems, "summary", summary);
        return problems;
    }
}
