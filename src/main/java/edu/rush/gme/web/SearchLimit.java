package edu.rush.gme.web;

import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Lets only so many searches (the results page, the search API, suggestions) run at once, so that a
 * burst of searches cannot take every core and thread from the rest of the site: cached pages, static
 * files and forms go past it untouched. Searches beyond the limit wait without a thread (Jetty's
 * QoSHandler suspends them) and run in turn; one that waits too long, or finds too many waiting,
 * is answered 503 with {@code Retry-After} through the server's error handler, which gives it the
 * security headers and a page (or a problem document under {@code /api/}).
 */
final class SearchLimit extends QoSHandler {

    /** Seconds a client is asked to wait before searching again after a 503. */
    static final int RETRY_AFTER_SECONDS = 5;

    SearchLimit(int atOnce, int waiting, Duration longestWait) {
        includePath(anySlashes(Paths.SEARCH), anySlashes(Paths.SEARCH_API));
        setMaxRequestCount(atOnce);
        setMaxSuspendedRequestCount(waiting);
        setMaxSuspend(longestWait);
    }

    /** Too many searches waiting already. */
    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        retryLater(response, status);
        super.reject(request, response, callback, status);
    }

    /** Waited longer than the longest wait (or failed when resumed, which is not a reason to come back). */
    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
        retryLater(response, status);
        super.failSuspended(request, response, callback, status, failure);
    }

    /**
     * The path and everything under it, spelled as the router still answers it: it ignores trailing
     * slashes and collapses repeated ones ({@code //search}), so a plain prefix would let those past.
     */
    static String anySlashes(String path) {
        return "^" + path.replace("/", "/+") + "(/.*)?$";
    }

    private static void retryLater(Response response, int status) {
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
    }
}
