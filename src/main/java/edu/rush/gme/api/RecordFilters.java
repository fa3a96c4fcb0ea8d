package edu.rush.gme.api;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.ListFilters;
import edu.rush.gme.content.Meta;
import edu.rush.gme.content.Page;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The list filters and sorts of a type that declares none of its own, read off its records: each
 * enum field filters by its values ({@code layout=about}; repeat it for any of several), each date
 * field by a range (the common {@code date} with {@code from} and {@code to}, another date field
 * {@code verified} with {@code verifiedFrom} and {@code verifiedTo}, both ends included), and the
 * list sorts by {@code title} or any date field, {@code -} in front for descending. Publish and
 * expiry dates are scheduling, not content, and are left out.
 */
final class RecordFilters<T extends FrontMatter> implements ListFilters<T> {

    private static final Set<String> SCHEDULING = Set.of("publishDate", "expiryDate");

    /** One filter with how to test a page against its values. */
    private record Test(Filter filter, Function<Page<?>, Object> value) {
    }

    private final ContentType<T> type;
    private final List<Test> tests = new ArrayList<>();
    private final Map<String, Function<Page<?>, Object>> dateFields = new java.util.LinkedHashMap<>();

    RecordFilters(ContentType<T> type) {
        this.type = type;
        for (RecordComponent c : Meta.class.getRecordComponents()) {
            add(c, page -> read(c, page.meta()), c.getName());
        }
        for (RecordComponent c : type.record().getRecordComponents()) {
            add(c, page -> read(c, page.data()), ApiJson.fieldName(type, ApiJson.jsonName(c)));
        }
    }

    private void add(RecordComponent c, Function<Page<?>, Object> value, String name) {
        if (SCHEDULING.contains(c.getName())) {
            return;
        }
        if (c.getType() == LocalDate.class) {
            dateFields.put(name, value);
            String from = name.equals("date") ? "from" : name + "From";
            String to = name.equals("date") ? "to" : name + "To";
            tests.add(new Test(new Filter(from, "'" + name + "' on or after this date", false, null, "date"), value));
            tests.add(new Test(new Filter(to, "'" + name + "' on or before this date", false, null, "date"), value));
        } else if (c.getType().isEnum()) {
            List<String> keys = new ArrayList<>();
            for (Object constant : c.getType().getEnumConstants()) {
                keys.add(key(constant));
            }
            tests.add(new Test(new Filter(name, "'" + name + "' is one of these", true, keys, "string"), value));
        }
    }

    @Override
    public List<Filter> filters() {
        return tests.stream().map(Test::filter).toList();
    }

    @Override
    public List<String> sorts() {
        List<String> sorts = new ArrayList<>(List.of("title", "-title"));
        dateFields.keySet().forEach(name -> sorts.addAll(List.of(name, "-" + name)));
        return sorts;
    }

    @Override
    public List<Page<T>> list(ContentSnapshot snapshot, Instant now, Map<String, List<String>> filters, String sort) {
        Predicate<Page<?>> matches = page -> true;
        for (Test test : tests) {
            List<String> values = filters.getOrDefault(test.filter().name(), List.of());
            if (values.isEmpty()) {
                continue;
            }
            Filter filter = test.filter();
            if (filter.format().equals("date")) {
                LocalDate bound = LocalDate.parse(values.get(0));
                boolean from = filter.name().endsWith("rom");
                matches = matches.and(page -> test.value().apply(page) instanceof LocalDate date
                        && (from ? !date.isBefore(bound) : !date.isAfter(bound)));
            } else {
                Set<String> wanted = Set.copyOf(values);
                matches = matches.and(page -> {
                    Object v = test.value().apply(page);
                    return v != null && wanted.contains(key(v));
                });
            }
        }
        List<Page<T>> pages = new ArrayList<>(snapshot.list(type, now).stream().filter(matches).toList());
        if (sort != null) {
            pages.sort(order(sort));
        }
        return pages;
    }

    private Comparator<Page<T>> order(String sort) {
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        Comparator<Page<T>> byTitle = Comparator.comparing(p -> p.title().toLowerCase(Locale.ROOT));
        if (field.equals("title")) {
            return descending ? byTitle.reversed() : byTitle;
        }
        Function<Page<?>, Object> value = dateFields.get(field);
        Comparator<LocalDate> dates = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        // Pages without the date come last either way.
        return Comparator.comparing((Page<T> p) -> (LocalDate) value.apply(p), Comparator.nullsLast(dates)).thenComparing(byTitle);
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An enum constant as front matter writes it (its {@code @JsonValue}), as the API writes it. */
    static String key(Object constant) {
        return ApiJson.MAPPER.convertValue(constant, String.class);
    }
}
