package edu.rush.gme.web;

import edu.rush.gme.content.ContentStore;
import edu.rush.gme.web.PageCache.CachedPage;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers GET requests for cached pages inside Jetty, before the servlet layer and Javalin's
 * routing: a cache hit costs a map lookup and one buffer write. Misses go on to Javalin, which
 * renders the page and fills the cache. The same headers as a rendered page: security headers,
 * ETag and revalidation, precomputed gzip.
 */
final class CachedPageHandler extends Handler.Wrapper {

    private final PageCache cache;
    private final ContentStore store;
    private final HttpField[] securityHeaders;

    CachedPageHandler(PageCache cache, ContentStore store, Map<String, String> securityHeaders) {
        this.cache = cache;
        this.store = store;
        this.securityHeaders = securityHeaders.entrySet().stream()
                .map(header -> new HttpField(header.getKey(), header.getValue()))
                .toArray(HttpField[]::new);
    }

    /** A signed preview, or a visitor browsing the site as of a later time: never answered from the cache. */
    static boolean isPreview(Request request, HttpURI uri) {
        if (uri.getPath() != null && uri.getPath().startsWith(Reading.PREVIEW_PATH)) {
            return true;
        }
        for (HttpField cookie : request.getHeaders().getFields(HttpHeader.COOKIE)) {
            if (cookie.getValue() != null && cookie.getValue().contains(Reading.AS_OF_COOKIE + "=")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.GET.is(request.getMethod()) || !store.isLoaded()) {
            return super.handle(request, response, callback);
        }
        HttpURI uri = request.getHttpURI();
        if (isPreview(request, uri)) {
            return super.handle(request, response, callback);
        }
        edu.rush.gme.content.ContentSnapshot snapshot = store.snapshot();
        java.time.Instant now = store.now();
        CachedPage page = cache.lookup(uri.getPath(), uri.getQuery(), snapshot, now);
        if (page == null) {
            return super.handle(request, response, callback);
        }
        RequestMetrics.route(request, page.route());
        HttpFields.Mutable headers = response.getHeaders();
        for (HttpField field : securityHeaders) {
            headers.put(field);
        }
        long shared = cache.sharedSeconds(page, snapshot, now);
        if (shared > 0) {
            // Before Cache-Control: nginx before 1.23 reads them in order, and a no-cache read first makes the answer uncacheable.
            // Also on a 304: nginx revalidating its copy keeps it that much longer.
            headers.put(PageCache.SHARED_CACHE_HEADER, Long.toString(shared));
        }
        headers.put(HttpHeader.CACHE_CONTROL, page.cacheControl());
        headers.put(HttpHeader.ETAG, page.etag());
        page.headers().forEach(headers::put);

        // Added, not put: an outer handler may already vary the answer (the API's CORS varies by Origin).
        headers.add(HttpHeader.VARY, "Accept-Encoding");
        if (Compression.matches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), page.etag())) {
            response.setStatus(304);
            response.write(true, null, callback);
            return true;
        }
        boolean gzip = Compression.acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
        byte[] body = gzip ? page.gzipped() : page.body();
        headers.put(HttpHeader.CONTENT_TYPE, page.contentType());
        if (gzip) {
            headers.put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.setStatus(200);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
