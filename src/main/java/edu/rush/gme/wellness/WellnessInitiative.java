package edu.rush.gme.wellness;

import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.Meta;
import java.util.ArrayList;
import java.util.List;

/** A wellness initiative's own front matter: the teaser, and the office or group that runs it. */
public record WellnessInitiative(String summary, String ledBy) implements FrontMatter {

    @Override
    public List<FieldProblem> validate(Meta meta) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.require(problems, "summary", summary);
        return problems;
    }
}
