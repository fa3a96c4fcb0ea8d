package edu.rush.gme.content;

import java.util.function.Supplier;

/**
 * A page body's HTML, rendered from Markdown the first time something asks for it (a visit, the
 * search index, a feed) and then kept. Loading content only reads front matter, so the site
 * starts and reloads faster; rendering is pure, so when it happens does not change the result.
 */
public final class LazyHtml implements Supplier<String> {

    private final Supplier<String> render;
    private volatile String html;

    public LazyHtml(Supplier<String> render) {
        this.render = render;
    }

    @Override
    public String get() {
        String result = html;
        if (result == null) {
            synchronized (this) {
                result = html;
                if (result == null) {
                    result = render.get();
                    html = result;
                }
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return get();
    }
}
