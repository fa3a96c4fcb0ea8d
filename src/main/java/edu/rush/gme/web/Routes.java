package edu.rush.gme.web;

import edu.rush.gme.api.ContentApi;
import edu.rush.gme.changes.ChangesController;
import edu.rush.gme.changes.Webhooks;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.ContentTypes;
import edu.rush.gme.db.Database;
import edu.rush.gme.event.Event;
import edu.rush.gme.event.EventController;
import edu.rush.gme.feed.AtomFeedController;
import edu.rush.gme.inquiry.InquiryController;
import edu.rush.gme.mail.MailOutbox;
import edu.rush.gme.feed.SitemapController;
import edu.rush.gme.news.NewsController;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.page.PageController;
import edu.rush.gme.preview.PreviewController;
import edu.rush.gme.preview.PreviewTokens;
import edu.rush.gme.program.ProgramContent;
import edu.rush.gme.program.ProgramController;
import edu.rush.gme.program.ProgramType;
import edu.rush.gme.search.SearchController;
import edu.rush.gme.search.SearchService;
import edu.rush.gme.wellness.WellnessController;
import edu.rush.gme.wellness.WellnessInitiative;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The whole URL map of the site, in one place. */
final class Routes {

    private final ContentStore store;
    private final ContentTypes types;
    private final StaticAssets assets;
    private final PageController pages;
    private final ProgramController programs;
    private final NewsController news;
    private final WellnessController wellness;
    private final EventController events;
    private final SitemapController sitemap;
    private final AtomFeedController feeds;
    private final SearchController search;
    private final InquiryController inquiries;
    private final Database database;
    private final MailOutbox outbox;
    private final Views views;
    private final CrossSiteForms crossSite;
    private final PreviewTokens previewTokens;
    private final boolean https;
    /** How each content type's page is rendered, for signed previews: filled as the routes are registered. */
    private final Map<ContentType<?>, PreviewController.ItemPage> itemPages = new LinkedHashMap<>();
    private final ContentApi api;
    private final ChangesController changes;
    private final Webhooks webhooks;

    Routes(ContentStore store, StaticAssets assets, Views views, String baseUrl, SearchService searchService, Services services,
           CrossSiteForms crossSite, PreviewTokens previewTokens) {
        this.views = views;
        this.crossSite = crossSite;
        this.previewTokens = previewTokens;
        this.https = baseUrl.startsWith("https://");
        this.store = store;
        this.types = store.types();
        this.database = services.database();
        this.outbox = services.outbox();
        this.changes = new ChangesController(services.changes(), database, store, baseUrl);
        this.webhooks = services.webhooks();
        this.inquiries = new InquiryController(store, views, services.inquiries(), services.limiter(), crossSite);
        this.assets = assets;
        StructuredData structuredData = new StructuredData(baseUrl);
        edu.rush.gme.program.ProgramCatalog catalog = new edu.rush.gme.program.ProgramCatalog();
        this.pages = new PageController(store, views, structuredData, catalog);
        this.programs = new ProgramController(store, views, structuredData, baseUrl, catalog);
        this.news = new NewsController(store, views, structuredData);
        this.wellness = new WellnessController(store, views);
        this.events = new EventController(store, views, baseUrl);
        this.sitemap = new SitemapController(store, views, baseUrl);
        this.feeds = new AtomFeedController(store, views, baseUrl);
        this.search = new SearchController(store, views, searchService);
        this.api = new ContentApi(store, views, baseUrl);
    }

    /** Where a 405 answer lists the methods an address takes (its Allow header). */
    static final String ALLOWED_METHODS = "allowed";

    /** The methods each registered path takes, in registration order (the order Javalin matches them in). */
    private final Map<String, Set<HandlerType>> methodsByPath = new LinkedHashMap<>();

