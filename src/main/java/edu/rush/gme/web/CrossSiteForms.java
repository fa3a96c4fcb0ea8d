package edu.rush.gme.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;

/**
 * Refuses form posts that another website makes a visitor's browser send (cross-site request
 * forgery), as OWASP's cheat sheet recommends for a site without sessions: the browser's own word
 * first (Fetch Metadata: {@code Sec-Fetch-Site}), then the {@code Origin} header compared with this
 * site's origin, and for the rare browser that sends neither, the signed token the form carries.
 */
public final class CrossSiteForms {

    /** The hidden field every form of the site carries. */
    public static final String TOKEN_FIELD = "formToken";

    /** What to do with a post. */
    public enum Verdict {
        /** Sent from a page of this site. */
        ACCEPT,
        /** Sent from another website, or with a token not signed here: refuse (403). */
        CROSS_SITE,
        /** Our form, but open too long or from another network: show it again with the answers kept. */
        STALE
    }

    private final FormTokens tokens;
    private final String siteOrigin;

    public CrossSiteForms(FormTokens tokens, String baseUrl) {
        this.tokens = tokens;
        this.siteOrigin = origin(baseUrl);
    }

    /** A token for the form about to be shown to this visitor. */
    public String token(Context ctx) {
        return tokens.issue(ClientAddress.limitKey(ctx.ip()));
    }

    public Verdict check(Context ctx, String token) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null) {
            // "none": the visitor's own action (a bookmark, the address bar), never another site's page.
            return fetchSite.equals("same-origin") || fetchSite.equals("none") ? Verdict.ACCEPT : Verdict.CROSS_SITE;
        }
        String origin = ctx.header("Origin");
        // "null" comes from sandboxed frames and privacy-minded redirects: it proves nothing either way.
        if (origin != null && !origin.equals("null")) {
            return isThisSite(origin, ctx.header("Host")) ? Verdict.ACCEPT : Verdict.CROSS_SITE;
        }
        return switch (tokens.check(token, ClientAddress.limitKey(ctx.ip()))) {
            case VALID -> Verdict.ACCEPT;
            case STALE -> Verdict.STALE;
            case FORGED -> Verdict.CROSS_SITE;
        };
    }

    /** The configured public origin, or the host the browser addressed (what it would send as Origin for our own page). */
    private boolean isThisSite(String origin, String host) {
        String normalized = origin(origin);
        if (normalized == null) {
            return false;
        }
        if (normalized.equals(siteOrigin)) {
            return true;
        }
        return host != null && authority(normalized).equals(withoutDefaultPort(host.toLowerCase(Locale.ROOT)));
    }

    /** {@code scheme://host[:port]} in lower case without a default port, or null when it is not an http(s) origin. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String authority(String origin) {
        return origin.substring(origin.indexOf("://") + 3);
    }

    private static String withoutDefaultPort(String host) {
        return host.endsWith(":80") || host.endsWith(":443") ? host.substring(0, host.lastIndexOf(':')) : host;
    }
}
