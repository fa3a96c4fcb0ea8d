package edu.rush.gme.staff;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import io.javalin.http.Context;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The editor's related-programs picker asks here as staff type: the programs whose title or slug
 * starts with what was typed, then those with a word starting with each typed word, at most
 * {@link #LIMIT}, as JSON. Read from the current snapshot (drafts too: a draft program may be
 * linked before it is published); the words of each program are worked out once a snapshot, so an
 * answer at 10,000 programs is one pass over short arrays.
 */
public final class ProgramPicker {

    public static final String PATH = StaffController.PREFIX + "/programs/search";
    static final int LIMIT = 20;
    private static final int MAX_QUERY = 200;
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    private final ContentStore store;
    private volatile Catalog catalog;

    public ProgramPicker(ContentStore store) {
        this.store = store;
    }

    /** Its one route, checked like every workspace route: the editor's role. */
    public List<StaffController.Route> routes() {
        return List.of(new StaffController.Route("GET", PATH, StaffController.Access.role(Role.EDITOR), this::search));
    }

    /** One program as the picker lists it. */
    public record Match(String slug, String title, boolean draft) {
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q");
        List<Match> matches = catalog(store.snapshot()).matches(q == null ? "" : q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q, LIMIT);
        ctx.json(Map.of("results", matches));
    }

    private Catalog catalog(ContentSnapshot snapshot) {
        Catalog made = catalog;
        if (made == null || made.snapshot() != snapshot) {
            made = Catalog.of(snapshot);
            catalog = made;
        }
        return made;
    }

    /** A snapshot's programs by title, each with its lower-case title, slug and words. */
    record Catalog(ContentSnapshot snapshot, List<Entry> entries) {

        record Entry(Match match, String title, String slug, String[] words) {
        }

        static Catalog of(ContentSnapshot snapshot) {
            List<Entry> entries = new ArrayList<>();
            snapshot.types().named("programs").ifPresent(programs -> {
                for (Page<?> page : snapshot.all(programs)) {
                    String title = fold(page.title());
                    String slug = page.slug();
                    List<String> words = new ArrayList<>(List.of(NOT_WORD.split(title)));
                    words.addAll(List.of(slug.split("-")));
                    words.removeIf(String::isEmpty);
                    entries.add(new Entry(new Match(slug, page.title(), page.meta().isDraft()), title, slug, words.toArray(String[]::new)));
                }
            });
            entries.sort(Comparator.comparing(Entry::title).thenComparing(Entry::slug));
            return new Catalog(snapshot, List.copyOf(entries));
        }

        /** Title or slug starting with the text first, then every typed word starting a word of either; in title order. */
        List<Match> matches(String typed, int limit) {
            String text = fold(typed).strip();
            if (text.isEmpty()) {
                return entries.stream().limit(limit).map(Entry::match).toList();
            }
            String[] typedWords = NOT_WORD.split(text);
            List<Match> first = new ArrayList<>();
            List<Match> second = new ArrayList<>();
            for (Entry entry : entries) {
                if (entry.title().startsWith(text) || entry.slug().startsWith(text)) {
                    first.add(entry.match());
                    if (first.size() == limit) {
                        break;
                    }
                } else if (second.size() < limit && everyWordStarts(typedWords, entry.words())) {
                    second.add(entry.match());
                }
            }
            List<Match> all = new ArrayList<>(first);
            for (int i = 0; i < second.size() && all.size() < limit; i++) {
                all.add(second.get(i));
            }
            return all;
        }

        private static boolean everyWordStarts(String[] typed, String[] words) {
            for (String t : typed) {
                if (t.isEmpty()) {
                    continue;
                }
                boolean found = false;
                for (String w : words) {
                    if (w.startsWith(t)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Lower case without accents, so "medecine" finds "Médecine". */
    static String fold(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