    void register(RoutesConfig routes) {
        get(routes, Paths.HOME, pages::home);
        itemPages.put(edu.rush.gme.page.HomePage.TYPE, (ctx, page) -> pages.home(ctx));
        // Top-level pages are answered by the catch-all route at the end (pageOrFile).
        itemPages.put(edu.rush.gme.page.BasicPage.TYPE, (ctx, page) -> {
            if (!pages.page(ctx, page.url())) {
                throw new NotFoundResponse();
            }
        });
        get(routes, Paths.HEALTH, ctx -> ctx.result("ok"));
        get(routes, Paths.READY, this::ready);
        get(routes, Paths.SITEMAP, sitemap::sitemap);
        get(routes, Paths.ROBOTS, sitemap::robots);

        get(routes, Paths.SEARCH, search::page);
        get(routes, Paths.SEARCH_API, search::api);
        get(routes, Paths.SUGGEST_API, search::suggest);
        // Before any /api/v1/{type} route: "changes" is not a content type.
        get(routes, ChangesController.PATH, changes::changes);

        get(routes, Paths.PROGRAMS, programs::index);
        get(routes, Paths.PROGRAMS_CSV, programs::exportCsv);
        get(routes, Paths.COMPARE, programs::compare);
        get(routes, Paths.COMPARE_CSV, programs::compareCsv);
        for (ProgramType type : ProgramType.values()) {
            get(routes, Paths.programs(type), ctx -> programs.byType(ctx, type));
        }
        item(routes, ProgramContent.TYPE, programs::show);

        get(routes, Paths.NEW_INQUIRY, inquiries::form);
        get(routes, Paths.INQUIRIES, ctx -> ctx.redirect(Paths.NEW_INQUIRY, HttpStatus.SEE_OTHER));
        post(routes, Paths.INQUIRIES, inquiries::submit);
        get(routes, Paths.INQUIRIES + "/{reference}", inquiries::sent);
        post(routes, Paths.INQUIRY_API, inquiries::api);

        // The content API (its answer to an unknown type is near the end, after every other /api/v1 address).
        get(routes, ContentApi.REFERENCE, api::reference);
        get(routes, ContentApi.SITE, api::site);
        get(routes, ContentApi.OPENAPI, api::openApi);
        get(routes, ContentApi.SCHEMAS + "/{type}", api::schema);
        for (ContentType<?> type : api.types()) {
            get(routes, ContentApi.listPath(type), ctx -> api.list(ctx, type));
            get(routes, ContentApi.listPath(type) + "/{slug}", ctx -> api.item(ctx, type));
        }

        // Feeds before the {slug} routes, which would take /news/feed.xml for a story.
        for (ContentType<?> type : types.all()) {
            if (type.hasFeed()) {
                get(routes, Paths.feed(type.listUrl()), ctx -> feeds.feed(ctx, type));
            }
        }

        get(routes, Paths.NEWS, news::index);
        item(routes, NewsStory.TYPE, news::show);

        get(routes, Paths.WELLNESS, wellness::index);
        item(routes, WellnessInitiative.TYPE, wellness::show);

        get(routes, Paths.EVENTS, events::index);
        get(routes, Paths.EVENTS + ".ics", events::calendar);
        get(routes, Paths.EVENTS + "/{slug}.ics", ctx -> events.eventCalendar(ctx, ctx.pathParam("slug")));
        item(routes, Event.TYPE, events::show);
        get(routes, Paths.PROGRAMS + "/{slug}/events.ics", ctx -> events.programCalendar(ctx, ctx.pathParam("slug")));

        // Signed previews: before any other handler reads the content, a valid "as of" cookie sets the time it is read at.
        PreviewController preview = new PreviewController(store, views, previewTokens, crossSite, itemPages, https);
        routes.before(preview::readCookie);
        get(routes, PreviewController.AS_OF_PATH, preview::asOf);
        get(routes, PreviewController.ITEM_PATH, preview::item);
        post(routes, PreviewController.EXIT_PATH, preview::exit);

        // Any other /api/v1/{name}: a problem naming the content types there are.
        get(routes, ContentApi.PREFIX + "/{type}", api::unknownType);
        get(routes, ContentApi.PREFIX + "/{type}/{slug}", api::unknownType);

        // Last: top-level Markdown pages (/about), files of static/, images of page bundles.
        get(routes, "/<path>", this::pageOrFile);

        refuseOtherMethods(routes);
    }

    /** A content type's own page, {@code /section/{slug}}, rendered by {@code show}; also what its signed preview renders. */
    private <T extends edu.rush.gme.content.FrontMatter> void item(RoutesConfig routes, ContentType<T> type, ItemRoute show) {
        get(routes, type.url("{slug}"), ctx -> show.render(ctx, ctx.pathParam("slug")));
        itemPages.put(type, (ctx, page) -> show.render(ctx, page.slug()));
    }

