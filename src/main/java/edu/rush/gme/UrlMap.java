package edu.rush.gme;

import edu.rush.gme.api.ContentApi;
import edu.rush.gme.changes.ChangesController;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.event.Event;
import edu.rush.gme.event.EventController;
import edu.rush.gme.event.RegistrationController;
import edu.rush.gme.feed.AtomFeedController;
import edu.rush.gme.feed.SitemapController;
import edu.rush.gme.inquiry.InquiryController;
import edu.rush.gme.mail.MailOutbox;
import edu.rush.gme.metrics.Monitoring;
import edu.rush.gme.news.NewsController;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.page.BasicPage;
import edu.rush.gme.page.HomePage;
import edu.rush.gme.page.PageController;
import edu.rush.gme.preview.PreviewController;
import edu.rush.gme.preview.PreviewTokens;
import edu.rush.gme.program.ProgramCatalog;
import edu.rush.gme.program.ProgramContent;
import edu.rush.gme.program.ProgramController;
import edu.rush.gme.program.ProgramType;
import edu.rush.gme.search.SearchController;
import edu.rush.gme.search.SearchService;
import edu.rush.gme.staff.HistoryController;
import edu.rush.gme.coordinator.CoordinatorController;
import edu.rush.gme.staff.StaffController;
import edu.rush.gme.web.Paths;
import edu.rush.gme.web.RouteTable;
import edu.rush.gme.web.SiteRoutes;
import edu.rush.gme.web.StructuredData;
import edu.rush.gme.wellness.WellnessController;
import edu.rush.gme.wellness.WellnessInitiative;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole URL map of the site, in one place: each feature's controller and the addresses it
 * answers, registered in the order they are matched. Part of the composition root, so the web
 * package, which builds the server, knows no feature.
 */
final class UrlMap implements SiteRoutes {

    private final SearchService searchService;
    private final Services services;
    private final PreviewTokens previewTokens;
    private final java.time.Clock clock;
    private final Monitoring monitoring;

    UrlMap(SearchService searchService, Services services, PreviewTokens previewTokens, java.time.Clock clock,
           Monitoring monitoring) {
        this.monitoring = monitoring;
        this.searchService = searchService;
        this.services = services;
        this.previewTokens = previewTokens;
        this.clock = clock;
    }

