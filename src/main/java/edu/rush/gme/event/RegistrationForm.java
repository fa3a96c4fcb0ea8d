package edu.rush.gme.event;

import java.util.List;
import java.util.Map;

/**
 * What an applicant typed into an event's registration form (or sent to the API), as received, so
 * that a form with mistakes comes back with every answer in it.
 *
 * @param programs the slugs ticked under "programs of interest"
 * @param website  a field people never see (a trap for robots)
 */
public record RegistrationForm(String name, String email, String applicantType, List<String> programs, String accessibility,
                               String website) {

    /** The fields in the order the form shows them (and its error summary lists them). */
    public static final List<String> FIELDS = List.of("name", "email", "applicantType", "programs", "accessibility");

    public RegistrationForm {
        programs = programs == null ? List.of() : List.copyOf(programs);
    }

    public static RegistrationForm empty() {
        return new RegistrationForm(null, null, null, List.of(), null, null);
    }

    /** From a form's fields (every value of "programs", the first of the others). */
    public static RegistrationForm of(Map<String, List<String>> values) {
        return new RegistrationForm(first(values, "name"), first(values, "email"), first(values, "applicantType"),
                values.getOrDefault("programs", List.of()), first(values, "accessibility"), first(values, "website"));
    }

    private static String first(Map<String, List<String>> values, String field) {
        List<String> list = values.get(field);
        return list == null || list.isEmpty() ? null : list.get(0);
    }
}
