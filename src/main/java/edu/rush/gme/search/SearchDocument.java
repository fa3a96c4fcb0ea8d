package edu.rush.gme.search;

import edu.rush.gme.content.BasicPage;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.Page;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.program.Program;
import edu.rush.gme.wellness.WellnessInitiative;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** What the index holds of one visible page: its kind, URL, words to match and text to show. */
public record SearchDocument(String kind, String url, String title, String meta, String programType, String specialty,
                             String department, String tags, String summary, String facts, String body) {

    public static final String PROGRAM = "program";
    public static final String NEWS = "news";
    public static final String PAGE = "page";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    /** Every visible program, story, wellness initiative and page of the snapshot (not the home page). */
    public static List<SearchDocument> from(ContentSnapshot snapshot, Instant now) {
        return from(snapshot, now, SearchDocument::text);
    }

    /**
     * The same, with the body text of each page from {@code text} (a reload keeps the pages of files
     * that did not change, so their text can be kept too).
     */
    static List<SearchDocument> from(ContentSnapshot snapshot, Instant now, Function<Page<?>, String> text) {
        List<SearchDocument> documents = new ArrayList<>();
        for (Page<Program> page : snapshot.programs(now)) {
            Program p = page.data();
            documents.add(new SearchDocument(PROGRAM, page.url(), page.title(), p.type().label() + " · " + p.specialty(),
                    p.type().key(), p.specialty(), p.department(), String.join(" ", p.tagsOrEmpty()), p.summary(), facts(p), text(page)));
        }
        for (Page<NewsStory> page : snapshot.news(now)) {
            documents.add(new SearchDocument(NEWS, page.url(), page.title(), "News · " + DATE.format(page.meta().date()),
                    null, null, null, null, page.data().summary(), null, text(page)));
        }
        for (Page<WellnessInitiative> page : snapshot.wellness(now)) {
            documents.add(new SearchDocument(PAGE, page.url(), page.title(), "Wellness", null, null, null, null,
                    page.data().summary(), null, text(page)));
        }
        for (Page<BasicPage> page : snapshot.pages().values()) {
            if (page.isVisible(snapshot.at(now))) {
                documents.add(new SearchDocument(PAGE, page.url(), page.title(), "Page", null, null, null, null,
                        page.meta().description(), null, text(page)));
            }
        }
        return documents;
    }

    /** The facts applicants search by, in words. */
    static String facts(Program p) {
        List<String> facts = new ArrayList<>();
        if (p.visas() != null && !p.visas().isEmpty()) {
            facts.add("sponsors visa visas " + String.join(" ", p.visas().stream().map(Program.Visa::key).toList()));
        }
        if (p.interviews() != null && p.interviews().format() != null) {
            facts.add(p.interviews().format().key() + " interviews");
        }
        if (p.requirements() != null && Boolean.TRUE.equals(p.requirements().comlex())) {
            facts.add("accepts COMLEX osteopathic DO applicants");
        }
        if (p.requirements() != null && Boolean.FALSE.equals(p.requirements().usceRequired())) {
            facts.add("US clinical experience not required international medical graduates");
        }
        if (p.application() != null && p.application().system() != null) {
            facts.add(p.application().system().label());
        }
        p.tracks().forEach(track -> facts.add(track.name() + " " + track.code()));
        if (p.entryLevel() != null) {
            facts.add(p.entryLevel());
        }
        return String.join(". ", facts);
    }

    /** The body as plain text, headings closed with a full stop so snippets read as sentences. */
    static String text(Page<?> page) {
        StringBuilder text = new StringBuilder();
        for (Element block : Jsoup.parseBodyFragment(page.html()).body()
                .select("h1, h2, h3, h4, h5, h6, p, li:not(:has(p)), td, th, blockquote:not(:has(p))")) {
            String words = block.text().strip();
            if (words.isEmpty()) {
                continue;
            }
            text.append(words);
            if (block.tagName().matches("h\\d|td|th|li") && !words.matches(".*[.!?:;]$")) {
                text.append('.');
            }
            text.append(' ');
        }
        return text.toString().strip();
    }
}