    @Override
    public void register(RouteTable routes, Parts web) {
        ContentStore store = web.store();
        String baseUrl = web.baseUrl();
        StructuredData structuredData = new StructuredData(baseUrl);
        ProgramCatalog catalog = new ProgramCatalog();
        PageController pages = new PageController(store, web.views(), structuredData, catalog);
        ProgramController programs = new ProgramController(store, web.views(), structuredData, baseUrl, catalog);
        NewsController news = new NewsController(store, web.views(), structuredData);
        WellnessController wellness = new WellnessController(store, web.views());
        EventController events = new EventController(store, web.views(), baseUrl, services.registrations().sequences());
        SitemapController sitemap = new SitemapController(store, web.views(), baseUrl);
        AtomFeedController feeds = new AtomFeedController(store, web.views(), baseUrl);
        SearchController search = new SearchController(store, web.views(), searchService);
        InquiryController inquiries = new InquiryController(store, web.views(), services.inquiries(), services.limiter(), web.crossSite());
        ContentApi api = new ContentApi(store, web.views(), baseUrl);
        // Seats left, counted by the database at each request; and the registration address in the API's contract.
        api.live(Event.TYPE, "seatsLeft", RegistrationController.seatsLeftSchema(), services.registrations()::seatsLeft);
        api.operation(Paths.registrationApi("{slug}"), "post", RegistrationController.apiOperation(), RegistrationController.apiComponents());
        ChangesController changes = new ChangesController(services.changes(), services.database(), store, baseUrl);
        RegistrationController registrations = new RegistrationController(store, web.views(), services.registrations(),
                Limits.of("registrations", RegistrationController.PER_ADDRESS, RegistrationController.PER_ADDRESS_WINDOW, services.database(), clock),
                web.crossSite(), baseUrl);

        // The database down for a while: a handler that meets it answers 503 with Retry-After, never a 500.
        routes.unavailableWhen(edu.rush.gme.db.DatabaseException.class);
        routes.get(Paths.HOME, pages::home);
        routes.itemPage(HomePage.TYPE, (ctx, page) -> pages.home(ctx));
        // Top-level pages are answered by the catch-all route at the end.
        routes.itemPage(BasicPage.TYPE, (ctx, page) -> {
            if (!pages.page(ctx, page.url())) {
                throw new NotFoundResponse();
            }
        });
        routes.get(Paths.HEALTH, ctx -> ctx.result("ok"));
        routes.get(Paths.READY, ctx -> ready(ctx, store));
        routes.get(Paths.READY + "/events", ctx -> readyEvents(ctx, store));
        routes.get(Monitoring.PATH, monitoring::metrics);
        routes.get(Paths.SITEMAP, sitemap::sitemap);
        routes.get(Paths.ROBOTS, sitemap::robots);

        routes.get(Paths.SEARCH, search::page);
        routes.get(Paths.SEARCH_API, search::api);
        routes.get(Paths.SUGGEST_API, search::suggest);
        routes.get(Paths.PROGRAM_NAMES_API, ctx -> edu.rush.gme.program.ProgramNames.api(ctx, store));
        // Before any /api/v1/{type} route: "changes" is not a content type.
        routes.get(ChangesController.PATH, changes::changes);

        routes.get(Paths.PROGRAMS, programs::index);
        routes.get(Paths.PROGRAMS_CSV, programs::exportCsv);
        routes.get(Paths.COMPARE, programs::compare);
        routes.get(Paths.COMPARE_CSV, programs::compareCsv);
        for (ProgramType type : ProgramType.values()) {
            routes.get(type.url(), ctx -> programs.byType(ctx, type));
        }
        routes.item(ProgramContent.TYPE, programs::show);

        routes.get(Paths.NEW_INQUIRY, inquiries::form);
        routes.get(Paths.INQUIRIES, ctx -> ctx.redirect(Paths.NEW_INQUIRY, HttpStatus.SEE_OTHER));
        routes.post(Paths.INQUIRIES, inquiries::submit);
        routes.get(Paths.INQUIRIES + "/{reference}", inquiries::sent);
        routes.post(Paths.INQUIRY_API, inquiries::api);

        // Before the /api/v1/{type}/{slug} catch-alls.
        routes.post(Paths.registrationApi("{slug}"), ctx -> registrations.api(ctx, ctx.pathParam("slug")));

        // The content API (its answer to an unknown type is near the end, after every other /api/v1 address).
        routes.get(ContentApi.REFERENCE, api::reference);
        routes.get(ContentApi.SITE, api::site);
        routes.get(ContentApi.OPENAPI, api::openApi);
        routes.get(ContentApi.SCHEMAS + "/{type}", api::schema);
        for (ContentType<?> type : api.types()) {
            routes.get(ContentApi.listPath(type), ctx -> api.list(ctx, type));
            routes.get(ContentApi.listPath(type) + "/{slug}", ctx -> api.item(ctx, type));
        }

        // Feeds before the {slug} routes, which would take /news/feed.xml for a story.
        for (ContentType<?> type : store.types().all()) {
            if (type.hasFeed()) {
                routes.get(Paths.feed(type.listUrl()), ctx -> feeds.feed(ctx, type));
            }
        }

        routes.get(Paths.NEWS, news::index);
        routes.item(NewsStory.TYPE, news::show);

        routes.get(Paths.WELLNESS, wellness::index);
        routes.item(WellnessInitiative.TYPE, wellness::show);

        routes.get(Paths.EVENTS, events::index);
        routes.get(Paths.EVENTS + ".ics", events::calendar);
        routes.get(Paths.EVENTS + "/{slug}.ics", ctx -> events.eventCalendar(ctx, ctx.pathParam("slug")));
        routes.item(Event.TYPE, events::show);
        routes.get(Paths.register("{slug}"), ctx -> registrations.form(ctx, ctx.pathParam("slug")));
        routes.post(Paths.register("{slug}"), ctx -> registrations.submit(ctx, ctx.pathParam("slug")));
        routes.get(Paths.registration("{token}"), ctx -> registrations.registrant(ctx, ctx.pathParam("token")));
        routes.get(Paths.registration("{token}") + "/cancel", ctx -> registrations.cancelPage(ctx, ctx.pathParam("token")));
        routes.post(Paths.registration("{token}") + "/cancel", ctx -> registrations.cancel(ctx, ctx.pathParam("token")));
        routes.get(Paths.PROGRAMS + "/{slug}/events.ics", ctx -> events.programCalendar(ctx, ctx.pathParam("slug")));

        // Signed previews: before any other handler reads the content, a valid "as of" cookie sets the time it is read at.
        PreviewController preview = new PreviewController(store, web.views(), previewTokens, web.crossSite(), routes.itemPages(), web.https());
        routes.before(preview::readCookie);
        routes.get(PreviewController.AS_OF_PATH, preview::asOf);
        routes.get(PreviewController.ITEM_PATH, preview::item);
        routes.post(PreviewController.EXIT_PATH, preview::exit);

        // The staff workspace: every route checked for a session, its role and the session's form token.
        StaffController staff = new StaffController(store, web.views(), services.staff(), web.crossSite(),
                Limits.of("sign-ins", SIGN_INS_PER_WINDOW, SIGN_IN_WINDOW, services.database(), clock), web.https(),
                WorkspacePanels.of(store, services, previewTokens), () -> MailOutbox.retryGivenUp(services.database(), clock), clock);
        routes.before(StaffController::markPrivate);
        // The editor's saves are recorded in the content's history (a git commit, or a kept version).
        // Its form is made from each type's front matter schema, the one the content API's item schemas come from.
        edu.rush.gme.staff.ContentEditor editor = new edu.rush.gme.staff.ContentEditor(store, web.views(), services.staff(), routes.itemPages(),
                services.history(), clock, new edu.rush.gme.staff.SchemaForm(api::frontMatterSchema));
        // The editor's text and images come whole before the handler runs; a larger body is told so by the server itself (413).
        routes.acceptBodies(edu.rush.gme.staff.ContentEditor.EDIT, edu.rush.gme.staff.ContentEditor.MAX_FORM_BYTES, edu.rush.gme.staff.ContentEditor.TOO_LARGE);
        routes.acceptBodies(edu.rush.gme.staff.ContentEditor.PREVIEW, edu.rush.gme.staff.ContentEditor.MAX_FORM_BYTES, edu.rush.gme.staff.ContentEditor.TOO_LARGE);
        routes.acceptBodies(edu.rush.gme.staff.ImageUploads.PATH, edu.rush.gme.staff.ImageUploads.MAX_BODY_BYTES,
                edu.rush.gme.staff.ImageUploads.TOO_LARGE);
        // Staff are signing in or at work: the schemas are made meanwhile, so the editor's first form does not wait for the generator.
        routes.before(ctx -> {
            if (ctx.path().startsWith(StaffController.PREFIX)) {
                api.prepare();
            }
        });
        java.util.List<StaffController.Route> staffRoutes = new java.util.ArrayList<>(staff.routes());
        staffRoutes.addAll(editor.routes());
        staffRoutes.addAll(new edu.rush.gme.staff.ProgramPicker(store).routes());
        staffRoutes.addAll(new HistoryController(store, web.views(), services.staff(), services.history()).routes());
        staffRoutes.addAll(new CoordinatorController(store, web.views(), services.staff(), services.inquiries(), services.registrations()).routes());
        for (StaffController.Route route : staffRoutes) {
            if (route.method().equals("GET")) {
                routes.get(route.path(), staff.guarded(route));
            } else {
                routes.post(route.path(), staff.guarded(route));
            }
        }

        // Any other /api/v1/{name}: a problem naming the content types there are.
        routes.get(ContentApi.PREFIX + "/{type}", api::unknownType);
        routes.get(ContentApi.PREFIX + "/{type}/{slug}", api::unknownType);

        // Last: top-level Markdown pages (/about), files of static/, images of page bundles; then 405s.
        routes.finish(pages::page);
    }

