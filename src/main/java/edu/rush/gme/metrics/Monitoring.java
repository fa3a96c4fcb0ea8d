package edu.rush.gme.metrics;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.function.Supplier;

/**
 * What monitoring may read, and who: {@code /metrics} (Prometheus text, never cached, in no sitemap)
 * and readiness's details are for a request that carries the metrics token. Metrics off (no token):
 * {@code /metrics} is the site's 404. A missing or wrong token: 401 with no more said.
 */
public final class Monitoring {

    public static final String PATH = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final MetricsToken token;
    private final Supplier<String> scrape;

    /** {@code scrape} gives the meters' text (null when metrics are off). */
    public Monitoring(MetricsToken token, Supplier<String> scrape) {
        this.token = token;
        this.scrape = scrape;
    }

    /** Whether this request carries the token (never, when none is set). */
    public boolean opens(Context ctx) {
        return token.opens(ctx.header("Authorization"));
    }

    /** {@code GET /metrics}. */
    public void metrics(Context ctx) {
        if (!token.isSet() || scrape == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", "no-store");
        if (!opens(ctx)) {
            ctx.header("WWW-Authenticate", "Bearer").status(401).contentType("text/plain; charset=utf-8").result("Unauthorized\n");
            return;
        }
        ctx.contentType(PROMETHEUS_TEXT).result(scrape.get());
    }
}
