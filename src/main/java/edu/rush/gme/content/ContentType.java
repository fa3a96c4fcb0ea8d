package edu.rush.gme.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A kind of content, declared once in its own feature package and registered in
 * {@link ContentTypes}: where its files lie, the record its front matter binds to, the order of its
 * list, its URLs, its summary, what it gives the search index and the sitemap, and the rules that
 * need all of its files at once. The content package reads, orders and serves every type the same
 * way through these values; it knows no type by name.
 *
 * @param <T> the type's own front matter record
 */
public final class ContentType<T extends FrontMatter> {

    /** Where a type's files lie in the content folder, which fixes their URLs. */
    public enum Placement {
        /** {@code content/_index.md}, at {@code /}. */
        HOME,
        /** {@code content/NAME.md}, at {@code /NAME}. */
        PAGE,
        /** {@code content/FOLDER/NAME.md} or {@code content/FOLDER/NAME/index.md}, at {@code /FOLDER/NAME}; the folder's {@code _index.md} is its list's intro. */
        SECTION
    }

    /**
     * A rule over all of a type's pages at once (a link between two programs, an event's programs):
     * may report problems and correct pages. {@code loaded} tells the slugs of every type's pages.
     */
    @FunctionalInterface
    public interface Check<T extends FrontMatter> {
        List<Page<T>> check(List<Page<T>> pages, Loaded loaded, Problems problems);
    }

    /** What a {@link Check} may know of the other files: the slugs each type has, visible or not. */
    @FunctionalInterface
    public interface Loaded {
        Set<String> slugs(ContentType<?> type);
    }

    /** Where a {@link Check} reports: at a field's line in a page's file. */
    @FunctionalInterface
    public interface Problems {
        void at(Page<?> page, String field, String message);

        /**
         * The entries of a list field of slugs that {@code whyNot} accepts (answers null for); each
         * other one is reported at its line as "'field[i]': why" and left out.
         */
        default List<String> keepKnown(Page<?> page, String field, List<String> slugs, Function<String, String> whyNot) {
            List<String> known = new ArrayList<>(slugs.size());
            for (int i = 0; i < slugs.size(); i++) {
                String why = whyNot.apply(slugs.get(i));
                if (why == null) {
                    known.add(slugs.get(i));
                } else {
                    String at = field + "[" + i + "]";
                    at(page, at, "'" + at + "': " + why);
                }
            }
            return known;
        }
    }

    /** A list page of the site that shows some of a type's pages (the sitemap dates it by the newest of them). */
    public record ListPage<T extends FrontMatter>(String url, Predicate<Page<T>> shows) {
    }

    private final String name;
    private final String singular;
    private final String label;
    private final Placement placement;
    private final Class<T> record;
    private final Comparator<Page<T>> order;
    private final Set<String> reservedSlugs;
    private final Check<T> check;
    private final Function<Page<T>, String> summary;
    private final Function<Page<T>, SearchText> search;
    private final List<ListPage<T>> listPages;
    private final boolean feed;
    private final java.util.function.BiFunction<Page<T>, java.time.ZoneId, java.util.stream.Stream<java.time.Instant>> moments;
    private final ContentType<?> mentions;
    private final Function<Page<T>, List<String>> mentioned;
    private final Current<T> current;

    /** Whether a page still belongs among what is current at {@code now} (an event not yet over). */
    @FunctionalInterface
    public interface Current<T extends FrontMatter> {
        boolean test(Page<T> page, java.time.Instant now, java.time.ZoneId zone);
    }
    private final ListFilters<T> filters;
    private final java.util.function.BiFunction<Page<T>, java.time.ZoneId, java.util.Map<String, Object>> json;
    private final java.util.Map<String, String> jsonFormats;

