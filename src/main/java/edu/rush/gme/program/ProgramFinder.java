package edu.rush.gme.program;

import edu.rush.gme.content.Page;
import edu.rush.gme.program.Program.Requirements;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The program finder over one list of programs: filters that combine as applicants expect (any of
 * the values chosen within a filter, all filters together), and for every value of every filter
 * the number of programs it would give with the other filters applied ("drill-sideways" counts),
 * so no choice leads to an empty list by surprise. Built once per content snapshot; each program
 * is a bit in one bit set per filter value, so a search is a few bitwise operations.
 */
public final class ProgramFinder {

    /** Ways to order the results. */
    public enum Sort {
        TITLE("title", "Name (A to Z)", Comparator.comparing(p -> p.title().toLowerCase())),
        POSITIONS("positions", "Most positions first", Comparator.comparing(
                (Page<Program> p) -> p.data().positionsPerYear(), Comparator.nullsLast(Comparator.reverseOrder()))),
        LENGTH("length", "Shortest training first", Comparator.comparing(
                (Page<Program> p) -> p.data().lengthYears(), Comparator.nullsLast(Comparator.naturalOrder()))),
        /** Only deadlines still ahead count: a closed window sorts with the programs that report none. */
        DEADLINE("deadline", "Earliest deadline first", (a, b) -> 0);

        private final String key;
        private final String label;
        private final Comparator<Page<Program>> order;

        Sort(String key, String label, Comparator<Page<Program>> order) {
            this.key = key;
            this.label = label;
            this.order = order.thenComparing(p -> p.title().toLowerCase());
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        static boolean isKnown(String key) {
            return key != null && java.util.Arrays.stream(values()).anyMatch(sort -> sort.key.equals(key));
        }

        static Sort from(String key) {
            for (Sort sort : values()) {
                if (sort.key.equals(key)) {
                    return sort;
                }
            }
            return TITLE;
        }
    }

    /** A filter: its query parameter, its label, whether one or several values can be chosen, and its values. */
    public record Facet(String key, String label, boolean multiple, List<Option> options) {
    }

    /**
     * One value of a filter, with how many programs it would give and the query that toggles it, made
     * only when asked (the finder's form needs none of them, and each costs an encoding).
     */
    public record Option(String value, String label, int count, boolean selected, java.util.function.Supplier<String> toggle) {
        public String toggleQuery() {
            return toggle.get();
        }
    }

    /**
     * The query that chooses a value, or drops it when chosen (one value at most for a single-choice
     * filter), encoded only when a page prints it. A class, not a lambda: with only the C1 compiler a
     * capturing lambda is allocated through a native call, and a finder page makes one per value.
     */
    private record Toggle(FinderQuery query, String facet, String value, boolean selected, boolean multiple)
            implements java.util.function.Supplier<String> {
        @Override
        public String get() {
            return (selected ? query.without(facet, value) : multiple ? query.with(facet, value) : replace(query, facet, value))
                    .toQueryString(FACET_KEYS);
        }
    }

    /** An active choice, with the URL that removes it (for the summary and the empty state). */
    public record ActiveFilter(String facetLabel, String valueLabel, String removeQuery) {
    }

    /** What the finder found. */
    public record Result(List<Page<Program>> programs, List<Facet> facets, List<ActiveFilter> active, Sort sort, int total) {
    }

    /**
     * A filter: how to read its values off a program, and {@code appliesTo}, the types whose programs
     * it means something for (a licensing exam, the time since graduation and US clinical experience
     * are for physicians, as their facts are in {@link ProgramFacts}); a list of other types only does
     * not offer it.
     */
    private record Dimension(String key, String label, boolean multiple, Function<Program, Set<String>> values,
                             Map<String, String> fixedLabels, Set<ProgramType> appliesTo) {
        Dimension(String key, String label, boolean multiple, Function<Program, Set<String>> values, Map<String, String> fixedLabels) {
            this(key, label, multiple, values, fixedLabels, java.util.EnumSet.allOf(ProgramType.class));
        }

        /** Whether a list of these types (none chosen: every type) has a use for this filter. */
        boolean appliesToAny(Set<String> typeKeys) {
            return typeKeys.isEmpty() || appliesTo.stream().anyMatch(type -> typeKeys.contains(type.key()));
        }
    }

