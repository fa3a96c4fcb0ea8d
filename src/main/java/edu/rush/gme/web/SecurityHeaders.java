package edu.rush.gme.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers that make every response harder to abuse: a strict Content-Security-Policy (no inline
 * script or style, nothing from other origins, no framing), no MIME sniffing, a privacy-keeping
 * referrer policy, no powerful browser features, and HSTS when the site is served over HTTPS.
 */
public final class SecurityHeaders implements Handler {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "object-src 'none'");

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "magnetometer=(), gyroscope=(), accelerometer=()";

    private final Map<String, String> headers;

    SecurityHeaders(boolean https) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Security-Policy", https ? CONTENT_SECURITY_POLICY + "; upgrade-insecure-requests" : CONTENT_SECURITY_POLICY);
        all.put("X-Content-Type-Options", "nosniff");
        all.put("Referrer-Policy", "strict-origin-when-cross-origin");
        all.put("Permissions-Policy", PERMISSIONS_POLICY);
        all.put("X-Frame-Options", "DENY");
        all.put("Cross-Origin-Opener-Policy", "same-origin");
        if (https) {
            all.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        this.headers = Collections.unmodifiableMap(all);
    }

    /** The headers, for responses written outside Javalin (cached pages answered by Jetty). */
    Map<String, String> headers() {
        return headers;
    }

    /**
     * Lets this one answer be shown in a frame of the site's own pages (the staff editor's live preview):
     * {@code frame-ancestors 'self'} and {@code SAMEORIGIN} instead of {@code 'none'} and {@code DENY};
     * the rest of the policy, and every other answer, unchanged.
     */
    public static void framedBySameOrigin(Context ctx) {
        String policy = ctx.res().getHeader("Content-Security-Policy");
        if (policy != null) {
            ctx.header("Content-Security-Policy", policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
        }
        ctx.header("X-Frame-Options", "SAMEORIGIN");
    }

    @Override
    public void handle(Context ctx) {
        headers.forEach(ctx::header);
    }
}
