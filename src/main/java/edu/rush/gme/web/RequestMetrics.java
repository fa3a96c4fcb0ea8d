package edu.rush.gme.web;

import io.javalin.http.Context;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Times every request, from the moment its body has arrived to the end of its answer, and tells
 * {@link ServerMetrics} its route template. The template is put on the request by whoever answers:
 * {@link RouteTable} (the address a handler was registered at, such as {@code /programs/{slug}}) or
 * {@link CachedPageHandler} (the one the page was rendered by); a request nobody routed (refused by
 * Jetty, or answered before routing) counts as {@code unmatched}. Only added when metrics are on.
 */
final class RequestMetrics extends Handler.Wrapper {

    private static final String ATTRIBUTE = RequestMetrics.class.getName();
    private static final String UNMATCHED = "unmatched";
    /** Methods counted by name; anything else a client invents is one series, "OTHER". */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    /** The route of one request, filled in while it is answered. */
    private static final class Route {
        volatile String template = UNMATCHED;
    }

    private final ServerMetrics metrics;

    RequestMetrics(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    /** Records the route template a request was answered by (nothing when metrics are off). */
    static void route(Context ctx, String template) {
        if (ctx.req().getAttribute(ATTRIBUTE) instanceof Route route) {
            route.template = template;
        }
    }

    static void route(Request request, String template) {
        if (template != null && request.getAttribute(ATTRIBUTE) instanceof Route route) {
            route.template = template;
        }
    }

    /** The route template recorded so far for this request, or null (metrics off, or not routed yet). */
    static String routeOf(Context ctx) {
        return ctx.req().getAttribute(ATTRIBUTE) instanceof Route route && !route.template.equals(UNMATCHED) ? route.template : null;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        Route route = new Route();
        request.setAttribute(ATTRIBUTE, route);
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        Callback timed = Callback.from(callback, () -> metrics.request(route.template, method, response.getStatus(), System.nanoTime() - started));
        return super.handle(request, response, timed);
    }
}
