package edu.rush.gme.web;

import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Lets only so many answers of one costly kind be worked out at once; the others wait their turn
 * without a thread (Jetty's QoSHandler suspends them) and run in the order they came. One that waits
 * too long, or finds too many waiting, is answered 503 with {@code Retry-After} through the server's
 * error handler, which gives it the security headers and a page (or a problem document under
 * {@code /api/}). Two kinds (docs/performance.md):
 * <ul>
 *   <li>{@link #searches}: the results page, the search API and suggestions, one a core at once, so a
 *       burst of searches cannot take every thread from the rest of the site, nor thrash the cores;</li>
 *   <li>{@link #finder}: the finder's pages that the page cache does not hold (new filters), as many as
 *       there are cores; it sits behind the page cache, so a kept page never waits. Sixteen new
 *       finder pages at once on two cores each took the CPU turn by turn, and the slowest waited for
 *       all of them: run in order, the p99 at 10,000 programs fell from 33–35 to 20–22 ms at the same
 *       throughput. A page that waited is looked up in the page cache again before it is rendered
 *       (a second {@code CachedPageHandler} behind the limit). Beyond 1,024 waiting, or after 5 s,
 *       the finder answers 503 rather than letting a flood of new filters take every thread.</li>
 * </ul>
 * Everything else goes past.
 */
final class WorkLimit extends QoSHandler {

    /** Seconds a client is asked to wait before asking again after a 503. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** What it limits: "searches" or "finder". */
    private final String kind;

    private WorkLimit(String kind, int atOnce, int waiting, Duration longestWait, String... paths) {
        this.kind = kind;
        includePath(paths);
        setMaxRequestCount(atOnce);
        setMaxSuspendedRequestCount(waiting);
        setMaxSuspend(longestWait);
    }

    /** Searches: the results page and the search API with everything under it (suggestions). */
    static WorkLimit searches(int atOnce, int waiting, Duration longestWait) {
        return new WorkLimit("searches", atOnce, waiting, longestWait, anySlashes(Paths.SEARCH), anySlashes(Paths.SEARCH_API));
    }

    /** The finder's page, whatever its filters, and nothing under it (program pages, the comparison). */
    static WorkLimit finder(int atOnce, int waiting, Duration longestWait) {
        return new WorkLimit("finder", atOnce, waiting, longestWait, "^" + Paths.PROGRAMS.replace("/", "/+") + "/*$");
    }

    String kind() {
        return kind;
    }

    /** Too many waiting already. */
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
