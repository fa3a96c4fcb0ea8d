package edu.rush.gme.web;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.ContentTypes;
import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.Page;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * How the URL map (the composition root's {@code SiteRoutes}) registers addresses, knowing no
 * feature: every GET also answers HEAD, each content type's own page is remembered for signed
 * previews, and once all is registered, {@link #finish} adds the catch-all (top-level pages, files
 * of static/, page bundles' files) and answers any other method with 405 and Allow (OPTIONS lists them).
 */
public final class RouteTable {

    /** Where a 405 answer lists the methods an address takes (its Allow header). */
    static final String ALLOWED_METHODS = "allowed";
    private static final String CATCH_ALL = "/<path>";

    /** Renders one content type's page for a slug (its public route). */
    @FunctionalInterface
    public interface ItemRoute {
        void render(Context ctx, String slug);
    }

    /** Renders a page of one content type through its public controller (a signed preview shows a page that is not public). */
    @FunctionalInterface
    public interface ItemPage {
        void render(Context ctx, Page<?> page);
    }

    private final RoutesConfig routes;
    private final ContentStore store;
    private final StaticAssets assets;
    /** The methods each registered path takes, in registration order (the order Javalin matches them in). */
    private final Map<String, Set<HandlerType>> methodsByPath = new LinkedHashMap<>();
    private final Map<ContentType<?>, ItemPage> itemPages = new LinkedHashMap<>();

    private final ErrorPages errors;
    private final RequestBodies bodies;

    RouteTable(RoutesConfig routes, ContentStore store, StaticAssets assets, ErrorPages errors, RequestBodies bodies) {
        this.errors = errors;
        this.bodies = bodies;
        this.routes = routes;
        this.store = store;
        this.assets = assets;
    }

    /**
     * An exception that means a part the site needs is down for a while (the database): any handler
     * that lets it through answers 503 with Retry-After (a page, or a problem document under /api),
     * never a 500.
     */
    public void unavailableWhen(Class<? extends Exception> type) {
        routes.exception(type, (e, ctx) -> errors.unavailable(ctx, e));
    }

    /** A GET address (HEAD too: monitors and link checkers use it; Jetty drops the body). */
    public void get(String path, Handler handler) {
        Handler routed = measured(path, handler);
        routes.get(path, routed);
        routes.head(path, routed);
        methodsByPath.computeIfAbsent(path, p -> new java.util.LinkedHashSet<>()).addAll(List.of(HandlerType.GET, HandlerType.HEAD));
    }

    public void post(String path, Handler handler) {
        routes.post(path, measured(path, handler));
        methodsByPath.computeIfAbsent(path, p -> new java.util.LinkedHashSet<>()).add(HandlerType.POST);
    }

    /** The handler, telling the request's metrics (when on) the address it was registered at: a bounded route name. */
    private static Handler measured(String path, Handler handler) {
        return ctx -> {
            RequestMetrics.route(ctx, path);
            handler.handle(ctx);
        };
    }

    /**
     * An address that takes a larger body than a form's (the editor's text, an image upload): up to
     * {@code bytes}, the whole body read before the handler runs; beyond, a 413 saying {@code tooLarge}
     * (null: the general words).
     */
    public void acceptBodies(String path, int bytes, String tooLarge) {
        bodies.accept(path, bytes, tooLarge);
    }

    /** Runs before every handler (a preview's cookie sets what the request reads). */
    public void before(Handler handler) {
        routes.before(handler);
    }

    /** A content type's own page, at its URL with {@code {slug}}, rendered by {@code show}; also what its signed preview renders. */
    public <T extends FrontMatter> void item(ContentType<T> type, ItemRoute show) {
        get(type.url("{slug}"), ctx -> show.render(ctx, ctx.pathParam("slug")));
        itemPages.put(type, (ctx, page) -> show.render(ctx, page.slug()));
    }

    /** How a type whose pages have no {slug} route of their own (the home page, top-level pages) is rendered for a preview. */
    public void itemPage(ContentType<?> type, ItemPage page) {
        itemPages.put(type, page);
    }

    /** Each content type's page renderer, as registered so far (filled while the map is registered). */
    public Map<ContentType<?>, ItemPage> itemPages() {
        return Collections.unmodifiableMap(itemPages);
    }

    /**
     * Last: the catch-all for top-level pages ({@code topLevelPage} renders one and says whether it
     * did), files of static/ and page bundles' files; then every other method on every address.
     */
    public void finish(BiPredicate<Context, String> topLevelPage) {
        get(CATCH_ALL, ctx -> pageOrFile(ctx, topLevelPage));
        methodsByPath.forEach((path, methods) -> {
            String allowed = methods.stream().map(HandlerType::name).collect(Collectors.joining(", "));
            boolean catchAll = path.equals(CATCH_ALL);
            for (HandlerType method : List.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE,
                    HandlerType.TRACE, HandlerType.OPTIONS)) {
                if (methods.contains(method)) {
                    continue;
                }
                routes.addHttpHandler(method, path, measured(path, ctx -> {
                    if (catchAll && !existsAsPageOrFile(ctx.path())) {
                        throw new NotFoundResponse();
                    }
                    if (method == HandlerType.OPTIONS) {
                        ctx.header("Allow", allowed + ", OPTIONS").status(HttpStatus.NO_CONTENT);
                        return;
                    }
                    throw new MethodNotAllowedResponse("Method not allowed", Map.of(ALLOWED_METHODS, allowed));
                }));
            }
        });
    }

    /** Whether a GET of this path would find a static file, a top-level page or a page bundle's file. */
    private boolean existsAsPageOrFile(String path) {
        ContentSnapshot snapshot = store.snapshot();
        ContentTypes types = snapshot.types();
        String withoutSlash = path.length() > 1 ? path.replaceAll("/+$", "") : path;
        return assets.has(withoutSlash) || (types.page() != null && withoutSlash.length() > 1
                && snapshot.find(types.page(), withoutSlash.substring(1), store.now()).isPresent())
                || snapshot.resource(withoutSlash, store.now()).isPresent();
    }

    private void pageOrFile(Context ctx, BiPredicate<Context, String> topLevelPage) {
        String path = ctx.path();
        if (path.length() > 1 && path.endsWith("/")) {
            Redirects.withoutTrailingSlash(ctx);
            return;
        }
        if (assets.serve(ctx, path) || topLevelPage.test(ctx, path)) {
            return;
        }
        Reading reading = Reading.of(ctx, store);
        Path resource = reading.snapshot().resource(path, reading.now()).orElseThrow(NotFoundResponse::new);
        try {
            ctx.contentType(StaticAssets.contentType(path));
            ctx.header("Cache-Control", reading.isPreview() ? "private, no-store" : "public, max-age=300, s-maxage=0");
            ctx.result(Files.readAllBytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