    static final int[] GRADUATION_WINDOWS = {1, 2, 3, 5, 10};

    private static final List<Dimension> DIMENSIONS = List.of(
            new Dimension("type", "Type of program", true,
                    p -> p.type() == null ? Set.of() : Set.of(p.type().key()), typeLabels()),
            new Dimension("specialty", "Specialty", false, p -> single(p.specialty()), Map.of()),
            new Dimension("department", "Department", false, p -> single(p.department()), Map.of()),
            new Dimension("length", "Length of training", true,
                    p -> p.lengthYears() == null ? Set.of() : Set.of(String.valueOf(p.lengthYears())), Map.of()),
            new Dimension("visa", "Visa sponsorship", true, p -> p.visas() == null ? Set.of()
                    : p.visas().stream().map(Program.Visa::key).collect(java.util.stream.Collectors.toSet()),
                    labels("J-1", "Sponsors J-1 visas", "H-1B", "Sponsors H-1B visas")),
            new Dimension("comlex", "For DO applicants", false, p -> accepts(p.requirements(), Requirements::comlex, "yes"),
                    labels("yes", "Accepts COMLEX"), ProgramFacts.PHYSICIANS),
            new Dimension("graduation", "Graduated up to", false, ProgramFinder::graduationWindows, graduationLabels(), ProgramFacts.PHYSICIANS),
            new Dimension("usce", "US clinical experience", false,
                    p -> p.requirements() != null && Boolean.FALSE.equals(p.requirements().usceRequired()) ? Set.of("not-required") : Set.of(),
                    labels("not-required", "Not required"), ProgramFacts.PHYSICIANS),
            new Dimension("interview", "Interview format", true, p -> p.interviews() == null || p.interviews().format() == null ? Set.of()
                    : Set.of(p.interviews().format().key()), interviewLabels()));

    /** The application window's filter: its values depend on the day, so each finder adds it for its own day. */
    static final String WINDOW = "window";

    public static final List<String> FACET_KEYS = java.util.stream.Stream.concat(
            DIMENSIONS.stream().map(Dimension::key), java.util.stream.Stream.of(WINDOW)).toList();

    private static final Map<String, String> WINDOW_LABELS = labels("ahead", "Deadline still ahead", "open", "Open now");

    /**
     * A filter as the content API describes it: its key, label, whether several values may be
     * chosen, and its fixed values (empty when its values are read off the programs, like specialty).
     */
    public record FilterSpec(String key, String label, boolean multiple, List<String> fixedValues) {
    }

    /** Every filter, in {@link #FACET_KEYS} order. */
    public static final List<FilterSpec> FILTERS = java.util.stream.Stream.concat(
            DIMENSIONS.stream().map(d -> new FilterSpec(d.key(), d.label(), d.multiple(), List.copyOf(d.fixedLabels().keySet()))),
            java.util.stream.Stream.of(new FilterSpec(WINDOW, "Applications", false, List.copyOf(WINDOW_LABELS.keySet())))).toList();

    /** Every value of a filter that some program of this finder has (the values its facet lists). */
    public Set<String> values(String facet) {
        Map<String, BitSet> byValue = index.get(facet);
        return byValue == null ? Set.of() : byValue.keySet();
    }

    private final List<Page<Program>> programs;
    private final List<Dimension> dimensions;
    /** Per program, the deadline applicants can still meet on the finder's day (null when closed or not reported). */
    private final Map<Page<Program>, java.time.LocalDate> deadlinesAhead = new java.util.IdentityHashMap<>();
    /** Per filter, per value: the programs that have it. */
    private final Map<String, Map<String, BitSet>> index = new LinkedHashMap<>();
    /** Each set of {@link #index} as its words, for counting (the sets are never changed once made). */
    private final Map<BitSet, long[]> words = new java.util.IdentityHashMap<>();
    private final BitSet all;

