package edu.rush.gme.content;

import edu.rush.gme.news.NewsStory;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramType;
import edu.rush.gme.wellness.WellnessInitiative;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the site shows, parsed, validated and ordered once: the single source that every
 * page, list, API and feed reads. Immutable; a content change builds a new snapshot and swaps it
 * in whole. Every query applies the one visibility rule ({@link Meta#isVisible}).
 *
 * @param version   a fingerprint of all content files; changes whenever any file changes
 * @param problems  every problem found, in file order; files with problems are left out
 * @param resources files of page bundles (images, PDFs) by their URL path
 * @param searchSynonyms the staff's search synonym rules ({@code content/synonyms.txt}), or ""
 */
public record ContentSnapshot(
        String version,
        Instant loadedAt,
        SiteConfig site,
        Page<HomePage> home,
        Map<String, Page<BasicPage>> pages,
        Map<String, Page<BasicPage>> sectionIndexes,
        List<Page<Program>> programs,
        List<Page<NewsStory>> news,
        List<Page<WellnessInitiative>> wellness,
        Map<String, Path> resources,
        String searchSynonyms,
        List<ContentProblem> problems) {

    /** The order of lists: programs by title, news newest first, wellness by weight then newest. */
    static final Comparator<Page<Program>> PROGRAM_ORDER = Comparator.comparing(p -> p.title().toLowerCase());
    static final Comparator<Page<NewsStory>> NEWS_ORDER = Comparator
            .comparing((Page<NewsStory> p) -> p.meta().date(), Comparator.reverseOrder())
            .thenComparing(Page::title);
    static final Comparator<Page<WellnessInitiative>> WELLNESS_ORDER = Comparator
            .comparingInt((Page<WellnessInitiative> p) -> p.meta().order())
            .thenComparing(p -> p.meta().date(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Page::title);

    public ContentSnapshot {
        pages = Map.copyOf(pages);
        sectionIndexes = Map.copyOf(sectionIndexes);
        programs = programs.stream().sorted(PROGRAM_ORDER).toList();
        news = news.stream().sorted(NEWS_ORDER).toList();
        wellness = wellness.stream().sorted(WELLNESS_ORDER).toList();
        resources = Map.copyOf(resources);
        problems = problems.stream().sorted().toList();
    }

    public ZonedDateTime at(Instant instant) {
        return instant.atZone(site.zone());
    }

    public Optional<Page<HomePage>> home(Instant now) {
        return Optional.ofNullable(home).filter(p -> p.isVisible(at(now)));
    }

    /** A top-level page such as /about, by its URL path. */
    public Optional<Page<BasicPage>> page(String url, Instant now) {
        return visible(pages.get(url), now);
    }

    /** The {@code _index.md} of a section (its title and intro), when it exists and is visible. */
    public Optional<Page<BasicPage>> sectionIndex(String section, Instant now) {
        return visible(sectionIndexes.get(section), now);
    }

    public List<Page<Program>> programs(Instant now) {
        return visible(programs, now);
    }

    public List<Page<Program>> programs(ProgramType type, Instant now) {
        return programs(now).stream().filter(p -> p.data().type() == type).toList();
    }

    public Optional<Page<Program>> program(String slug, Instant now) {
        return bySlug(programs, slug, now);
    }

    public List<Page<NewsStory>> news(Instant now) {
        return visible(news, now);
    }

    public Optional<Page<NewsStory>> story(String slug, Instant now) {
        return bySlug(news, slug, now);
    }

    public List<Page<WellnessInitiative>> wellness(Instant now) {
        return visible(wellness, now);
    }

    public Optional<Page<WellnessInitiative>> initiative(String slug, Instant now) {
        return bySlug(wellness, slug, now);
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
        Map<String, Page<?>> all = new java.util.HashMap<>();
        if (home != null) {
            all.put(home.source(), home);
        }
        pages.values().forEach(p -> all.put(p.source(), p));
        sectionIndexes.values().forEach(p -> all.put(p.source(), p));
        programs.forEach(p -> all.put(p.source(), p));
        news.forEach(p -> all.put(p.source(), p));
        wellness.forEach(p -> all.put(p.source(), p));
        return all;
    }

    /** Every visible page of the site with a URL, for the sitemap and link checks. */
    public List<Page<?>> allVisible(Instant now) {
        java.util.ArrayList<Page<?>> all = new java.util.ArrayList<>();
        home(now).ifPresent(all::add);
        all.addAll(visible(List.copyOf(pages.values()), now));
        all.addAll(visible(List.copyOf(sectionIndexes.values()), now));
        all.addAll(programs(now));
        all.addAll(news(now));
        all.addAll(wellness(now));
        return all;
    }

    private <T extends FrontMatter> Optional<Page<T>> bySlug(List<Page<T>> pages, String slug, Instant now) {
        ZonedDateTime at = at(now);
        return pages.stream().filter(p -> p.slug().equals(slug) && p.isVisible(at)).findFirst();
    }

    private <T extends FrontMatter> Optional<Page<T>> visible(Page<T> page, Instant now) {
        return Optional.ofNullable(page).filter(p -> p.isVisible(at(now)));
    }

    private <T extends FrontMatter> List<Page<T>> visible(List<Page<T>> pages, Instant now) {
        ZonedDateTime at = at(now);
        return pages.stream().filter(p -> p.isVisible(at)).toList();
    }
}
