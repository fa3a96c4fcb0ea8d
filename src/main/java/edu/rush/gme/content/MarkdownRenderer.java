package edu.rush.gme.content;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown to safe HTML: Flexmark (tables, heading anchors, autolinks, typographic quotes), then
 * Jsoup's sanitizer, so that what staff write can never carry a script into a page.
 * Thread-safe: Flexmark's parser and renderer are immutable once built.
 */
public final class MarkdownRenderer {

    private final Parser parser;
    /**
     * The same without bare addresses turned into links: the autolink pass is two thirds of Flexmark's
     * parsing, and it has nothing to do in a body with no "://", "www." or "@" (most of them), nor for
     * the search text, whose words are the same either way.
     */
    private final Parser withoutAutolinks;
    private final HtmlRenderer renderer;
    private final Safelist safelist;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AutolinkExtension.create(), TypographicExtension.create()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true)
                .set(TablesExtension.CLASS_NAME, "table")
                .set(HtmlRenderer.SOFT_BREAK, "\n");
        this.parser = Parser.builder(options).build();
        MutableDataSet plain = new MutableDataSet(options)
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TypographicExtension.create()));
        this.withoutAutolinks = Parser.builder(plain).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.safelist = Safelist.relaxed()
                .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
                .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
                .addAttributes("table", "class").addAttributes("th", "scope").addAttributes("abbr", "title")
                .addTags("abbr", "figure", "figcaption", "mark")
                .addProtocols("a", "href", "tel")
                .preserveRelativeLinks(true);
    }

    /** Renders Markdown to sanitized HTML; headings in the body start at level 2 (the page title is the h1). */
    public String render(String markdown) {
        return render(markdown, mayHoldAddresses(markdown));
    }

    /** With or without the autolink pass (tests: the same page either way when it has nothing to link). */
    String render(String markdown, boolean autolinks) {
        String unsafe = renderer.render((autolinks ? parser : withoutAutolinks).parse(markdown));
        // A base URI lets the sanitizer resolve (and so accept) relative links, which it then keeps as written.
        Document dirty = Jsoup.parseBodyFragment(unsafe, "https://content.invalid/");
        Document clean = new Cleaner(safelist).clean(dirty);
        demoteTopLevelHeadings(clean.body());
        clean.outputSettings().prettyPrint(false);
        return clean.body().html().strip();
    }

    /**
     * Whether the autolink pass could find anything: it links text with a scheme's "://", a "www."
     * or an e-mail's "@" (nibor's link extractor, which Flexmark's extension uses, starts at those).
     */
    static boolean mayHoldAddresses(String markdown) {
        if (markdown.contains("://") || markdown.indexOf('@') >= 0) {
            return true;
        }
        for (int i = markdown.indexOf('.'); i >= 3; i = markdown.indexOf('.', i + 1)) {
            if (markdown.regionMatches(true, i - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body's words for the search index, as a page shows them: each heading, paragraph, list
     * item, table cell and quote as text (entities and typographic quotes as the reader sees them),
     * headings, cells and items closed with a full stop so snippets read as sentences. Read from the
     * syntax tree ({@link MarkdownText}): no HTML is written, sanitized or parsed again, so indexing
     * costs a fraction of rendering the page.
     */
    public String text(String markdown) {
        return MarkdownText.of(withoutAutolinks.parse(markdown));
    }

    /** A Markdown '# Heading' would make a second h1 on the page; pages own their h1. */
    private static void demoteTopLevelHeadings(Element body) {
        for (Element h1 : body.select("h1")) {
            h1.tagName("h2");
        }
    }
}