    /** The finder over these programs as they stand on {@code today} (application windows open and close by day). */
    /** Each sort's order of all programs, by {@link Sort#ordinal()}, made when first asked for. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<int[]> orders = new java.util.concurrent.atomic.AtomicReferenceArray<>(Sort.values().length);

    public ProgramFinder(List<Page<Program>> programs, java.time.LocalDate today) {
        this.programs = List.copyOf(programs);
        this.all = new BitSet(programs.size());
        all.set(0, programs.size());
        Map<Program, ApplicationWindow> windows = new java.util.IdentityHashMap<>();
        for (Page<Program> page : this.programs) {
            ApplicationWindow window = ApplicationWindow.of(page.data(), today);
            windows.put(page.data(), window);
            deadlinesAhead.put(page, window.deadlineAhead());
        }
        List<Dimension> withWindow = new ArrayList<>(DIMENSIONS);
        withWindow.add(new Dimension(WINDOW, "Applications", false, p -> windowValues(windows.get(p)), WINDOW_LABELS));
        this.dimensions = List.copyOf(withWindow);
        for (Dimension d : dimensions) {
            Map<String, BitSet> byValue = new LinkedHashMap<>();
            for (String value : orderedValues(d)) {
                byValue.put(value, new BitSet(programs.size()));
            }
            for (int i = 0; i < programs.size(); i++) {
                for (String value : d.values().apply(programs.get(i).data())) {
                    byValue.get(value).set(i);
                }
            }
            index.put(d.key(), byValue);
            byValue.values().forEach(bits -> words.put(bits, bits.toLongArray()));
        }
    }

    public int size() {
        return programs.size();
    }

    public Result find(FinderQuery query) {
        Map<String, BitSet> perFacet = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            perFacet.put(d.key(), matching(d, query.values(d.key())));
        }
        BitSet hits = (BitSet) all.clone();
        perFacet.values().forEach(hits::and);

        List<Facet> facets = new ArrayList<>();
        List<ActiveFilter> active = new ArrayList<>();
        for (Dimension d : dimensions) {
            BitSet others = (BitSet) all.clone();
            perFacet.forEach((key, bits) -> {
                if (!key.equals(d.key())) {
                    others.and(bits);
                }
            });
            List<Option> options = new ArrayList<>();
            long[] otherWords = others.toLongArray();
            for (Map.Entry<String, BitSet> value : index.get(d.key()).entrySet()) {
                int count = countBoth(otherWords, words.get(value.getValue()));
                boolean selected = query.values(d.key()).contains(value.getKey());
                String key = value.getKey();
                String label = d.fixedLabels().getOrDefault(key, labelOf(d, key));
                options.add(new Option(key, label, count, selected, new Toggle(query, d.key(), key, selected, d.multiple())));
                if (selected) {
                    active.add(new ActiveFilter(d.label(), label, query.without(d.key(), value.getKey()).toQueryString(FACET_KEYS)));
                }
            }
            // Offered where it applies to a type listed; a filter chosen anyway stays, so it can be seen and removed.
            if (d.appliesToAny(query.values("type")) || options.stream().anyMatch(Option::selected)) {
                facets.add(new Facet(d.key(), d.label(), d.multiple(), options));
            }
        }

        Sort sort = Sort.from(query.sort());
        List<Page<Program>> found = new ArrayList<>(hits.cardinality());
        // Each program's bit read from the words in place (BitSet.get is a call per program with only C1).
        long[] hitWords = hits.toLongArray();
        for (int i : order(sort)) {
            if ((i >>> 6) < hitWords.length && (hitWords[i >>> 6] & (1L << i)) != 0) {
                found.add(programs.get(i));
            }
        }
        return new Result(found, facets, active, sort, programs.size());
    }

    /**
     * Every program's position in this order, sorted once per finder (a snapshot and a day) when it
     * is first asked for: a request walks it and keeps its hits, instead of sorting them, which at
     * 10,000 programs lowercased two titles per comparison. The sort is stable and so is the walk,
     * so the hits come in the order sorting them would give.
     */
    private int[] order(Sort sort) {
        int[] order = orders.get(sort.ordinal());
        if (order == null) {
            Comparator<Page<Program>> by = sort == Sort.DEADLINE ? byDeadlineAhead().thenComparing(Sort.TITLE.order) : sort.order;
            List<Integer> positions = new ArrayList<>(programs.size());
            for (int i = 0; i < programs.size(); i++) {
                positions.add(i);
            }
            positions.sort((a, b) -> by.compare(programs.get(a), programs.get(b)));
            order = positions.stream().mapToInt(Integer::intValue).toArray();
            // Two requests may both sort it first: the same array either way.
            orders.set(sort.ordinal(), order);
        }
        return order;
    }

