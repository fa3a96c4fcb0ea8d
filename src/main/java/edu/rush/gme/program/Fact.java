package edu.rush.gme.program;

/**
 * One fact about a program as applicants see it, in the fixed order of {@link ProgramFacts}.
 *
 * @param group   the part of the program page it belongs to
 * @param value   the text to show; null when the program has not reported it
 * @param applies false when the fact means nothing for the program's type (NRMP tracks for a pharmacy
 *                residency); its value then says so
 */
public record Fact(String key, String label, String group, String value, boolean applies) {

    public static final String NOT_REPORTED = "Not reported";

    public boolean isReported() {
        return value != null;
    }

    /** What a page, a comparison or a spreadsheet shows: the value, or "Not reported". */
    public String shown() {
        return value == null ? NOT_REPORTED : value;
    }
}