    private ContentType(Builder<T> b) {
        this.name = b.name;
        this.singular = b.singular;
        this.label = b.label;
        this.placement = b.placement;
        this.record = b.record;
        this.order = b.order;
        this.reservedSlugs = Set.copyOf(b.reservedSlugs);
        this.check = b.check;
        this.summary = b.summary;
        this.search = b.search;
        this.listPages = List.copyOf(b.listPages);
        this.feed = b.feed;
        this.moments = b.moments;
        this.mentions = b.mentions;
        this.mentioned = b.mentioned;
        this.current = b.current;
        this.filters = b.filters;
        this.json = b.json;
        // In the order declared, as the API's items and schemas list them (a Map.copyOf's order changes between runs).
        this.jsonFormats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b.jsonFormats));
    }

    /**
     * Starts a declaration.
     *
     * @param name   the type's name in the API ({@code /api/v1/news}) and, for a section, its folder and first URL segment
     * @param record its own front matter record
     */
    public static <T extends FrontMatter> Builder<T> builder(String name, Class<T> record, Placement placement) {
        return new Builder<>(name, record, placement);
    }

    public String name() {
        return name;
    }

    /** One of it, in words ("news story"). */
    public String singular() {
        return singular;
    }

    /** Its list's heading ("News"). */
    public String label() {
        return label;
    }

    public Placement placement() {
        return placement;
    }

    public Class<T> record() {
        return record;
    }

    /** The folder its files lie in ("" for the home page and top-level pages). */
    public String folder() {
        return placement == Placement.SECTION ? name : "";
    }

    /** The URL of the page with this slug. */
    public String url(String slug) {
        return switch (placement) {
            case HOME -> "/";
            case PAGE -> "/" + slug;
            case SECTION -> "/" + name + "/" + slug;
        };
    }

    /** The URL of its list, for a section; null otherwise. */
    public String listUrl() {
        return placement == Placement.SECTION ? "/" + name : null;
    }

    public Comparator<Page<T>> order() {
        return order;
    }

    /** Slugs its pages may not take, as the site's own routes use them. */
    public Set<String> reservedSlugs() {
        return reservedSlugs;
    }

    /** Whether it has an Atom feed beside its list ({@code /news/feed.xml}). */
    public boolean hasFeed() {
        return feed;
    }

    /** Whether search indexes it. */
    public boolean isSearched() {
        return search != null;
    }

    /** The pages of the site that list it, for the sitemap. */
    public List<ListPage<T>> listPages() {
        return listPages;
    }

    /** Its teaser in plain text: the type's own, or the page's description. */
    public String summary(Page<?> page) {
        String own = summary == null ? null : summary.apply(cast(page));
        return own != null && !own.isBlank() ? own : page.meta().description();
    }

    /** The filters and sorts its lists offer, when the type declares its own; empty for the ones read off its records. */
    public java.util.Optional<ListFilters<T>> filters() {
        return java.util.Optional.ofNullable(filters);
    }

    /** Values the content API adds to a page's front matter fields (worked out, not written), in the site's zone; empty by default. */
    public java.util.Map<String, Object> json(Page<?> page, java.time.ZoneId zone) {
        return json == null ? java.util.Map.of() : json.apply(cast(page), zone);
    }

    /** The names of those values and their JSON Schema string format ("date-time"), for the API's schemas. */
    public java.util.Map<String, String> jsonFormats() {
        return jsonFormats;
    }

    /** What the search index takes of one page; null for a type that is not searched. */
    public SearchText searchText(Page<?> page) {
        return search == null ? null : search.apply(cast(page));
    }

    /**
     * The moments at which a page of this type shows differently though no file changed (an event
     * ending: its join text goes and its recording shows), in the site's {@code zone}. The snapshot
     * keys caches by them as it does by publish and expiry times, so pages change at that minute.
     */
    public java.util.stream.Stream<java.time.Instant> moments(Page<?> page, java.time.ZoneId zone) {
        return moments == null ? java.util.stream.Stream.empty() : moments.apply(cast(page), zone);
    }

    /**
     * The slugs of {@code target}'s pages that this page is about (an event's programs), for the
     * target's page to list it; empty when this type mentions no other.
     */
    public List<String> mentioned(Page<?> page, ContentType<?> target) {
        return mentions(target) ? mentioned.apply(cast(page)) : List.of();
    }

    /** Whether its pages are about pages of {@code target} at all. */
    public boolean mentions(ContentType<?> target) {
        return mentions == target && mentioned != null;
    }

    /** Whether the page is still current at {@code now} (true unless the type says otherwise). */
    public boolean isCurrent(Page<?> page, java.time.Instant now, java.time.ZoneId zone) {
        return current == null || current.test(cast(page), now, zone);
    }

    /** Runs its rules across files; returns the pages as they are to be served. */
    List<Page<T>> check(List<Page<T>> pages, Loaded loaded, Problems problems) {
        return check == null ? pages : check.check(pages, loaded, problems);
    }

    /** The page as one of this type's (every page of a snapshot's list of this type is). */
    @SuppressWarnings("unchecked")
    public Page<T> cast(Page<?> page) {
        if (!record.isInstance(page.data())) {
            throw new IllegalArgumentException(page.source() + " is not a " + singular);
        }
        return (Page<T>) page;
    }

    @Override
    public String toString() {
        return name;
    }

    /** A declaration in progress; {@link #build()} ends it. */
    public static final class Builder<T extends FrontMatter> {
        private final String name;
        private final Class<T> record;
        private final Placement placement;
        private String singular;
        private String label;
        private Comparator<Page<T>> order = Comparator.comparing(p -> p.title().toLowerCase());
        private final Set<String> reservedSlugs = new java.util.HashSet<>();
        private Check<T> check;
        private Function<Page<T>, String> summary;
        private Function<Page<T>, SearchText> search;
        private final List<ListPage<T>> listPages = new ArrayList<>();
        private boolean feed;
        private java.util.function.BiFunction<Page<T>, java.time.ZoneId, java.util.stream.Stream<java.time.Instant>> moments;
        private ContentType<?> mentions;
        private Function<Page<T>, List<String>> mentioned;
        private Current<T> current;
        private ListFilters<T> filters;
        private java.util.function.BiFunction<Page<T>, java.time.ZoneId, java.util.Map<String, Object>> json;
        private java.util.Map<String, String> jsonFormats = java.util.Map.of();

        private Builder(String name, Class<T> record, Placement placement) {
            if (!Slugs.isValid(name)) {
                throw new IllegalArgumentException("a content type's name is a slug, got " + name);
            }
            this.name = name;
            this.record = Objects.requireNonNull(record);
            this.placement = Objects.requireNonNull(placement);
            this.singular = name;
            this.label = name;
        }

        public Builder<T> singular(String singular) {
            this.singular = singular;
            return this;
        }

        public Builder<T> label(String label) {
            this.label = label;
            return this;
        }

        /** The order of its lists (by title when not given). */
        public Builder<T> order(Comparator<Page<T>> order) {
            this.order = order;
            return this;
        }

        public Builder<T> reservedSlugs(Set<String> slugs) {
            reservedSlugs.addAll(slugs);
            return this;
        }

        public Builder<T> check(Check<T> check) {
            this.check = check;
            return this;
        }

        public Builder<T> summary(Function<Page<T>, String> summary) {
            this.summary = summary;
            return this;
        }

        public Builder<T> search(Function<Page<T>, SearchText> search) {
            this.search = search;
            return this;
        }

        /** A list page of the site that shows the pages {@code shows} accepts. */
        public Builder<T> listedAt(String url, Predicate<Page<T>> shows) {
            listPages.add(new ListPage<>(url, shows));
            return this;
        }

        /** Its own list filters and sorts (in place of those read off its records). */
        public Builder<T> filters(ListFilters<T> filters) {
            this.filters = filters;
            return this;
        }

        /**
         * Values worked out from a page (in the site's zone) that the content API shows beside its
         * fields, each a string of the JSON Schema format named in {@code formats} ("date-time").
         */
        public Builder<T> json(java.util.Map<String, String> formats, java.util.function.BiFunction<Page<T>, java.time.ZoneId, java.util.Map<String, Object>> json) {
            this.jsonFormats = formats;
            this.json = json;
            return this;
        }

        /** An Atom feed of the newest pages beside its list. */
        public Builder<T> feed() {
            this.feed = true;
            return this;
        }

        /** The moments at which its pages show differently by themselves (see {@link ContentType#moments}). */
        public Builder<T> moments(java.util.function.BiFunction<Page<T>, java.time.ZoneId, java.util.stream.Stream<java.time.Instant>> moments) {
            this.moments = moments;
            return this;
        }

        /** Its pages are about some of {@code target}'s pages (their slugs), which then list them (an event's programs). */
        public Builder<T> mentions(ContentType<?> target, Function<Page<T>, List<String>> slugs) {
            this.mentions = target;
            this.mentioned = slugs;
            return this;
        }

        /** When a page stops being current (an event once over), for the lists of what mentions a page. */
        public Builder<T> current(Current<T> current) {
            this.current = current;
            return this;
        }

        public ContentType<T> build() {
            if (placement == Placement.SECTION) {
                listPages.add(0, new ListPage<>("/" + name, page -> true));
            }
            return new ContentType<>(this);
        }
    }
}
