package edu.rush.gme.content;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the site shows, parsed, validated and ordered once: the single source that every
 * page, list, API and feed reads. Immutable; a content change builds a new snapshot and swaps it
 * in whole. Every query applies the one visibility rule ({@link Meta#isVisible}); the snapshot
 * knows the content types only as the values registered in {@link ContentTypes}.
 */
public final class ContentSnapshot {

    private final String version;
    private final Instant loadedAt;
    private final SiteConfig site;
    private final ContentTypes types;
    /** Each type's pages in its list order, visible or not. */
    private final Map<ContentType<?>, List<Page<?>>> pages;
    private final Map<ContentType<?>, Map<String, Page<?>>> bySlug;
    private final Map<ContentType<?>, Page<SectionIntro>> intros;
    private final Map<String, Path> resources;
    private final String searchSynonyms;
    private final List<ContentProblem> problems;
    /**
     * Every moment at which some page appears or goes (publishDate, expiryDate) or shows differently
     * by itself ({@link ContentType#moments}: an event ending), sorted, without repeats.
     */
    private final Instant[] boundaries;
    /** The file of the one page a signed preview shows although it is not visible; null in the public snapshot. */
    private final String shown;

    /**
     * @param version   a fingerprint of all content files; changes whenever any file changes
     * @param pages     each registered type's pages, in any order (each type orders its own)
     * @param intros    the {@code _index.md} of each section that has one
     * @param resources files of page bundles (images, PDFs) by their URL path
     * @param searchSynonyms the staff's search synonym rules ({@code content/synonyms.txt}), or ""
     * @param problems  every problem found; files with problems are left out
     */
    public ContentSnapshot(String version, Instant loadedAt, SiteConfig site, ContentTypes types,
                           Map<ContentType<?>, ? extends List<? extends Page<?>>> pages, Map<ContentType<?>, Page<SectionIntro>> intros,
                           Map<String, Path> resources, String searchSynonyms, List<ContentProblem> problems) {
        this.version = version;
        this.loadedAt = loadedAt;
        this.site = site;
        this.types = types;
        Map<ContentType<?>, List<Page<?>>> ordered = new LinkedHashMap<>();
        Map<ContentType<?>, Map<String, Page<?>>> slugs = new HashMap<>();
        for (ContentType<?> type : types.all()) {
            List<? extends Page<?>> given = pages.get(type);
            List<Page<?>> list = sorted(type, given == null ? List.of() : given);
            ordered.put(type, list);
            Map<String, Page<?>> index = new HashMap<>();
            list.forEach(page -> index.putIfAbsent(page.slug(), page));
            slugs.put(type, index);
        }
        this.pages = ordered;
        this.bySlug = slugs;
        this.intros = Map.copyOf(intros);
        this.resources = Map.copyOf(resources);
        this.searchSynonyms = searchSynonyms;
        this.problems = problems.stream().sorted().toList();
        java.util.stream.Stream<Instant> own = ordered.entrySet().stream()
                .flatMap(e -> e.getValue().stream().flatMap(page -> e.getKey().moments(page, site.zone())));
        this.boundaries = java.util.stream.Stream.concat(bySource().values().stream().flatMap(page -> page.meta().scheduled(site.zone())), own)
                .distinct().sorted().toArray(Instant[]::new);
        this.shown = null;
    }

    /** A view of {@code base} in which the page from {@code source} counts as visible, under its own version. */
    private ContentSnapshot(ContentSnapshot base, String source) {
        this.version = base.version + "+preview:" + source;
        this.loadedAt = base.loadedAt;
        this.site = base.site;
        this.types = base.types;
        this.pages = base.pages;
        this.bySlug = base.bySlug;
        this.intros = base.intros;
        this.resources = base.resources;
        this.searchSynonyms = base.searchSynonyms;
        this.problems = base.problems;
        this.boundaries = base.boundaries;
        this.shown = source;
    }

    /**
     * This snapshot as a signed preview shows it: the page from {@code source} (a draft, a page
     * scheduled for later or one that has expired) counts as visible, everything else as in the public
     * snapshot. Its version is another, so nothing kept for the public (cached pages, search, the
     * finder) is ever mixed with it. Only for a request that carries a valid preview link.
     */
    public ContentSnapshot showing(String source) {
        return new ContentSnapshot(this, source);
    }

    /** Whether this is a preview's view ({@link #showing}) rather than what the public sees. */
    public boolean isPreview() {
        return shown != null;
    }

    /** The one visibility rule ({@link Meta#isVisible}), and in a preview's view the one page it shows. */
    private boolean isVisible(Page<?> page, ZonedDateTime at) {
        return page.isVisible(at) || (shown != null && shown.equals(page.source()));
    }

    /** The page of a type that came from this file, visible or not (for a signed preview and the preview command). */
    public <T extends FrontMatter> Optional<Page<T>> fromSource(ContentType<T> type, String source) {
        return pages(type).stream().filter(page -> page.source().equals(source)).findFirst().map(type::cast);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Page<?>> sorted(ContentType type, List<? extends Page<?>> pages) {
        List list = new ArrayList<>(pages);
        list.sort(type.order());
        return List.copyOf(list);
    }

    public String version() {
        return version;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public SiteConfig site() {
        return site;
    }

    public ContentTypes types() {
        return types;
    }

    public Map<String, Path> resources() {
        return resources;
    }

    public String searchSynonyms() {
        return searchSynonyms;
    }

    public List<ContentProblem> problems() {
        return problems;
    }

    /**
     * The next moment after {@code after} at which a page appears or goes, if any is scheduled: search
     * indexes, the finder and the change log are rebuilt then, so everything changes at that minute.
     */
    public Optional<Instant> nextBoundary(Instant after) {
        int i = java.util.Arrays.binarySearch(boundaries, after);
        int next = i >= 0 ? i + 1 : -i - 1;
        return next < boundaries.length ? Optional.of(boundaries[next]) : Optional.empty();
    }

    /**
     * What everything derived from the visible content is keyed by, besides the content version: the
     * day in the site's zone (application windows close by the day) and how many scheduled moments
     * have passed. Two instants with the same key see the same pages.
     */
    public String visibilityKey(Instant now) {
        int i = java.util.Arrays.binarySearch(boundaries, now);
        int passed = i >= 0 ? i + 1 : -i - 1;
        return at(now).toLocalDate() + "#" + passed;
    }

    public ZonedDateTime at(Instant instant) {
        return instant.atZone(site.zone());
    }

    /** A type's visible pages at {@code now}, in its list order. */
    public <T extends FrontMatter> List<Page<T>> list(ContentType<T> type, Instant now) {
        ZonedDateTime at = at(now);
        List<Page<T>> visible = new ArrayList<>();
        for (Page<?> page : pages(type)) {
            if (isVisible(page, at)) {
                visible.add(type.cast(page));
            }
        }
        return visible;
    }

    /** A type's pages, visible or not (drafts, scheduled, expired): for preview and checks, never for the public. */
    public <T extends FrontMatter> List<Page<T>> all(ContentType<T> type) {
        return pages(type).stream().map(type::cast).toList();
    }

    /** The visible page of a type with this slug. */
    public <T extends FrontMatter> Optional<Page<T>> find(ContentType<T> type, String slug, Instant now) {
        return findAny(type, slug).filter(page -> isVisible(page, at(now)));
    }

    /** The page of a type with this slug, visible or not (for a signed preview). */
    public <T extends FrontMatter> Optional<Page<T>> findAny(ContentType<T> type, String slug) {
        Map<String, Page<?>> index = bySlug.get(type);
        return Optional.ofNullable(index == null ? null : index.get(slug)).map(type::cast);
    }

    /** The first visible page of a type (the home page is the only one of its type). */
    public <T extends FrontMatter> Optional<Page<T>> first(ContentType<T> type, Instant now) {
        ZonedDateTime at = at(now);
        return pages(type).stream().filter(p -> isVisible(p, at)).findFirst().map(type::cast);
    }

    /** The {@code _index.md} of a section (its title and intro), when it exists and is visible. */
    public Optional<Page<SectionIntro>> intro(ContentType<?> type, Instant now) {
        return Optional.ofNullable(intros.get(type)).filter(p -> isVisible(p, at(now)));
    }

    private List<Page<?>> pages(ContentType<?> type) {
        List<Page<?>> list = pages.get(type);
        if (list == null) {
            throw new IllegalArgumentException("content type " + type + " is not registered");
        }
        return list;
    }

    /**
     * The visible, current pages of every type that are about this page of {@code target} (the
     * upcoming events of a program), by type in registry order, each in its list order.
     */
    public Map<ContentType<?>, List<Page<?>>> mentioning(ContentType<?> target, String slug, Instant now) {
        ZonedDateTime at = at(now);
        Map<ContentType<?>, List<Page<?>>> found = new LinkedHashMap<>();
        for (Map.Entry<ContentType<?>, List<Page<?>>> entry : pages.entrySet()) {
            ContentType<?> type = entry.getKey();
            if (!type.mentions(target)) {
                continue;
            }
            List<Page<?>> about = entry.getValue().stream()
                    .filter(page -> page.isVisible(at) && type.mentioned(page, target).contains(slug) && type.isCurrent(page, now, site.zone()))
                    .toList();
            if (!about.isEmpty()) {
                found.put(type, about);
            }
        }
        return found;
    }

    /** A page bundle's file (an image beside a story's index.md), by URL path, while its page is visible. */
    public Optional<Path> resource(String url, Instant now) {
        Path file = resources.get(url);
        if (file == null) {
            return Optional.empty();
        }
        String pageUrl = url.substring(0, url.lastIndexOf('/'));
        return allVisible(now).stream().anyMatch(page -> page.url().equals(pageUrl)) ? Optional.of(file) : Optional.empty();
    }

    /** Every page, visible or not, by the file it came from. */
    public Map<String, Page<?>> bySource() {
        Map<String, Page<?>> all = new HashMap<>();
        pages.values().forEach(list -> list.forEach(p -> all.put(p.source(), p)));
        intros.values().forEach(p -> all.put(p.source(), p));
        return all;
    }

    /** Every visible page of the site with a URL (section intros stand for their lists), for the sitemap and link checks. */
    public List<Page<?>> allVisible(Instant now) {
        ZonedDateTime at = at(now);
        List<Page<?>> all = new ArrayList<>();
        for (List<Page<?>> list : pages.values()) {
            list.stream().filter(p -> isVisible(p, at)).forEach(all::add);
        }
        intros.values().stream().filter(p -> isVisible(p, at)).forEach(all::add);
        return all;
    }
}
