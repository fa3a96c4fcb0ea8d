package edu.rush.gme.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import edu.rush.gme.content.ContentSnapshot;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Rendered anonymous GET responses, kept in memory and served without running a controller.
 * The key holds the content snapshot's version and the date in the site's time zone: a content
 * change or a publish/expiry date (which take effect at midnight) makes new keys, so an entry is
 * never served stale and nothing has to guess what to invalidate. Old keys age out by size.
 */
public final class PageCache {

    /** One response: plain and gzipped bodies and a strong validator. */
    record CachedPage(String contentType, byte[] body, byte[] gzipped, String etag) {
        int weight() {
            return body.length + gzipped.length + 128;
        }
    }

    private static final String HTML = "text/html; charset=utf-8";

    private final Cache<String, CachedPage> cache;

    public PageCache(long maxBytes) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, CachedPage page) -> page.weight() + key.length())
                .build();
    }

    /** The cached response for a GET of this path and query, or null. */
    CachedPage lookup(String path, String query, ContentSnapshot snapshot, Instant now) {
        return cache.getIfPresent(key(path, query, snapshot, now));
    }

    /** Writes a freshly rendered HTML page, and keeps it when it is a 200 answer to a GET. */
    void storeAndWrite(Context ctx, ContentSnapshot snapshot, Instant now, String html) {
        storeAndWrite(ctx, snapshot, now, HTML, html);
    }

    void storeAndWrite(Context ctx, ContentSnapshot snapshot, Instant now, String contentType, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        // A preview's view of the content is never kept, whoever asks to store it.
        if (ctx.method() != HandlerType.GET || ctx.statusCode() != 200 || snapshot.isPreview()) {
            Compression.writeFresh(ctx, contentType, body);
            return;
        }
        CachedPage page = new CachedPage(contentType, body, Compression.gzip(body), etag(body));
        cache.put(key(ctx.path(), ctx.queryString(), snapshot, now), page);
        write(ctx, page);
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static void write(Context ctx, CachedPage page) {
        ctx.header("Cache-Control", "no-cache");
        Compression.write(ctx, page.contentType(), page.etag(), page.body(), page.gzipped());
    }

    private static String key(String path, String query, ContentSnapshot snapshot, Instant now) {
        return snapshot.version() + '|' + snapshot.visibilityKey(now) + '|' + path + (query == null ? "" : "?" + query);
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
