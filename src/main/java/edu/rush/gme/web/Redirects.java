package edu.rush.gme.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/**
 * Redirects that never leave the site: the target is a path on this origin, built from the
 * request's path only. A path such as {@code //evil.example} or {@code /\evil.example} would be
 * read by browsers as another host, so runs of slashes become one and backslashes are escaped.
 */
public final class Redirects {

    /** Longer targets are refused (414): Jetty cannot send a Location header much over 8 KB. */
    static final int MAX_TARGET_CHARS = 4096;

    private Redirects() {
    }

    /** Redirects to a path of this site, with a query string (or none). */
    public static void to(Context ctx, String path, String query, HttpStatus status) {
        ctx.redirect(target(path, query), status);
    }

    /** The same address without trailing slashes: {@code /about/?x=1} becomes {@code /about?x=1}. */
    static void withoutTrailingSlash(Context ctx) {
        String path = ctx.path();
        to(ctx, path.replaceAll("/+$", ""), ctx.queryString(), HttpStatus.MOVED_PERMANENTLY);
    }

    /** A Location on this origin: one leading slash, no backslash, no host; 414 when too long. */
    static String target(String path, String query) {
        String sameOrigin = "/" + path.replace("\\", "%5C").replaceAll("/{2,}", "/").replaceAll("^/+", "");
        String target = query == null || query.isEmpty() ? sameOrigin : sameOrigin + "?" + query;
        if (target.length() > MAX_TARGET_CHARS) {
            throw new HttpResponseException(HttpStatus.URI_TOO_LONG.getCode(), "redirect target too long");
        }
        return target;
    }
}