    private Comparator<Page<Program>> byDeadlineAhead() {
        return Comparator.comparing(deadlinesAhead::get, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static Set<String> windowValues(ApplicationWindow window) {
        if (window == null || window.deadlineAhead() == null && !window.isOpen()) {
            return Set.of();
        }
        return window.isOpen() ? Set.of("ahead", "open") : Set.of("ahead");
    }

    /** How many programs are in both sets, each given as {@link BitSet#toLongArray()}: a facet option's count, without a set made for it. */
    static int countBoth(long[] a, long[] b) {
        int n = Math.min(a.length, b.length);
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += Long.bitCount(a[i] & b[i]);
        }
        return count;
    }

    /** Programs having any of the chosen values; all programs when nothing (or nothing known) is chosen. */
    private BitSet matching(Dimension d, Set<String> chosen) {
        BitSet any = null;
        for (String value : chosen) {
            BitSet bits = index.get(d.key()).get(value);
            if (bits != null) {
                if (any == null) {
                    any = new BitSet(programs.size());
                }
                any.or(bits);
            }
        }
        return any == null ? all : any;
    }

    private static FinderQuery replace(FinderQuery query, String facet, String value) {
        FinderQuery cleared = query;
        for (String old : query.values(facet)) {
            cleared = cleared.without(facet, old);
        }
        return cleared.with(facet, value);
    }

    private Set<String> orderedValues(Dimension d) {
        if (!d.fixedLabels().isEmpty()) {
            return d.fixedLabels().keySet();
        }
        Set<String> values = d.key().equals("length") ? new TreeSet<>(Comparator.comparingInt(Integer::parseInt)) : new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Page<Program> page : programs) {
            values.addAll(d.values().apply(page.data()));
        }
        return values;
    }

    private static String labelOf(Dimension d, String value) {
        return d.key().equals("length") ? ProgramFacts.years(Integer.parseInt(value)) : value;
    }

    private static Set<String> single(String value) {
        return value == null || value.isBlank() ? Set.of() : Set.of(value);
    }

    private static Set<String> accepts(Requirements r, Function<Requirements, Boolean> exam, String value) {
        return r != null && Boolean.TRUE.equals(exam.apply(r)) ? Set.of(value) : Set.of();
    }

    /** A program that accepts graduates of up to N years ago also matches every shorter window. */
    private static Set<String> graduationWindows(Program p) {
        if (p.requirements() == null || p.requirements().yearsSinceGraduation() == null) {
            return Set.of();
        }
        Set<String> windows = new LinkedHashSet<>();
        for (int window : GRADUATION_WINDOWS) {
            if (p.requirements().yearsSinceGraduation() >= window) {
                windows.add(String.valueOf(window));
            }
        }
        return windows;
    }

    /** Labels in the order given: value, label, value, label... */
    private static Map<String, String> labels(String... valuesAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < valuesAndLabels.length; i += 2) {
            labels.put(valuesAndLabels[i], valuesAndLabels[i + 1]);
        }
        return labels;
    }

    private static Map<String, String> typeLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (ProgramType type : ProgramType.values()) {
            labels.put(type.key(), type.listTitle());
        }
        return labels;
    }

    private static Map<String, String> graduationLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int window : GRADUATION_WINDOWS) {
            labels.put(String.valueOf(window), ProgramFacts.years(window) + " ago");
        }
        return labels;
    }

    private static Map<String, String> interviewLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Program.InterviewFormat format : Program.InterviewFormat.values()) {
            labels.put(format.key(), format.label());
        }
        return labels;
    }
}
