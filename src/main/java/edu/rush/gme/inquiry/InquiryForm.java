package edu.rush.gme.inquiry;

import java.util.Map;

/**
 * What an applicant typed into the inquiry form (or sent to the API), as text, exactly as received,
 * so that a form with mistakes comes back with every answer still in it.
 *
 * @param program the program's slug, or {@link #OFFICE} for a general question
 * @param website a field people never see (a trap for robots); anything in it marks the inquiry as spam
 */
public record InquiryForm(String program, String name, String email, String applicantType, String graduationYear,
                          String message, String website) {

    /** The choice for a question to the GME office rather than one program. */
    public static final String OFFICE = "office";

    /** The fields in the order the form shows them (and its error summary lists them). */
    public static final java.util.List<String> FIELDS = java.util.List.of("program", "name", "email", "applicantType", "graduationYear", "message");

    public static InquiryForm empty(String program) {
        return new InquiryForm(program, null, null, null, null, null, null);
    }

    public static InquiryForm of(Map<String, String> values) {
        return new InquiryForm(values.get("program"), values.get("name"), values.get("email"), values.get("applicantType"),
                values.get("graduationYear"), values.get("message"), values.get("website"));
    }
}
