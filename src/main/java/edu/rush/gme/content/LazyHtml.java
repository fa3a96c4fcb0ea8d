package edu.rush.gme.content;

import java.util.function.Supplier;

/**
 * A page body's HTML, rendered from Markdown the first time something asks for it (a visit, the
 * search index, a feed) and then kept while memory allows. Loading content only reads front matter, so the site
 * starts and reloads faster; rendering is pure, so when it happens does not change the result.
 */
public final class LazyHtml implements Supplier<String> {

    private final Supplier<String> render;
    /**
     * Softly held: the collector may drop it when memory runs short (10,000 rendered bodies are tens
     * of megabytes, kept after the search index asked for each), and the next request renders it again.
     */
    private volatile java.lang.ref.SoftReference<String> html;

    public LazyHtml(Supplier<String> render) {
        this.render = render;
    }

    @Override
    public String get() {
        String result = kept();
        if (result == null) {
            synchronized (this) {
                result = kept();
                if (result == null) {
                    result = render.get();
                    html = new java.lang.ref.SoftReference<>(result);
                }
            }
        }
        return result;
    }

    private String kept() {
        java.lang.ref.SoftReference<String> reference = html;
        return reference == null ? null : reference.get();
    }

    @Override
    public String toString() {
        return get();
    }
}
