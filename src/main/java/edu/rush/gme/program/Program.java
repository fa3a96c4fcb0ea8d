package edu.rush.gme.program;

import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.Meta;
import java.util.ArrayList;
import java.util.List;

/**
 * A training program's own front matter (beside title and the common fields). The full applicant
 * fact model grows here.
 *
 * @param lengthYears      how many years the training lasts
 * @param positionsPerYear how many trainees start each year
 */
public record Program(
        ProgramType type,
        String specialty,
        String department,
        String summary,
        Integer lengthYears,
        Integer positionsPerYear) implements FrontMatter {

    @Override
    public List<FieldProblem> validate(Meta meta) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.require(problems, "type", type);
        FieldProblem.require(problems, "specialty", specialty);
        FieldProblem.require(problems, "summary", summary);
        if (lengthYears != null && (lengthYears < 1 || lengthYears > 8)) {
            problems.add(new FieldProblem("lengthYears", "'lengthYears' must be from 1 to 8, got " + lengthYears));
        }
        if (positionsPerYear != null && (positionsPerYear < 1 || positionsPerYear > 200)) {
            problems.add(new FieldProblem("positionsPerYear", "'positionsPerYear' must be from 1 to 200, got " + positionsPerYear));
        }
        return problems;
    }
}
