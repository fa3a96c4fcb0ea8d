package edu.rush.gme.web;

import edu.rush.gme.content.ContentStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become answers: a page in the site's layout, or for {@code /api/} a problem
 * document (RFC 9457); never a stack trace. Failures are logged with the request that caused them.
 * (Errors Jetty answers itself, before Javalin sees the request, are {@link ContainerErrors}.)
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
        // Replaces Javalin's plain-text answers to NotFoundResponse, MethodNotAllowedResponse and the rest.
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), e));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(), null);
        });
    }

    /** For exceptions the URL map declares as "unavailable for a while" (see RouteTable.unavailableWhen): 503, Retry-After. */
    void unavailable(Context ctx, Exception e) {
        LOG.warn("{} {}: unavailable for now: {}", ctx.method(), ctx.path(), e.getMessage());
        ctx.header("Retry-After", "60");
        answer(ctx, HttpStatus.SERVICE_UNAVAILABLE.getCode(), null);
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /** The methods of HTTP itself; any other is not implemented anywhere here (501, not 404). */
    private static final java.util.Set<String> HTTP_METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "TRACE", "CONNECT");

    private void answer(Context ctx, int code, HttpResponseException e) {
        if (code == HttpStatus.NOT_FOUND.getCode() && !HTTP_METHODS.contains(ctx.method().name())) {
            code = HttpStatus.NOT_IMPLEMENTED.getCode();
        }
        HttpStatus status = HttpStatus.forStatus(code);
        ErrorTexts texts = ErrorTexts.of(code);
        String allowed = e instanceof MethodNotAllowedResponse ? e.getDetails().get(RouteTable.ALLOWED_METHODS) : null;
        if (allowed != null) {
            ctx.header("Allow", allowed);
        }
        if (isApi(ctx)) {
            Problems.send(ctx, status, texts.title(), apiDetail(ctx, code, texts, allowed), Map.of());
            return;
        }
        renderPage(ctx, status, texts);
    }

    private static String apiDetail(Context ctx, int code, ErrorTexts texts, String allowed) {
        return switch (code) {
            case 404 -> "There is nothing at " + ctx.path();
            case 405 -> ctx.method() + " is not allowed at " + ctx.path() + (allowed == null ? "" : "; allowed: " + allowed);
            case 413 -> "The request body is larger than this address accepts";
            default -> texts.explanation();
        };
    }

    private void renderPage(Context ctx, HttpStatus status, ErrorTexts texts) {
        ctx.status(status);
        String template = switch (status) {
            case NOT_FOUND -> "errors/404";
            default -> "errors/status";
        };
        try {
            Map<String, Object> model = new HashMap<>();
            model.put("title", texts.title());
            model.put("explanation", texts.explanation());
            model.put("status", status.getCode());
            // Only a 200 GET is cached, so an error page never is.
            views.render(ctx, store.snapshot(), template, model);
        } catch (RuntimeException renderFailure) {
            LOG.error("error page {} could not be rendered", template, renderFailure);
            ctx.html(LAST_RESORT);
        }
        ctx.status(status);
    }
}
