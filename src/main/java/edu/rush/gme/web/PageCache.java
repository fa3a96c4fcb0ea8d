package edu.rush.gme.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import edu.rush.gme.AskedBefore;
import edu.rush.gme.content.ContentSnapshot;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Rendered anonymous GET responses, kept in memory and served without running a controller.
 * The key holds the content snapshot's version and the date in the site's time zone: a content
 * change or a publish/expiry date (which take effect at midnight) makes new keys, so an entry is
 * never served stale and nothing has to guess what to invalidate. Old keys age out by size.
 */
public final class PageCache {

    /**
     * One response: its gzipped body (and the plain one, or null to unzip it when a client without
     * gzip asks), a strong validator and how long others may keep it.
     */
    record CachedPage(String contentType, byte[] body, byte[] gzipped, String etag, String cacheControl, Map<String, String> headers,
                      Instant expires, String route) {
        int weight() {
            return (body == null ? 0 : body.length) + gzipped.length + 128;
        }

        /** The plain body: kept, or unzipped from the gzipped one for this request. */
        @Override
        public byte[] body() {
            return body != null ? body : Compression.gunzip(gzipped);
        }
    }

    static final String HTML = "text/html; charset=utf-8";

    /** Tells nginx's proxy_cache how long it may keep an answer; it takes precedence over Cache-Control there and never reaches browsers. */
    static final String SHARED_CACHE_HEADER = "X-Accel-Expires";

    private final Cache<String, CachedPage> cache;
    /** The addresses with a query asked lately: their pages are kept from their second asking. */
    private final AskedBefore asked = new AskedBefore();
    private final int sharedSeconds;
    /** The static mirror nginx answers from (GME_MIRROR_DIR), or null. */
    private volatile PageMirror mirror;

    public PageCache(long maxBytes) {
        this(maxBytes, 0);
    }