    private interface ItemRoute {
        void render(Context ctx, String slug);
    }

    /** Every page answers HEAD as well as GET (monitors and link checkers use HEAD; Jetty drops the body). */
    private void get(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
        methodsByPath.computeIfAbsent(path, p -> new java.util.LinkedHashSet<>()).addAll(List.of(HandlerType.GET, HandlerType.HEAD));
    }

    private void post(RoutesConfig routes, String path, Handler handler) {
        routes.post(path, handler);
        methodsByPath.computeIfAbsent(path, p -> new java.util.LinkedHashSet<>()).add(HandlerType.POST);
    }

    /**
     * Any other method on a known address is 405 with the methods it takes in Allow, and OPTIONS
     * lists them; on an address the catch-all route would not find, it is 404.
     */
    private void refuseOtherMethods(RoutesConfig routes) {
        methodsByPath.forEach((path, methods) -> {
            String allowed = methods.stream().map(HandlerType::name).collect(Collectors.joining(", "));
            boolean catchAll = path.equals("/<path>");
            for (HandlerType method : List.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE,
                    HandlerType.TRACE, HandlerType.OPTIONS)) {
                if (methods.contains(method)) {
                    continue;
                }
                routes.addHttpHandler(method, path, ctx -> {
                    if (catchAll && !existsAsPageOrFile(ctx.path())) {
                        throw new NotFoundResponse();
                    }
                    if (method == HandlerType.OPTIONS) {
                        ctx.header("Allow", allowed + ", OPTIONS").status(HttpStatus.NO_CONTENT);
                        return;
                    }
                    throw new MethodNotAllowedResponse("Method not allowed", Map.of(ALLOWED_METHODS, allowed));
                });
            }
        });
    }

    /**
     * Ready when a content snapshot is loaded and the database answers; says which content version,
     * how many files have problems and how many e-mails wait in the outbox.
     */
    private void ready(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!store.isLoaded() || database.isOpening()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", "starting"));
            return;
        }
        if (!database.isReachable()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", "database unreachable"));
            return;
        }
        ContentSnapshot snapshot = store.snapshot();
        MailOutbox.Counts mail = outbox.counts();
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("status", "ready");
        ready.put("contentVersion", snapshot.version());
        ready.put("contentProblems", snapshot.problems().size());
        ready.put("database", database.dialect().name().toLowerCase(java.util.Locale.ROOT));
        ready.put("mailSending", outbox.sends());
        ready.put("mailWaiting", mail.waiting());
        ready.put("mailFailed", mail.failed());
        if (webhooks.configured()) {
            edu.rush.gme.outbox.Outbox.Counts notices = webhooks.counts();
            ready.put("webhooksWaiting", notices.waiting());
            ready.put("webhooksFailed", notices.failed());
        }
        ctx.json(ready);
    }

    /** Whether a GET of this path would find a static file, a top-level page or a page bundle's file. */
    private boolean existsAsPageOrFile(String path) {
        ContentSnapshot snapshot = store.snapshot();
        String withoutSlash = path.length() > 1 ? path.replaceAll("/+$", "") : path;
        return assets.has(withoutSlash) || (types.page() != null && withoutSlash.length() > 1
                && snapshot.find(types.page(), withoutSlash.substring(1), store.now()).isPresent())
                || snapshot.resource(withoutSlash, store.now()).isPresent();
    }

    private void pageOrFile(Context ctx) {
        String path = ctx.path();
        if (path.length() > 1 && path.endsWith("/")) {
            Redirects.withoutTrailingSlash(ctx);
            return;
        }
        if (assets.serve(ctx, path) || pages.page(ctx, path)) {
            return;
        }
        Reading reading = Reading.of(ctx, store);
        Path resource = reading.snapshot().resource(path, reading.now()).orElseThrow(NotFoundResponse::new);
        try {
            ctx.contentType(StaticAssets.contentType(path));
            ctx.header("Cache-Control", reading.isPreview() ? "private, no-store" : "public, max-age=300");
            ctx.result(Files.readAllBytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
