package edu.rush.gme.staff;

import edu.rush.gme.content.ContentProblem;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Meta;
import edu.rush.gme.content.Page;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every content file as staff look for it: its type, title, file, status (published, draft,
 * scheduled, expired, error) and when it changed; filtered by type, status and words, a page at a
 * time. Read from the snapshot (and its problems), so it costs no disk reads.
 */
public final class ContentIndex {

    public static final int PAGE_SIZE = 100;

    /** Where a file stands. */
    public enum Status {
        PUBLISHED("published", "Published"), DRAFT("draft", "Draft"), SCHEDULED("scheduled", "Scheduled"), EXPIRED("expired", "Expired"),
        ERROR("error", "Has a problem");

        private final String key;
        private final String label;

        Status(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    /** One file: the page when it loaded (null when it has never loaded without problems), its first problem if any. */
    public record Entry(String type, String typeLabel, String title, String file, String url, Status status, Instant modified, String problem) {
        private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US);

        /** "Nov 30, 2026", the day it changed in the site's zone. */
        public String modifiedText(ZoneId zone) {
            return modified == null ? "" : DAY.format(modified.atZone(zone));
        }
    }

    /** One page of the filtered list, and how many files matched. */
    public record Result(List<Entry> entries, int matching, int total, int page, int pages) {
    }

    private ContentIndex() {
    }

    /** Every file, sorted by type (registry order), then title. */
    public static List<Entry> entries(ContentSnapshot snapshot, Instant now) {
        ZoneId zone = snapshot.site().zone();
        Map<String, ContentProblem> firstProblem = new HashMap<>();
        for (ContentProblem problem : snapshot.problems()) {
            firstProblem.putIfAbsent(problem.file(), problem);
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (ContentType<?> type : snapshot.types().all()) {
            for (Page<?> page : snapshot.all(type)) {
                ContentProblem problem = firstProblem.get(page.source());
                entries.add(new Entry(type.name(), type.label(), page.title(), page.source(), page.url(),
                        problem != null ? Status.ERROR : status(page.meta(), now, zone), page.modified(),
                        problem == null ? null : problem.line() + ":" + problem.column() + ": " + problem.message()));
                listed.add(page.source());
            }
        }
        // Files that never loaded (a problem from their first version on) are listed by their problem.
        for (Map.Entry<String, ContentProblem> problem : firstProblem.entrySet()) {
            if (!listed.contains(problem.getKey()) && problem.getKey().endsWith(".md")) {
                String folder = folderOf(problem.getKey());
                ContentType<?> type = snapshot.types().inFolder(folder).orElse(null);
                entries.add(new Entry(type == null ? "" : type.name(), type == null ? "Page" : type.label(), "(not loaded)", problem.getKey(), null,
                        Status.ERROR, null, problem.getValue().line() + ":" + problem.getValue().column() + ": " + problem.getValue().message()));
            }
        }
        Map<String, Integer> typeOrder = new HashMap<>();
        snapshot.types().all().forEach(type -> typeOrder.put(type.name(), typeOrder.size()));
        entries.sort(Comparator.comparing((Entry e) -> typeOrder.getOrDefault(e.type(), Integer.MAX_VALUE))
                .thenComparing(e -> e.title().toLowerCase(Locale.ROOT)).thenComparing(Entry::file));
        return entries;
    }

    /** The entries of one type and status (null: any) containing every word of {@code words} in title or file, one page of them. */
    public static Result find(List<Entry> entries, String type, Status status, String words, int page) {
        List<String> terms = words == null || words.isBlank() ? List.of() : List.of(words.toLowerCase(Locale.ROOT).strip().split("\\s+"));
        List<Entry> matching = new ArrayList<>();
        for (Entry entry : entries) {
            if ((type == null || type.equals(entry.type())) && (status == null || status == entry.status()) && contains(entry, terms)) {
                matching.add(entry);
            }
        }
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(1, page), pages);
        List<Entry> slice = matching.subList((shown - 1) * PAGE_SIZE, Math.min(matching.size(), shown * PAGE_SIZE));
        return new Result(List.copyOf(slice), matching.size(), entries.size(), shown, pages);
    }

    private static boolean contains(Entry entry, List<String> terms) {
        if (terms.isEmpty()) {
            return true;
        }
        String text = (entry.title() + " " + entry.file()).toLowerCase(Locale.ROOT);
        return terms.stream().allMatch(text::contains);
    }

    /** Where a page stands by its front matter at {@code now}: the same rule the dashboard's list of unpublished items uses. */
    public static Status status(Meta meta, Instant now, ZoneId zone) {
        if (meta.isDraft()) {
            return Status.DRAFT;
        }
        if (meta.publishDate() != null && now.isBefore(meta.publishDate().in(zone))) {
            return Status.SCHEDULED;
        }
        if (meta.expiryDate() != null && !now.isBefore(meta.expiryDate().in(zone))) {
            return Status.EXPIRED;
        }
        return Status.PUBLISHED;
    }

    /** "content/news/x.md" → "news"; a top-level page → "". */
    private static String folderOf(String file) {
        String path = file.startsWith("content/") ? file.substring("content/".length()) : file;
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
