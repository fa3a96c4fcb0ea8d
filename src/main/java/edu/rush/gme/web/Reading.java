package edu.rush.gme.web;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * What one request reads: one snapshot at one time. A public request reads the store's current
 * snapshot now; a signed preview reads a view of it in which one page counts as visible, or the whole
 * site at a later time. Controllers take it once with {@link #of} and ask nothing else for either.
 *
 * @param preview what the preview banner says; null for the public site
 */
public record Reading(ContentSnapshot snapshot, Instant now, Preview preview) {

    /** The cookie that carries a signed "site as of" link while its holder browses the site. */
    public static final String AS_OF_COOKIE = "gme-preview";
    /** Where signed preview links start; nothing under it is ever kept in the page cache. */
    public static final String PREVIEW_PATH = "/preview/";

    private static final String ATTRIBUTE = Reading.class.getName();

    /**
     * The banner at the top of a preview.
     *
     * @param heading    what is shown ("Preview — not published", "Site as of ...")
     * @param details    sentences under it: when it is scheduled, when the link expires
     * @param publicPath the page's public address (navigation and canonical link), or null for the request's own
     * @param exitToken  a form token for the "Exit preview" form, or null when there is nothing to exit
     */
    public record Preview(String heading, List<String> details, String publicPath, String exitToken) {
    }

    /** The snapshot and time this request reads. */
    public static Reading of(Context ctx, ContentStore store) {
        Object reading = ctx.attribute(ATTRIBUTE);
        return reading instanceof Reading r ? r : new Reading(store.snapshot(), store.now(), null);
    }

    /** Makes this request read a preview (set by the preview's handlers, before a controller runs). */
    public static void use(Context ctx, Reading reading) {
        ctx.attribute(ATTRIBUTE, reading);
    }

    public boolean isPreview() {
        return preview != null;
    }

    /** The headers of every preview answer: kept by no cache, shown by no search engine. */
    public static void privateHeaders(Context ctx) {
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("X-Robots-Tag", "noindex");
    }
}
