package edu.rush.gme.content;

import java.util.List;

/**
 * A content type's own front matter record (beside the common {@link Meta}), able to check the
 * rules its field types cannot express.
 */
public interface FrontMatter {

    /** Problems keyed by field, located later at that field's line. Empty when all is well. */
    List<FieldProblem> validate(Meta meta);

    /** A problem with one front matter field (or with a missing one). */
    record FieldProblem(String field, String message) {
        public static FieldProblem missing(String field) {
            return new FieldProblem(field, "missing required field '" + field + "'");
        }

        public static void require(List<FieldProblem> problems, String field, Object value) {
            if (value == null || (value instanceof String s && s.isBlank())
                    || (value instanceof java.util.Collection<?> c && c.isEmpty())) {
                problems.add(missing(field));
            }
        }
    }
}
