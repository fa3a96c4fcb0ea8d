package edu.rush.gme.program;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ListFilters;
import edu.rush.gme.content.Page;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The program list's filters and sorts as the content API offers them: the finder's, with the same
 * names and meaning ({@code /api/v1/programs?type=residency&visa=J-1&sort=deadline} lists what
 * {@code /programs?type=residency&visa=J-1&sort=deadline} shows), answered by the same finder.
 */
final class ProgramListFilters implements ListFilters<Program> {

    /** Filters whose values are numbers. */
    private static final java.util.Set<String> NUMBERS = java.util.Set.of("length", "graduation");

    /** One finder per content version and day, shared by every API request. */
    private final ProgramCatalog catalog = new ProgramCatalog();

    @Override
    public List<Filter> filters() {
        return ProgramFinder.FILTERS.stream()
                .map(f -> new Filter(f.key(), f.label(), f.multiple(), f.fixedValues().isEmpty() ? null : f.fixedValues(),
                        NUMBERS.contains(f.key()) ? "integer" : "string"))
                .toList();
    }

    @Override
    public List<String> sorts() {
        return Arrays.stream(ProgramFinder.Sort.values()).map(ProgramFinder.Sort::key).toList();
    }

    @Override
    public List<Page<Program>> list(ContentSnapshot snapshot, Instant now, Map<String, List<String>> filters, String sort) {
        ProgramFinder finder = catalog.finder(snapshot, now);
        // The finder reads a value no program has as no choice at all; asked for a specialty nobody teaches, the API lists none.
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            if (!filter.getValue().isEmpty() && filter.getValue().stream().noneMatch(finder.values(filter.getKey())::contains)) {
                return List.of();
            }
        }
        Map<String, List<String>> params = new java.util.HashMap<>(filters);
        if (sort != null) {
            params.put(FinderQuery.SORT, List.of(sort));
        }
        return finder.find(FinderQuery.from(params, ProgramFinder.FACET_KEYS)).programs();
    }
}
