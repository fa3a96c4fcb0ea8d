package edu.rush.gme.news;

import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.Meta;
import java.util.ArrayList;
import java.util.List;

/**
 * A news story's own front matter: the teaser shown in lists and under the headline. A story also
 * needs the common {@code date}, which orders the news list.
 */
public record NewsStory(String summary) implements FrontMatter {

    @Override
    public List<FieldProblem> validate(Meta meta) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.require(problems, "date", meta.date());
        FieldProblem.require(problems, "summary", summary);
        return problems;
    }
}
