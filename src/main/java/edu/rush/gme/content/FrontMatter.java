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

        private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

        /** A whole number, when given, lies between min and max. */
        public static void checkRange(List<FieldProblem> problems, String field, Integer value, int min, int max) {
            if (value != null && (value < min || value > max)) {
                problems.add(new FieldProblem(field, "'" + field + "' must be from " + min + " to " + max + ", got " + value));
            }
        }

        /** A time zone, when given, is one Java knows by its IANA name (America/Chicago). */
        public static void checkZone(List<FieldProblem> problems, String field, String value) {
            if (value == null) {
                return;
            }
            try {
                java.time.ZoneId.of(value);
            } catch (java.time.DateTimeException e) {
                problems.add(new FieldProblem(field, "'" + field + "' must be a time zone name like America/Chicago, got \"" + value + "\""));
            }
        }

        /** An e-mail address, when given, looks like one (name@host.domain). */
        public static void checkEmail(List<FieldProblem> problems, String field, String value) {
            if (value != null && !EMAIL.matcher(value).matches()) {
                problems.add(new FieldProblem(field, "'" + field + "' must be an e-mail address, got \"" + value + "\""));
            }
        }

        /** A web address: an absolute http:// or https:// URL with a host. */
        public static boolean isWebAddress(String value) {
            if (value == null) {
                return false;
            }
            try {
                java.net.URI uri = new java.net.URI(value.trim());
                return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }

        /** Every entry of a list of web addresses (such as 'sources'), when given, is one. */
        public static void checkWebAddresses(List<FieldProblem> problems, String field, List<String> values) {
            if (values == null) {
                return;
            }
            for (int i = 0; i < values.size(); i++) {
                if (!isWebAddress(values.get(i))) {
                    String at = field + "[" + i + "]";
                    problems.add(new FieldProblem(at, "'" + at + "' must be a web address starting with https:// or http://, got \""
                            + values.get(i) + "\""));
                }
            }
        }

        public static void require(List<FieldProblem> problems, String field, Object value) {
            if (value == null || (value instanceof String s && s.isBlank())
                    || (value instanceof java.util.Collection<?> c && c.isEmpty())) {
                problems.add(missing(field));
            }
        }
    }
}