    /** @param sharedSeconds how long a proxy in front may keep a page (0: it is told nothing) */
    public PageCache(long maxBytes, int sharedSeconds) {
        this.sharedSeconds = sharedSeconds;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, CachedPage page) -> page.weight() + key.length())
                // Hits and misses, for /metrics (two counter increments per lookup).
                .recordStats()
                .build();
    }

    /** Offers every page kept for everyone to this static mirror as well (when it is rendered and when it is answered). */
    void mirrorTo(PageMirror pageMirror) {
        this.mirror = pageMirror;
    }

    /** The cached response for a GET of this path and query, or null. */
    CachedPage lookup(String path, String query, ContentSnapshot snapshot, Instant now) {
        String key = key(path, query, snapshot, now);
        CachedPage page = cache.getIfPresent(key);
        if (page != null && page.expires() != null && !now.isBefore(page.expires())) {
            cache.asMap().remove(key, page);
            return null;
        }
        if (page != null && mirror != null) {
            // Asked of the server, so not in nginx's mirror yet (rendered before its generation was current, or swept).
            mirror.offer(path, query, snapshot, now, page);
        }
        return page;
    }

    /** Pages are checked with the server on every visit; the API lets clients keep answers a little ({@code cacheControl}). */
    static final String REVALIDATE = "no-cache";

    /**
     * Writes a freshly rendered answer (every visitor to revalidate it, or as {@code cacheControl} says;
     * with more response headers kept with the body: a Link header), and keeps it when it is a 200 answer to a GET.
     */
    void storeAndWrite(Context ctx, ContentSnapshot snapshot, Instant now, String contentType, String text, String cacheControl,
                       Map<String, String> headers) {
        storeAndWrite(ctx, snapshot, now, contentType, text, cacheControl, headers, null);
    }

    /** As above, kept at most {@code keptFor} (null: as long as its key lives) because it shows state outside the snapshot. */
    void storeAndWrite(Context ctx, ContentSnapshot snapshot, Instant now, String contentType, String text, String cacheControl,
                       Map<String, String> headers, java.time.Duration keptFor) {
        storeAndWrite(ctx, snapshot, now, contentType, text.getBytes(StandardCharsets.UTF_8), cacheControl, headers, keptFor);
    }

    /** As above, with the body already encoded (a page rendered to UTF-8 bytes). */
    void storeAndWrite(Context ctx, ContentSnapshot snapshot, Instant now, String contentType, byte[] body, String cacheControl,
                       Map<String, String> headers, java.time.Duration keptFor) {
        headers.forEach(ctx::header);
        if (snapshot.isPreview()) {
            // A preview's view of the content is never kept, whoever asks to store it (its headers are private, no-store).
            Compression.writeFresh(ctx, contentType, body);
            return;
        }
        // An address with a query (finder filters, a search) is most likely asked once: compressed fast.
        boolean withQuery = ctx.queryString() != null && !ctx.queryString().isEmpty();
        int level = withQuery ? Compression.ONCE_LEVEL : Compression.LEVEL;
        if (ctx.method() != HandlerType.GET || ctx.statusCode() != 200) {
            if (!cacheControl.equals(REVALIDATE)) {
                ctx.header("Cache-Control", cacheControl);
            }
            if (ctx.method() == HandlerType.HEAD && ctx.statusCode() == 200) {
                // The validator a GET would give, so a client can check with HEAD whether its copy is current.
                ctx.header("ETag", etag(Compression.gzip(body, level)));
            }
            Compression.writeFresh(ctx, contentType, body);
            return;
        }
        // Only the gzipped body is kept (a fifth to a tenth of the plain one: five to ten times the pages in
        // the same memory); browsers and proxies take gzip, and the few clients without it get it unzipped
        // (microseconds, where a page no longer kept would cost a render: docs/performance.md, "Memory").
        byte[] gzipped = Compression.gzip(body, level);
        CachedPage page = new CachedPage(contentType, null, gzipped, etag(gzipped), cacheControl, Map.copyOf(headers),
                keptFor == null ? null : now.plus(keptFor), RequestMetrics.routeOf(ctx));
        String key = key(ctx.path(), ctx.queryString(), snapshot, now);
        if (!withQuery || asked.asked(key)) {
            // An address with a query (finder filters, a search) is kept from its second asking (AskedBefore):
            // most are asked once, and kept they died in the old generation. The answer is the same either way.
            cache.put(key, page);
        }
        if (mirror != null) {
            mirror.offer(ctx.path(), ctx.queryString(), snapshot, now, page);
        }
        long shared = sharedSeconds(page, snapshot, now);
        if (shared > 0) {
            // Before Cache-Control (written next): nginx before 1.23 reads them in order.
            ctx.header(SHARED_CACHE_HEADER, Long.toString(shared));
        }
        ctx.header("Cache-Control", page.cacheControl());
        // The plain body just rendered, not unzipped again.
        Compression.write(ctx, page.contentType(), page.etag(), body, page.gzipped());
    }

    /**
     * How many whole seconds a proxy in front may keep this answer (0: not at all): the configured
     * time, but never past the moment its key changes by itself (a scheduled page appears or goes, the
     * day turns in the site's zone), nor past its own expiry (live state), so a proxy never shows what
     * this server would no longer show. Only pages that every visitor must revalidate are offered (the
     * API's answers carry their own Cache-Control, and are never put in a proxy's cache).
     */
    long sharedSeconds(CachedPage page, ContentSnapshot snapshot, Instant now) {
        if (sharedSeconds == 0 || !page.cacheControl().equals(REVALIDATE)) {
            return 0;
        }
        Instant until = now.plusSeconds(sharedSeconds);
        Instant midnight = snapshot.at(now).toLocalDate().plusDays(1).atStartOfDay(snapshot.site().zone()).toInstant();
        if (midnight.isBefore(until)) {
            until = midnight;
        }
        Instant boundary = snapshot.nextBoundary(now).orElse(until);
        if (boundary.isBefore(until)) {
            until = boundary;
        }
        if (page.expires() != null && page.expires().isBefore(until)) {
            until = page.expires();
        }
        return Math.max(0, java.time.Duration.between(now, until).getSeconds());
    }

    /** The cache itself, for its hit and miss counts. */
    Cache<String, CachedPage> caffeine() {
        return cache;
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static String key(String path, String query, ContentSnapshot snapshot, Instant now) {
        return snapshot.version() + '|' + snapshot.visibilityKey(now) + '|' + path + (query == null ? "" : "?" + query);
    }

    /**
     * A strong ETag over the bytes kept, the gzipped page where it is kept gzipped (the same page
     * gives the same gzip, on every instance of one build): CRC-32C, CRC-32 and the length, 96 bits.
     * An ETag only has to tell one version of an address from the next, not resist forgery (nginx's
     * is the file's time and size); two 32-bit checks differing by chance is about one in 2^64 per
     * change. SHA-256 did the same at many times the cost: with the production flags (C1 only, where
     * it has no intrinsic) 76 µs for an 11 KB gzip, against under 1 µs for the two CRCs, which the
     * JDK computes with the processor's own instructions (docs/performance.md).
     */
    static String etag(byte[] body) {
        java.util.zip.CRC32C castagnoli = new java.util.zip.CRC32C();
        castagnoli.update(body);
        java.util.zip.CRC32 ieee = new java.util.zip.CRC32();
        ieee.update(body);
        HexFormat hex = HexFormat.of();
        return "\"" + hex.toHexDigits((int) castagnoli.getValue()) + hex.toHexDigits((int) ieee.getValue())
                + hex.toHexDigits(body.length) + "\"";
    }
}
