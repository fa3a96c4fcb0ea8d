package edu.rush.gme.web;

import edu.rush.gme.Settings;
import edu.rush.gme.content.ContentStore;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import java.time.Duration;
import java.util.Map;

/** Builds the Javalin server: routes, error pages and renderer, all in its one config block. */
public final class WebServer {

    /** How long shutdown waits for requests in flight to finish. */
    static final long SHUTDOWN_GRACE_MILLIS = 10_000;
    static final int MAX_REQUEST_HEADER_BYTES = 32 * 1024;
    /** The largest form or JSON body: a 5,000-character question, every character percent-encoded. */
    static final int FORM_BODY_BYTES = 64 * 1024;
    /** Anywhere else a body is refused (405), but read first; this is all it may be. */
    static final int OTHER_BODY_BYTES = 8 * 1024;
    /** Bodies that may be arriving at once; each holds a connection and what has come so far, no thread. */
    static final int MAX_PENDING_BODIES = 1024;
    /** A 64 KB question arrives within a minute on the slowest phone connection; a stalled one is cut off. */
    static final RequestBodies.MinimumRate BODY_RATE = new RequestBodies.MinimumRate(1024, Duration.ofSeconds(10));

    /**
     * Searches that run at once: one a core. One a core fewer used to keep a core for the rest of the
     * site during a burst; with searches three times cheaper, and anonymous pages answered by nginx
     * in production (deploy/), that core sat idle while searches queued: on 2 cores two at a time
     * answer 1.7-2x the searches a second at half the p99, and leave a cached page 0.6 of its speed
     * during a burst of 64 searching connections, against 0.75 one at a time (docs/performance.md,
     * "Search under load").
     */
    static final int SEARCHES_AT_ONCE = Runtime.getRuntime().availableProcessors();
    /** Searches that may wait for their turn (about two seconds of work), and for how long at most. */
    static final int SEARCHES_WAITING = 256;
    static final Duration SEARCH_WAIT = Duration.ofSeconds(2);
    /**
     * Finder pages no cache holds that are worked out at once: one a core (each is CPU only, about a
     * millisecond at 10,000 programs); the others wait in order (docs/performance.md, "Finder misses in order").
     */
    static final int FINDER_PAGES_AT_ONCE = Runtime.getRuntime().availableProcessors();
    /** Finder pages that may wait (a second or two of work), and for how long at most. */
    static final int FINDER_PAGES_WAITING = 1024;
    static final Duration FINDER_PAGE_WAIT = Duration.ofSeconds(5);

    private WebServer() {
    }

    /** The static mirror for nginx (GME_MIRROR_DIR), or null; none in dev mode, where templates change under the same content. */
    private static PageMirror mirror(Settings settings, ContentStore store, StaticAssets assets) {
        if (settings.mirrorDir() == null) {
            return null;
        }
        if (settings.devMode()) {
            org.slf4j.LoggerFactory.getLogger(WebServer.class).warn("GME_MIRROR_DIR is ignored with GME_DEV=true (templates are read on every request)");
            return null;
        }
        return new PageMirror(settings.mirrorDir(), store, settings.baseUrl() + "|" + assets.fingerprints());
    }

    /** The server over this content, answering the addresses {@code siteRoutes} registers. */
    public static Javalin create(Settings settings, ContentStore store, SiteRoutes siteRoutes) {
        return create(settings, store, siteRoutes, ServerMetrics.OFF);
    }

    /** As above, telling {@code metrics} about every request and the page cache (when they are on). */
    public static Javalin create(Settings settings, ContentStore store, SiteRoutes siteRoutes, ServerMetrics metrics) {
        StaticAssets assets = StaticAssets.load(settings.staticDir());
        PebbleRenderer renderer = new PebbleRenderer(settings.devMode(), assets);
        PageCache cache = new PageCache(settings.pageCacheBytes(), settings.sharedCacheSeconds());
        metrics.watchPageCache(cache.caffeine());
        PageMirror mirror = mirror(settings, store, assets);
        cache.mirrorTo(mirror);
        Views views = new Views(renderer, settings, store, cache, assets);
        CrossSiteForms crossSite = new CrossSiteForms(new FormTokens(settings.formSecret().key(), store::now), settings.baseUrl());
        ErrorPages errors = new ErrorPages(store, views);
        SecurityHeaders security = new SecurityHeaders(settings.https());
        RequestBodies bodies = new RequestBodies(
                Map.of(Paths.INQUIRIES, FORM_BODY_BYTES, Paths.INQUIRY_API, FORM_BODY_BYTES), OTHER_BODY_BYTES, MAX_PENDING_BODIES, BODY_RATE);
        ContainerErrors containerErrors = new ContainerErrors(security.headers(), assets.url("/css/site.css"), views, store, bodies);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            // Inserted before RequestBodies (next), which stays outermost: a search waits for its permit only once
            // whatever body it has has arrived, so slow uploads cannot hold the permits.
            config.jetty.modifyServer(server -> server.insertHandler(WorkLimit.searches(SEARCHES_AT_ONCE, SEARCHES_WAITING, SEARCH_WAIT)));
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(SHUTDOWN_GRACE_MILLIS);
                server.setErrorHandler(containerErrors);
                // Around the page cache, so cached API answers carry the same CORS headers.
                server.insertHandler(new ApiCors(settings.apiOrigins()));
                if (metrics != ServerMetrics.OFF) {
                    // Times what the server does once a request's body is in (bodies, outside, wait for slow clients).
                    server.insertHandler(new RequestMetrics(metrics));
                }
                // Outermost: bodies arrive without a thread before anything blocks on them.
                server.insertHandler(bodies);
                if (mirror != null) {
                    // Started and stopped with the server.
                    server.addBean(mirror, true);
                }
            });
            // Room for long search queries in the URL (a pasted paragraph is answered, not refused).
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
            // Behind nginx or a load balancer: the client's address (rate limits) is the one the proxies saw.
            TrustedProxies proxies = settings.proxies();
            config.contextResolver.ip = ctx -> ClientAddress.of(ctx, proxies);
            config.router.ignoreTrailingSlashes = true;
            config.router.treatMultipleSlashesAsSingleSlash = true;
            // Cached pages and static files carry their own gzip, made once; nothing is compressed per request.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.generateEtags = false;
            config.fileRenderer(renderer);
            config.routes.before(security);
            config.jetty.modifyServletContextHandler(context -> {
                // Each insert goes outside the last. The finder's limit sits behind the page cache, so a kept
                // page never waits; and in front of it again, so a page that waited its turn is looked up once
                // more (the same address asked many times at once is rendered by the first, not by each).
                context.insertHandler(new CachedPageHandler(cache, store, security.headers()));
                context.insertHandler(WorkLimit.finder(FINDER_PAGES_AT_ONCE, FINDER_PAGES_WAITING, FINDER_PAGE_WAIT));
                context.insertHandler(new CachedPageHandler(cache, store, security.headers()));
            });
            siteRoutes.register(new RouteTable(config.routes, store, assets, errors, bodies),
                    new SiteRoutes.Parts(store, views, crossSite, settings.baseUrl(), settings.https()));
            errors.register(config.routes);
        });
    }
}
