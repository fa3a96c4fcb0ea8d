package edu.rush.gme.api;

import edu.rush.gme.content.ListFilters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query parameters of an API request, checked strictly: a parameter the address does not take,
 * a value it cannot use, or a parameter given twice that takes one value is refused with a problem
 * naming it, never ignored (a client that misspells a filter learns it at once).
 */
final class ApiQuery {

    static final String PAGE = "page";
    static final String SIZE = "size";
    static final String SORT = "sort";
    static final String FIELDS = "fields";
    static final List<String> PAGING = List.of(PAGE, SIZE, SORT, FIELDS);

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Longer than any slug, title or filter value; a longer value is refused before it is looked at. */
    static final int MAX_VALUE = 200;

    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

    private final Map<String, List<String>> params;

    ApiQuery(Map<String, List<String>> params) {
        this.params = params;
    }

    /** Refuses any parameter not among {@code known}. */
    ApiQuery only(Set<String> known) {
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw ApiProblem.badParameter(shown(name), "unknown parameter '" + shown(name) + "'; this address takes "
                        + (known.isEmpty() ? "no parameters" : String.join(", ", known)));
            }
        }
        return this;
    }

    /** The one value of a parameter, or null when it is not given. */
    String single(String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiProblem.badParameter(name, "'" + name + "' may be given once, got it " + values.size() + " times");
        }
        // A value that cannot be decoded (a lone '%') comes as no value at all.
        String value = values.isEmpty() ? "" : values.get(0);
        if (value.isBlank()) {
            throw ApiProblem.badParameter(name, "'" + name + "' is empty or not readable (percent-encoded as UTF-8?); give a value or leave the parameter out");
        }
        if (value.length() > MAX_VALUE) {
            throw ApiProblem.badParameter(name, "'" + name + "' is longer than " + MAX_VALUE + " characters");
        }
        return value;
    }

    int page() {
        return number(PAGE, 1, Integer.MAX_VALUE, 1);
    }

    int size() {
        return number(SIZE, 1, MAX_SIZE, DEFAULT_SIZE);
    }

    private int number(String name, int min, int max, int otherwise) {
        String value = single(name);
        if (value == null) {
            return otherwise;
        }
        int number = WHOLE.matcher(value).matches() ? Integer.parseInt(value) : -1;
        if (number < min || number > max) {
            throw ApiProblem.badParameter(name, "'" + name + "' must be a whole number from " + min
                    + (max == Integer.MAX_VALUE ? "" : " to " + max) + ", got '" + shown(value) + "'");
        }
        return number;
    }

    /** The sort asked for (one of {@code sorts}), or null for the list's own order. */
    String sort(List<String> sorts) {
        String sort = single(SORT);
        if (sort != null && !sorts.contains(sort)) {
            throw ApiProblem.badParameter(SORT, "'sort' must be one of " + String.join(", ", sorts) + "; got '" + shown(sort) + "'");
        }
        return sort;
    }

    /** The members asked for with {@code fields=a,b} (among {@code members}), or null for all. */
    Set<String> fields(Set<String> members) {
        String fields = single(FIELDS);
        if (fields == null) {
            return null;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String field : fields.split(",", -1)) {
            String name = field.strip();
            if (!members.contains(name)) {
                throw ApiProblem.badParameter(FIELDS, "'fields' lists names from " + String.join(", ", members)
                        + ", separated by commas; got '" + shown(name) + "'");
            }
            chosen.add(name);
        }
        return chosen;
    }

    /** The filters given, each value checked against what the filter takes. */
    Map<String, List<String>> filters(List<ListFilters.Filter> filters) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        for (ListFilters.Filter filter : filters) {
            List<String> values = params.get(filter.name());
            if (values == null) {
                continue;
            }
            if (!filter.repeatable() || values.isEmpty()) {
                values = List.of(single(filter.name()));
            }
            List<String> checked = new ArrayList<>();
            for (String value : values) {
                checked.add(check(filter, value));
            }
            chosen.put(filter.name(), checked);
        }
        return chosen;
    }

    private static String check(ListFilters.Filter filter, String value) {
        String name = filter.name();
        if (value.isBlank()) {
            throw ApiProblem.badParameter(name, "'" + name + "' is empty; give a value or leave the parameter out");
        }
        if (value.length() > MAX_VALUE) {
            throw ApiProblem.badParameter(name, "'" + name + "' is longer than " + MAX_VALUE + " characters");
        }
        if (filter.values() != null && !filter.values().contains(value)) {
            throw ApiProblem.badParameter(name, "'" + name + "' must be one of " + String.join(", ", filter.values())
                    + "; got '" + shown(value) + "'");
        }
        switch (filter.format()) {
            case "integer" -> {
                if (!WHOLE.matcher(value).matches()) {
                    throw ApiProblem.badParameter(name, "'" + name + "' must be a whole number, got '" + shown(value) + "'");
                }
            }
            case "date" -> {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    throw ApiProblem.badParameter(name, "'" + name + "' must be a date like 2026-09-15, got '" + shown(value) + "'");
                }
            }
            default -> {
            }
        }
        return value;
    }

    /** A value as a message may quote it: short, without control characters. */
    static String shown(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "\u2026" : clean;
    }
}
