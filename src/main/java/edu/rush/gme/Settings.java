package edu.rush.gme;

import edu.rush.gme.changes.WebhookSettings;
import edu.rush.gme.db.DatabaseSettings;
import edu.rush.gme.mail.MailSettings;
import edu.rush.gme.metrics.MetricsToken;
import edu.rush.gme.preview.PreviewSecret;
import edu.rush.gme.web.FormSecret;
import edu.rush.gme.web.TrustedProxies;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Every setting of the server, read once from environment variables, with defaults that run the
 * site from a checkout of the repository.
 */
public record Settings(
        String host,
        int port,
        Path contentDir,
        Path staticDir,
        String baseUrl,
        boolean devMode,
        long pageCacheBytes,
        boolean watchContent,
        DatabaseSettings database,
        MailSettings mail,
        TrustedProxies proxies,
        FormSecret formSecret,
        PreviewSecret preview,
        List<String> apiOrigins,
        WebhookSettings webhooks,
        int sharedCacheSeconds,
        MetricsToken metricsToken,
        Path mirrorDir) {

    public static final int DEFAULT_PORT = 7070;

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    static Settings from(Map<String, String> env) {
        int port = parsePort(env.getOrDefault("GME_PORT", String.valueOf(DEFAULT_PORT)));
        return new Settings(
                env.getOrDefault("GME_HOST", "0.0.0.0"),
                port,
                Path.of(env.getOrDefault("GME_CONTENT_DIR", "content")),
                Path.of(env.getOrDefault("GME_STATIC_DIR", "static")),
                stripTrailingSlash(env.getOrDefault("GME_BASE_URL", "http://localhost:" + port)),
                Boolean.parseBoolean(env.getOrDefault("GME_DEV", "false")),
                parseMegabytes("GME_PAGE_CACHE_MB", env.getOrDefault("GME_PAGE_CACHE_MB", String.valueOf(defaultPageCacheMegabytes()))),
                Boolean.parseBoolean(env.getOrDefault("GME_WATCH", "true")),
                DatabaseSettings.from(env),
                MailSettings.from(env),
                TrustedProxies.from(env.get("GME_BEHIND_PROXY"), env.get("GME_TRUSTED_PROXIES"), env.get("GME_FORWARDED_HEADER")),
                new FormSecret(env.get("GME_FORM_SECRET")),
                PreviewSecret.from(env.get(PreviewSecret.VARIABLE), Path.of("data")),
                parseOrigins(env.getOrDefault("GME_API_ORIGINS", "")),
                WebhookSettings.from(env),
                parseSeconds("GME_SHARED_CACHE_SECONDS", env.getOrDefault("GME_SHARED_CACHE_SECONDS", "0")),
                MetricsToken.from(env.get(MetricsToken.VARIABLE)),
                parseFolder(env.get("GME_MIRROR_DIR")));
    }

    /**
     * Settings for tests and tools: the given folders, a random free port, no dev mode, a new SQLite
     * file in a temporary folder, no mail server.
     */
    public static Settings forFolders(Path contentDir, Path staticDir) {
        return new Settings("127.0.0.1", 0, contentDir, staticDir, "http://localhost", false, 16L << 20, false,
                DatabaseSettings.temporarySqlite(), MailSettings.NONE, TrustedProxies.NONE,
                FormSecret.RANDOM_PER_START, PreviewSecret.random(), List.of(), WebhookSettings.NONE, 0, MetricsToken.NONE, null);
    }

    public Settings withDatabase(DatabaseSettings newDatabase) {
        return new Settings(host, port, contentDir, staticDir, baseUrl, devMode, pageCacheBytes, watchContent, newDatabase, mail, proxies, formSecret, preview, apiOrigins, webhooks, sharedCacheSeconds, metricsToken, mirrorDir);
    }

    public Settings withMail(MailSettings newMail) {
        return new Settings(host, port, contentDir, staticDir, baseUrl, devMode, pageCacheBytes, watchContent, database, newMail, proxies, formSecret, preview, apiOrigins, webhooks, sharedCacheSeconds, metricsToken, mirrorDir);
    }

    public Settings withBaseUrl(String newBaseUrl) {
        return new Settings(host, port, contentDir, staticDir, newBaseUrl, devMode, pageCacheBytes, watchContent, database, mail, proxies, formSecret, preview, apiOrigins, webhooks, sharedCacheSeconds, metricsToken, mirrorDir);
    }

    public Settings withProxies(TrustedProxies trusted) {
        return new Settings(host, port, contentDir, staticDir, baseUrl, devMode, pageCacheBytes, watchContent, database, mail, trusted, formSecret, preview, apiOrigins, webhooks, sharedCacheSeconds, metricsToken, mirrorDir);
    }

    public Settings withWatching(boolean watch) {
        return new Settings(host, port, contentDir, staticDir, baseUrl, devMode, pageCacheBytes, watch, database, mail, proxies, formSecret, preview, apiOrigins, webhooks, sharedCacheSeconds, metricsToken, mirrorDir);
    }

    /** Other websites whose pages may read the content API from a browser (CORS), like {@code https://events.example.org}. */
    public Settings withApiOrigins(List<String> origins) {
        return new Settings(host, port, contentDir, staticDir, baseUrl, devMode, pageCacheBytes, watchContent, database, mail, proxies, formSecret, preview,
                List.copyOf(origins), webhooks, sharedCacheSeconds, metricsToken, mirrorDir);
    }

    public Settings withWebhooks(WebhookSettings newWebhooks) {
        return new Settings(host, port, contentDir, staticDir, baseUrl, devMode, pageCacheBytes, watchContent, database, mail, proxies, formSecret, preview,
                apiOrigins, newWebhooks, sharedCacheSeconds, metricsToken, mirrorDir);
    }

    /**
     * How long a proxy in front (nginx's {@code proxy_cache}) may keep an anonymous page before it asks
     * again: sent as {@code X-Accel-Expires}, never past the next moment the content changes by itself
     * (a scheduled page, midnight). 0: nothing is sent (no shared cache is told to keep anything).
     */
    public Settings withSharedCacheSeconds(int seconds) {
        return new Settings(host, port, contentDir, staticDir, baseUrl, devMode, pageCacheBytes, watchContent, database, mail, proxies, formSecret, preview,
                apiOrigins, webhooks, seconds, metricsToken, mirrorDir);
    }

    /** With /metrics and readiness details opened by this token ({@code GME_METRICS_TOKEN}). */
    public Settings withMetricsToken(MetricsToken token) {
        return new Settings(host, port, contentDir, staticDir, baseUrl, devMode, pageCacheBytes, watchContent, database, mail, proxies, formSecret, preview,
                apiOrigins, webhooks, sharedCacheSeconds, token, mirrorDir);
    }

    /**
     * With a static mirror of anonymous pages in this folder ({@code GME_MIRROR_DIR}, null: none): nginx
     * answers them as files (deploy/nginx, {@code web/PageMirror}).
     */
    public Settings withMirrorDir(Path dir) {
        return new Settings(host, port, contentDir, staticDir, baseUrl, devMode, pageCacheBytes, watchContent, database, mail, proxies, formSecret, preview,
                apiOrigins, webhooks, sharedCacheSeconds, metricsToken, dir);
    }

    /**
     * The data folder (the preview key, kept versions of content files, the trash): where the
     * preview key is kept ({@code data/}), or, when the key is only in memory (tests, tools), a
     * {@code data} folder beside the content folder.
     */
    public Path dataDir() {
        if (preview.file() != null && preview.file().getParent() != null) {
            return preview.file().getParent();
        }
        Path parent = contentDir.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("data") : parent.resolve("data");
    }

    /** Served over HTTPS (judged by the public base URL): turns on HSTS and Secure cookies. */
    public boolean https() {
        return baseUrl.startsWith("https://");
    }

    /**
     * 64 MB, or a sixteenth of the heap when that is smaller (a 256 MiB container's heap is 126 MiB:
     * 7 MB of gzipped pages, some 1,500 program pages). An eighth left too little of the old
     * generation at 10,000 programs (about 58 MiB live before any cache): once the caches had filled,
     * new searches cost a full collection of over 100 ms every 3 to 4 s (docs/performance.md, "Memory").
     */
    static long defaultPageCacheMegabytes() {
        return Math.max(4, Math.min(64, Runtime.getRuntime().maxMemory() / 16 / (1 << 20)));
    }

    private static int parseSeconds(String name, String value) {
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds < 0 || seconds > 3600) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds from 0 to 3600, got '" + value + "'");
        }
    }

    /** An optional folder: unset or blank is none. */
    private static Path parseFolder(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    private static long parseMegabytes(String name, String value) {
        try {
            long megabytes = Long.parseLong(value.trim());
            if (megabytes < 1) {
                throw new NumberFormatException();
            }
            return megabytes << 20;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of megabytes (1 or more), got '" + value + "'");
        }
    }

    /** GME_API_ORIGINS: origins separated by commas, each a scheme, host and optional port, with no path. */
    static List<String> parseOrigins(String value) {
        List<String> origins = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            String origin = part.strip();
            if (origin.isEmpty()) {
                continue;
            }
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("GME_API_ORIGINS must list origins like https://events.example.org or http://localhost:5173, "
                        + "separated by commas (no path, no trailing slash), got '" + origin + "'");
            }
            origins.add(origin);
        }
        return List.copyOf(origins);
    }

    private static final java.util.regex.Pattern ORIGIN = java.util.regex.Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GME_PORT must be a port number from 0 to 65535, got '" + value + "'");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
