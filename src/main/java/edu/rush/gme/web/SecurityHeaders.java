package edu.rush.gme.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Headers that make every response harder to abuse: a strict Content-Security-Policy (no inline
 * script or style, nothing from other origins, no framing), no MIME sniffing, a privacy-keeping
 * referrer policy, no powerful browser features, and HSTS when the site is served over HTTPS.
 */
final class SecurityHeaders implements Handler {

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

    private final boolean https;

    SecurityHeaders(boolean https) {
        this.https = https;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Content-Security-Policy", https ? CONTENT_SECURITY_POLICY + "; upgrade-insecure-requests" : CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Permissions-Policy", PERMISSIONS_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (https) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
