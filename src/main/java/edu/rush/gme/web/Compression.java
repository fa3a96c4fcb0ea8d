package edu.rush.gme.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip done once, when a response is cached, instead of on every request: cached pages and static
 * text files keep their compressed bytes beside the plain ones.
 */
final class Compression {

    private Compression() {
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static boolean acceptsGzip(Context ctx) {
        String accept = ctx.header("Accept-Encoding");
        return accept != null && accept.contains("gzip");
    }

    /** Writes a response made for this request only (not cached), gzipped when the browser accepts it. */
    static void writeFresh(Context ctx, String contentType, byte[] body) {
        ctx.contentType(contentType);
        ctx.header("Vary", "Accept-Encoding");
        if (body.length > 512 && acceptsGzip(ctx)) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(gzip(body));
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
        ctx.header("Vary", "Accept-Encoding");
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
