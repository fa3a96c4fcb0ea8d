package edu.rush.gme.content;

import java.lang.ref.SoftReference;
import java.util.function.Supplier;

/**
 * A page body's HTML, rendered from Markdown the first time something asks for it (a visit, a
 * feed) and then kept while memory allows; and its words for the search index, taken from the
 * Markdown without rendering the page. Loading content only reads front matter, so the site starts
 * and reloads faster; rendering is pure, so when it happens does not change the result. The Markdown
 * itself comes from {@code markdown} each time (the file's bytes as the load read them, kept packed).
 */
public final class LazyHtml implements Supplier<String> {

    private final Supplier<String> markdown;
    private final Supplier<MarkdownRenderer> renderer;
    /**
     * Softly held: the collector may drop it when memory runs short (10,000 rendered bodies are tens
     * of megabytes), and the next request renders it again.
     */
    private volatile SoftReference<String> html;

    LazyHtml(Supplier<String> markdown, Supplier<MarkdownRenderer> renderer) {
        this.markdown = markdown;
        this.renderer = renderer;
    }

    @Override
    public String get() {
        String result = kept();
        if (result == null) {
            synchronized (this) {
                result = kept();
                if (result == null) {
                    result = renderer.get().render(markdown.get());
                    html = new SoftReference<>(result);
                }
            }
        }
        return result;
    }

    /** The body's words as a reader sees them, for the search index ({@link MarkdownRenderer#text}); not kept. */
    public String text() {
        return renderer.get().text(markdown.get());
    }

    private String kept() {
        SoftReference<String> reference = html;
        return reference == null ? null : reference.get();
    }

    @Override
    public String toString() {
        return get();
    }
}
