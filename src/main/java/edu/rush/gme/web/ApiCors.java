package edu.rush.gme.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Cross-origin reading of the API (CORS) for the websites in {@code GME_API_ORIGINS}: Jetty's own
 * {@link CrossOriginHandler}, in front of everything (the page cache included, so a cached answer
 * carries the same headers), for {@code /api/} addresses only. An allowed origin gets
 * {@code Access-Control-Allow-Origin} naming it, with ETag and Link exposed to its scripts; any other
 * origin gets the answer without CORS headers, which its browser then keeps from its scripts. Every
 * API answer says {@code Vary: Origin}. A preflight is answered by the routes (204 with Allow).
 */
public final class ApiCors extends CrossOriginHandler {

    /** How long a browser may remember a preflight's answer. */
    static final Duration PREFLIGHT_MAX_AGE = Duration.ofMinutes(10);

    public ApiCors(List<String> origins) {
        // The handler takes patterns; an origin from the settings is matched exactly.
        setAllowedOriginPatterns(origins.stream().map(Pattern::quote).collect(Collectors.toSet()));
        setAllowedMethods(Set.of("GET", "HEAD", "OPTIONS"));
        setAllowedHeaders(Set.of("Accept", "If-None-Match"));
        setExposedHeaders(Set.of("ETag", "Link"));
        setPreflightMaxAge(PREFLIGHT_MAX_AGE);
        setAllowCredentials(false);
        setDeliverPreflightRequests(true);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (Request.getPathInContext(request).startsWith("/api/")) {
            return super.handle(request, response, callback);
        }
        Handler next = getHandler();
        return next != null && next.handle(request, response, callback);
    }
}
