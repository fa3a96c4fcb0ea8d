package edu.rush.gme.program;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an applicant asked the finder for: the chosen values of each filter and the sort order,
 * as read from (and written back to) a plain query string, so every result has a shareable URL.
 */
public record FinderQuery(Map<String, Set<String>> selected, String sort) {

    public static final String SORT = "sort";

    public FinderQuery {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        selected.forEach((facet, values) -> {
            if (!values.isEmpty()) {
                copy.put(facet, Set.copyOf(new LinkedHashSet<>(values)));
            }
        });
        selected = Map.copyOf(copy);
    }

    public static FinderQuery empty() {
        return new FinderQuery(Map.of(), null);
    }

    /** Reads a finder address's query string as written ({@code visa=J-1&type=residency}); pairs without a key or value are ignored. */
    public static FinderQuery fromQueryString(String queryString, Collection<String> facetKeys) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : queryString.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
            }
        }
        return from(params, facetKeys);
    }

    /** Reads the parameters the finder knows; everything else is ignored. */
    public static FinderQuery from(Map<String, List<String>> params, Collection<String> facetKeys) {
        Map<String, Set<String>> selected = new LinkedHashMap<>();
        for (String facet : facetKeys) {
            List<String> values = params.getOrDefault(facet, List.of());
            Set<String> chosen = new LinkedHashSet<>();
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    chosen.add(value.strip());
                }
            }
            selected.put(facet, chosen);
        }
        List<String> sort = params.getOrDefault(SORT, List.of());
        String sortKey = sort.isEmpty() ? null : sort.get(0);
        return new FinderQuery(selected, ProgramFinder.Sort.isKnown(sortKey) && !sortKey.equals(ProgramFinder.Sort.TITLE.key()) ? sortKey : null);
    }

    public Set<String> values(String facet) {
        return selected.getOrDefault(facet, Set.of());
    }

    public boolean isEmpty() {
        return selected.isEmpty();
    }

    public FinderQuery with(String facet, String value) {
        Map<String, Set<String>> next = new LinkedHashMap<>(selected);
        Set<String> values = new LinkedHashSet<>(values(facet));
        values.add(value);
        next.put(facet, values);
        return new FinderQuery(next, sort);
    }

    public FinderQuery without(String facet, String value) {
        Map<String, Set<String>> next = new LinkedHashMap<>(selected);
        Set<String> values = new LinkedHashSet<>(values(facet));
        values.remove(value);
        next.put(facet, values);
        return new FinderQuery(next, sort);
    }

    /** The query string for these choices, in a stable order (facet order, then value order given). */
    public String toQueryString(List<String> facetOrder) {
        List<String> parts = new ArrayList<>();
        for (String facet : facetOrder) {
            values(facet).stream().sorted().forEach(value -> parts.add(encode(facet) + "=" + encode(value)));
        }
        if (sort != null) {
            parts.add(SORT + "=" + encode(sort));
        }
        return String.join("&", parts);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
