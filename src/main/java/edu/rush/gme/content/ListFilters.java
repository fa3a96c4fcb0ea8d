package edu.rush.gme.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The filters and sorts a content type's lists offer (the content API's list parameters), for a
 * type that declares its own (programs take the finder's). A type without one gets filters on its
 * enum and date fields and sorts by title and date, worked out from its records.
 *
 * @param <T> the type's own front matter record
 */
public interface ListFilters<T extends FrontMatter> {

    /**
     * One filter parameter.
     *
     * @param name       the query parameter
     * @param label      what it filters, in words
     * @param repeatable whether it may be given several times (any of the values matches)
     * @param values     the values it takes, or null when any value of {@code format} may be given
     * @param format     {@code "string"}, {@code "integer"} or {@code "date"} (ISO 8601, like 2026-09-15)
     */
    record Filter(String name, String label, boolean repeatable, List<String> values, String format) {
        public Filter {
            values = values == null ? null : List.copyOf(values);
        }
    }

    /** Its filters, in the order the documentation lists them. */
    List<Filter> filters();

    /** The names of its sorts; the first is the default. */
    List<String> sorts();

    /**
     * The visible pages that match, in the order asked. Every value has been checked against
     * {@link #filters()} and the sort is one of {@link #sorts()} or null (the default).
     */
    List<Page<T>> list(ContentSnapshot snapshot, Instant now, Map<String, List<String>> filters, String sort);
}
