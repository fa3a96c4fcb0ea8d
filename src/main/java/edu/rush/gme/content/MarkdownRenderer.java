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
        String unsafe = renderer.render(parser.parse(markdown));
        // A base URI lets the sanitizer resolve (and so accept) relative links, which it then keeps as written.
        Document dirty = Jsoup.parseBodyFragment(unsafe, "https://content.invalid/");
        Document clean = new Cleaner(safelist).clean(dirty);
        demoteTopLevelHeadings(clean.body());
        clean.outputSettings().prettyPrint(false);
        return clean.body().html().strip();
    }

    /** A Markdown '# Heading' would make a second h1 on the page; pages own their h1. */
    private static void demoteTopLevelHeadings(Element body) {
        for (Element h1 : body.select("h1")) {
            h1.tagName("h2");
        }
    }
}
