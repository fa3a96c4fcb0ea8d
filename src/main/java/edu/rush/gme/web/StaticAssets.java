package edu.rush.gme.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of {@code static/}, read once into memory and served at their own path and at a
 * fingerprinted path ({@code /css/site.3f2a1c9b0d.css}) that can be cached for a year, because a
 * changed file gets a new name.
 */
public final class StaticAssets {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("pdf", "application/pdf"));

    /** One file: its bytes, type, strong validator and fingerprinted URL. */
    record Asset(byte[] body, byte[] gzipped, String contentType, String etag, String fingerprintedUrl) {
    }

    private final Map<String, Asset> byUrl;
    private final Map<String, Asset> byFingerprintedUrl;

    private StaticAssets(Map<String, Asset> byUrl) {
        this.byUrl = Map.copyOf(byUrl);
        Map<String, Asset> fingerprinted = new HashMap<>();
        byUrl.values().forEach(asset -> fingerprinted.put(asset.fingerprintedUrl(), asset));
        this.byFingerprintedUrl = Map.copyOf(fingerprinted);
    }

    public static StaticAssets load(Path dir) {
        Map<String, Asset> assets = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return new StaticAssets(assets);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String url = "/" + dir.relativize(file).toString().replace('\\', '/');
                if (url.contains("/.")) {
                    continue;
                }
                byte[] body = Files.readAllBytes(file);
                String hash = hash(body);
                String type = contentType(url);
                byte[] gzipped = isText(type) ? Compression.gzip(body) : null;
                assets.put(url, new Asset(body, gzipped, type, "\"" + hash + "\"", fingerprint(url, hash)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read static folder " + dir, e);
        }
        return new StaticAssets(assets);
    }

    /** The URL to put in a page: fingerprinted when the file exists, else the path as given. */
    public String url(String path) {
        Asset asset = byUrl.get(path);
        return asset == null ? path : asset.fingerprintedUrl();
    }

    /** Every file's fingerprinted URL, in order: changes when any file does (pages name them, so the page mirror's generations depend on it). */
    String fingerprints() {
        return String.join(",", new java.util.TreeSet<>(byFingerprintedUrl.keySet()));
    }

    /** Serves the file at this path, if there is one; fingerprinted URLs are cached for a year. */
    /** Whether a file of static/ answers at this path (its own or its fingerprinted one). */
    boolean has(String path) {
        return byUrl.containsKey(path) || byFingerprintedUrl.containsKey(path);
    }

    public boolean serve(Context ctx, String path) {
        boolean immutable = !byUrl.containsKey(path);
        Asset asset = immutable ? byFingerprintedUrl.get(path) : byUrl.get(path);
        if (asset == null) {
            return false;
        }
        ctx.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate");
        Compression.write(ctx, asset.contentType(), asset.etag(), asset.body(), asset.gzipped());
        return true;
    }

    private static boolean isText(String contentType) {
        return contentType.startsWith("text/") || contentType.contains("xml") || contentType.contains("json");
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static String fingerprint(String url, String hash) {
        int slash = url.lastIndexOf('/');
        int dot = url.lastIndexOf('.');
        if (dot <= slash + 1) {
            return url + "." + hash;
        }
        return url.substring(0, dot) + "." + hash + url.substring(dot);
    }

    private static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
