package edu.rush.gme.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.QuotedQualityCSV;

/**
 * Gzip done once, when a response is cached, instead of on every request: cached pages and static
 * text files keep their compressed bytes beside the plain ones.
 */
final class Compression {

    /**
     * Browsers send a handful of distinct Accept-Encoding values, so each is parsed once; bounded, and
     * only short values are kept, so odd headers cost a parse but never memory.
     */
    private static final Cache<String, Boolean> GZIP_CHOICES = Caffeine.newBuilder().maximumSize(256).build();
    private static final int MAX_REMEMBERED_HEADER = 256;

    private Compression() {
    }

    /**
     * zlib's level 6 for what is compressed once and sent many times: pages at addresses without a
     * query (a program page, the home page), static files. Measured on a program page (20 KB), a
     * finder page (100 KB) and the home page (18 KB): 0.2-0.8% more bytes than level 9 for 15-40%
     * less time (docs/performance.md).
     */
    static final int LEVEL = 6;

    /**
     * zlib's level 1 for what is most likely sent once: a page at an address with a query (finder
     * filters, a search; at 10,000 programs nearly every such address is new) and answers made for
     * one request. On the finder's 95 KB page level 6 took 1.0 ms and level 1 0.17 ms, for 17% more
     * bytes (8.8 KB instead of 7.6 KB); on a 14 KB results page 0.17 and 0.12 ms, 14% more
     * (docs/performance.md, "Answers no cache holds"): half of what a finder miss cost.
     */
    static final int ONCE_LEVEL = 1;

    static byte[] gzip(byte[] body) {
        return gzip(body, LEVEL);
    }

    static byte[] gzip(byte[] body, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(level);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The plain bytes of what {@link #gzip} made (its trailer gives their length, so they are read into one array). */
    static byte[] gunzip(byte[] gzipped) {
        int n = gzipped.length;
        int length = (gzipped[n - 4] & 0xff) | (gzipped[n - 3] & 0xff) << 8 | (gzipped[n - 2] & 0xff) << 16 | (gzipped[n - 1] & 0xff) << 24;
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped), n)) {
            byte[] plain = in.readNBytes(length);
            if (plain.length != length || in.read() != -1) {
                throw new IllegalStateException("a gzipped page is not the length its trailer says");
            }
            return plain;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean acceptsGzip(Context ctx) {
        return acceptsGzip(ctx.header("Accept-Encoding"));
    }

    /**
     * Whether to send gzip rather than the plain body (identity), the one decision every response
     * that has both makes: cached and fresh pages, static files. Accept-Encoding is read as RFC 9110
     * §12.5.3 says, by Jetty's parser (q-values, '*', case-insensitive names): gzip when it (or
     * x-gzip, or '*' when gzip is not named) has a weight above 0 and identity is not preferred to it
     * (identity not named counts as acceptable but last). No header, or an empty one, gets identity.
     * A client that refuses both ({@code gzip;q=0, identity;q=0}, or {@code *;q=0}) also gets identity: gzip is
     * the only coding we have, and like most servers we send the plain body rather than 406, which
     * would leave the visitor with nothing to read.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        if (acceptEncoding.length() > MAX_REMEMBERED_HEADER) {
            return prefersGzip(acceptEncoding);
        }
        return GZIP_CHOICES.get(acceptEncoding, Compression::prefersGzip);
    }

    private static boolean prefersGzip(String acceptEncoding) {
        QuotedQualityCSV codings = new QuotedQualityCSV();
        codings.addValue(acceptEncoding);
        double gzip = -1;
        double identity = -1;
        double any = -1;
        for (QuotedQualityCSV.QualityValue coding : codings.getQualityValues()) {
            switch (coding.getValue().toLowerCase(Locale.ROOT)) {
                case "gzip", "x-gzip" -> gzip = Math.max(gzip, coding.getWeight());
                case "identity" -> identity = Math.max(identity, coding.getWeight());
                case "*" -> any = Math.max(any, coding.getWeight());
                default -> {
                }
            }
        }
        // '*' stands for every coding not named (identity included); -1 is "not named at all".
        double gzipWeight = gzip >= 0 ? gzip : any;
        double identityWeight = identity >= 0 ? identity : any;
        return gzipWeight > 0 && gzipWeight >= identityWeight;
    }

    /** Writes a response made for this request only (not cached), gzipped when the browser accepts it. */
    static void writeFresh(Context ctx, String contentType, byte[] body) {
        ctx.contentType(contentType);
        ctx.res().addHeader("Vary", "Accept-Encoding");
        if (body.length > 512 && acceptsGzip(ctx)) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(gzip(body, ONCE_LEVEL));
        } else {
            ctx.result(body);
        }
    }

    /**
     * Writes a body that may have a gzipped twin, honouring If-None-Match (304) and Accept-Encoding.
     * Sets ETag, Vary and Content-Type; the caller sets Cache-Control.
     */
    static void write(Context ctx, String contentType, String etag, byte[] body, byte[] gzipped) {
        ctx.header("ETag", etag);
        ctx.res().addHeader("Vary", "Accept-Encoding");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType);
        if (gzipped != null && acceptsGzip(ctx)) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(gzipped);
        } else {
            ctx.result(body);
        }
    }

    /** If-None-Match may list several tags, or '*'. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