    /** Sign-in attempts per client address: twenty in fifteen minutes (the account's own lock counts failures on every server). */
    static final int SIGN_INS_PER_WINDOW = 20;
    static final java.time.Duration SIGN_IN_WINDOW = java.time.Duration.ofMinutes(15);

    /**
     * Ready when a content snapshot is loaded and the database answers: {@code {"status":"ready"}}. With
     * the metrics token (GME_METRICS_TOKEN) it also says which content version, how many files have
     * problems and how many e-mails wait in the outbox; without it, nothing internal.
     */
    private void ready(Context ctx, ContentStore store) {
        if (!answersReady(ctx, store)) {
            return;
        }
        if (!monitoring.opens(ctx)) {
            ctx.json(Map.of("status", "ready"));
            return;
        }
        ContentSnapshot snapshot = store.snapshot();
        MailOutbox.Counts mail = services.outbox().counts();
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("status", "ready");
        ready.put("contentVersion", snapshot.version());
        ready.put("contentProblems", snapshot.problems().size());
        ready.put("database", services.database().dialect().name().toLowerCase(java.util.Locale.ROOT));
        ready.put("mailSending", services.outbox().sends());
        ready.put("mailWaiting", mail.waiting());
        ready.put("mailFailed", mail.failed());
        if (services.webhooks().configured()) {
            edu.rush.gme.outbox.Outbox.Counts notices = services.webhooks().counts();
            ready.put("webhooksWaiting", notices.waiting());
            ready.put("webhooksFailed", notices.failed());
        }
        ctx.json(ready);
    }

    /** Registrations counted per event for monitoring (with the metrics token; in public only the status), with /readyz's answers while not ready. */
    private void readyEvents(Context ctx, ContentStore store) {
        if (!answersReady(ctx, store)) {
            return;
        }
        if (!monitoring.opens(ctx)) {
            ctx.json(Map.of("status", "ready"));
            return;
        }
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("status", "ready");
        ready.put("events", edu.rush.gme.event.RegistrationCounts.of(store.snapshot(), store.now(), services.registrations().tallies()));
        ctx.json(ready);
    }

    /** Never cached; false (answered 503) while the content or the database is not there yet. */
    private boolean answersReady(Context ctx, ContentStore store) {
        ctx.header("Cache-Control", "no-store");
        if (!store.isLoaded() || services.database().isOpening()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", "starting"));
            return false;
        }
        if (!services.database().isReachable()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", "database unreachable"));
            return false;
        }
        return true;
    }
}
