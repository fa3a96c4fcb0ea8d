package edu.rush.gme.program;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.web.Paths;
import edu.rush.gme.web.Problems;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Programs found by name, for people who type one rather than scroll through them all: the staff
 * editor's picker, and, once a site has more programs than a form can list
 * ({@link #FORM_LIST_MAX}), the question and registration forms and their public
 * {@code GET /api/v1/search/programs?q=}. Titles or slugs starting with what was typed come first,
 * then those with a word starting with each typed word, in title order. The words of each program
 * are worked out once a snapshot, so an answer at 10,000 programs is one pass over short arrays.
 */
public final class ProgramNames {

    /**
     * Up to this many programs, the forms list every one (a select, tick boxes); above it, a form
     * that listed them all would be megabytes on a phone, so it asks for a name instead.
     */
    public static final int FORM_LIST_MAX = 300;
    /** Matches in one answer of the endpoints. */
    public static final int LIMIT = 20;
    /** Matches a form offers to choose from when a name is not one program. */
    public static final int CHOICES = 8;
    /** Longer queries are refused by the public endpoint (the staff one reads the first this many characters). */
    public static final int MAX_QUERY = 200;
    public static final String API = Paths.PROGRAM_NAMES_API;

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static volatile ProgramNames latest;

    /** One program as the pickers list it. */
    public record Match(String slug, String title, String type, boolean draft) {
    }

    private record Entry(Match match, String title, String slug, String[] words) {
    }

    /**
     * What a typed name comes to: one program ({@code match}), or none and the programs it might
     * mean ({@code choices}, empty when nothing matches).
     */
    public record Resolution(Match match, List<Match> choices) {
        public boolean unique() {
            return match != null;
        }
    }

    private final ContentSnapshot snapshot;
    private final List<Entry> entries;

    private ProgramNames(ContentSnapshot snapshot, List<Entry> entries) {
        this.snapshot = snapshot;
        this.entries = entries;
    }

    /** The names of a snapshot's programs (drafts too; each caller says which it shows), made once per snapshot. */
    public static ProgramNames of(ContentSnapshot snapshot) {
        ProgramNames made = latest;
        if (made == null || made.snapshot != snapshot) {
            made = build(snapshot);
            latest = made;
        }
        return made;
    }

    private static ProgramNames build(ContentSnapshot snapshot) {
        List<Entry> entries = new ArrayList<>();
        for (Page<Program> page : snapshot.all(ProgramContent.TYPE)) {
            String title = fold(page.title());
            String slug = page.slug();
            List<String> words = new ArrayList<>(List.of(NOT_WORD.split(title)));
            words.addAll(List.of(slug.split("-")));
            words.removeIf(String::isEmpty);
            String type = page.data().type() == null ? null : page.data().type().label();
            entries.add(new Entry(new Match(slug, page.title(), type, page.meta().isDraft()), title, slug, words.toArray(String[]::new)));
        }
        entries.sort(Comparator.comparing(Entry::title).thenComparing(Entry::slug));
        return new ProgramNames(snapshot, List.copyOf(entries));
    }

    /** What the public sees at {@code now}: programs it could open. */
    public static Predicate<String> visible(ContentSnapshot snapshot, Instant now) {
        return slug -> snapshot.find(ProgramContent.TYPE, slug, now).isPresent();
    }

    /** True when the forms should ask for a name rather than list every program. */
    public static boolean tooManyToList(ContentSnapshot snapshot, Instant now) {
        return snapshot.all(ProgramContent.TYPE).size() > FORM_LIST_MAX && snapshot.list(ProgramContent.TYPE, now).size() > FORM_LIST_MAX;
    }

    /** At most {@code limit} programs {@code shown} admits, for what was typed (the first programs by title when nothing was). */
    public List<Match> matches(String typed, int limit, Predicate<String> shown) {
        String text = fold(typed == null ? "" : typed).strip();
        List<Match> first = new ArrayList<>();
        if (text.isEmpty()) {
            for (Entry entry : entries) {
                if (first.size() == limit) {
                    break;
                }
                if (shown.test(entry.slug())) {
                    first.add(entry.match());
                }
            }
            return first;
        }
        String[] typedWords = NOT_WORD.split(text);
        List<Match> second = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.title().startsWith(text) || entry.slug().startsWith(text)) {
                if (shown.test(entry.slug())) {
                    first.add(entry.match());
                    if (first.size() == limit) {
                        break;
                    }
                }
            } else if (second.size() < limit && everyWordStarts(typedWords, entry.words()) && shown.test(entry.slug())) {
                second.add(entry.match());
            }
        }
        List<Match> all = new ArrayList<>(first);
        for (int i = 0; i < second.size() && all.size() < limit; i++) {
            all.add(second.get(i));
        }
        return all;
    }

    /**
     * A typed name as a form reads it: the program whose slug or title it is (any case, accents
     * or none) when there is exactly one; otherwise the best matches to choose from.
     */
    public Resolution resolve(String typed, Predicate<String> shown) {
        String text = fold(typed == null ? "" : typed).strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return new Resolution(null, List.of());
        }
        List<Match> exact = new ArrayList<>();
        for (Entry entry : entries) {
            if ((entry.title().equals(text) || entry.slug().equals(text)) && shown.test(entry.slug())) {
                exact.add(entry.match());
            }
        }
        if (exact.size() == 1) {
            return new Resolution(exact.get(0), List.of());
        }
        if (!exact.isEmpty()) {
            return new Resolution(null, exact.size() > CHOICES ? exact.subList(0, CHOICES) : exact);
        }
        return new Resolution(null, matches(text, CHOICES, shown));
    }

    /** One program by slug, if {@code shown} admits it. */
    public Match find(String slug, Predicate<String> shown) {
        if (slug == null || slug.isBlank() || !shown.test(slug)) {
            return null;
        }
        return entries.stream().filter(e -> e.slug().equals(slug)).map(Entry::match).findFirst().orElse(null);
    }

    /**
     * {@code GET /api/v1/search/programs?q=}: the public programs whose name starts with, or has
     * words starting with, what was typed; at most {@link #LIMIT}, never cached (it is one pass
     * over the snapshot's names). A query longer than {@link #MAX_QUERY} is a 400 problem.
     */
    public static void api(Context ctx, ContentStore store) {
        ctx.header("Cache-Control", "no-store");
        List<String> values = ctx.queryParams("q");
        if (values.size() > 1) {
            Problems.send(ctx, HttpStatus.BAD_REQUEST, "Invalid search parameter", "Give 'q' once", Map.of("parameter", "q"));
            return;
        }
        String q = values.isEmpty() ? "" : values.get(0);
        if (q.length() > MAX_QUERY) {
            Problems.send(ctx, HttpStatus.BAD_REQUEST, "Invalid search parameter",
                    "'q' is longer than " + MAX_QUERY + " characters: type part of a program's name", Map.of("parameter", "q"));
            return;
        }
        ContentSnapshot snapshot = store.snapshot();
        List<Map<String, String>> results = new ArrayList<>();
        for (Match match : of(snapshot).matches(q, LIMIT, visible(snapshot, store.now()))) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put("slug", match.slug());
            one.put("title", match.title());
            one.put("type", match.type());
            one.put("url", Paths.program(match.slug()));
            results.add(one);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("query", q);
        answer.put("results", results);
        ctx.json(answer);
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

    /** Lower case without accents, so "medecine" finds "Médecine". */
    public static String fold(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
