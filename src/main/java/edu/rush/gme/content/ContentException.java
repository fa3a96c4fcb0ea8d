package edu.rush.gme.content;

import java.util.List;

/** A content file that cannot be used, with every problem found in it. */
public final class ContentException extends Exception {
    private final List<ContentProblem> problems;

    public ContentException(List<ContentProblem> problems) {
        super(problems.isEmpty() ? "content problem" : problems.get(0).toString(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public ContentException(ContentProblem problem) {
        this(List.of(problem));
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
