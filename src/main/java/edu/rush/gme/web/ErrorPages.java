package edu.rush.gme.web;

import edu.rush.gme.content.ContentStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become pages: "not found" and "something went wrong" in the site's
 * layout, never a stack trace. Failures are logged with the request that caused them.
 */
final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static final String LAST_RESORT = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Something went wrong</title></head><body><main><h1>Something went wrong</h1>"
            + "<p>Sorry, this page could not be shown. Please try again in a moment.</p>"
            + "<p><a href=\"/\">Go to the home page</a></p></main></body></html>";

    private final ContentStore store;
    private final Views views;

    ErrorPages(ContentStore store, Views views) {
        this.store = store;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            renderError(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "errors/500");
        });
        routes.error(HttpStatus.NOT_FOUND, ctx -> renderError(ctx, HttpStatus.NOT_FOUND, "errors/404"));
        // A body over Javalin's 1 MB limit: a page (or a problem document for the API), not Jetty's plain text.
        routes.error(HttpStatus.CONTENT_TOO_LARGE, ctx -> {
            if (ctx.path().startsWith("/api/")) {
                Problems.send(ctx, HttpStatus.CONTENT_TOO_LARGE, "Content too large", "The request body may be at most 1 MB", Map.of());
            } else {
                renderError(ctx, HttpStatus.CONTENT_TOO_LARGE, "errors/413");
            }
        });
    }

    private void renderError(Context ctx, HttpStatus status, String template) {
        ctx.status(status);
        try {
            Map<String, String> model = Map.of("title", switch (status) {
                case NOT_FOUND -> "Page not found";
                case CONTENT_TOO_LARGE -> "Too much to send";
                default -> "Something went wrong";
            });
            // Only a 200 GET is cached, so an error page never is.
            views.render(ctx, store.snapshot(), template, model);
        } catch (RuntimeException renderFailure) {
            LOG.error("error page {} could not be rendered", template, renderFailure);
            ctx.html(LAST_RESORT);
        }
        ctx.status(status);
    }
}
