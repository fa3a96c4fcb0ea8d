package edu.rush.gme;

import edu.rush.gme.authoring.Validate;
import edu.rush.gme.preview.PreviewTokens;
import edu.rush.gme.changes.ChangeJournal;
import edu.rush.gme.changes.Webhooks;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentTypes;
import edu.rush.gme.event.Event;
import edu.rush.gme.event.RegistrationLinks;
import edu.rush.gme.event.RegistrationService;
import edu.rush.gme.staff.ContentHistory;
import edu.rush.gme.staff.StaffService;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.page.BasicPage;
import edu.rush.gme.page.HomePage;
import edu.rush.gme.program.ProgramContent;
import edu.rush.gme.wellness.WellnessInitiative;
import edu.rush.gme.content.ContentWatcher;
import edu.rush.gme.db.Database;
import edu.rush.gme.db.DatabaseException;
import edu.rush.gme.db.DatabaseSettings;
import edu.rush.gme.inquiry.InquiryService;
import edu.rush.gme.mail.MailOutbox;
import edu.rush.gme.mail.MailSettings;
import edu.rush.gme.metrics.Monitoring;
import edu.rush.gme.metrics.SiteMetrics;
import edu.rush.gme.search.IndexFiles;
import edu.rush.gme.search.SearchMisses;
import edu.rush.gme.search.SearchService;
import edu.rush.gme.web.Paths;
import edu.rush.gme.web.ServerMetrics;
import edu.rush.gme.web.WebServer;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the site: reads the settings, loads the content, starts the web server. */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Javalin server;
    private final ContentStore store;
    private final SearchService search;
    private final Settings settings;
    private final Services services;
    private final SearchMisses misses;
    private ContentWatcher watcher;
    /** The meters, when metrics are on (closed at stop). */
    private final AutoCloseable metrics;

    private App(Settings settings, Javalin server, ContentStore store, SearchService search, Services services, SearchMisses misses,
                AutoCloseable metrics) {
        this.metrics = metrics;
        this.misses = misses;
        this.settings = settings;
        this.server = server;
        this.store = store;
        this.search = search;
        this.services = services;
    }

    /** Searches that found nothing, on their way to the database. */
    public SearchMisses searchMisses() {
        return misses;
    }

    /** Inquiries, the mail outbox and the database behind them. */
    public Services services() {
        return services;
    }

    public SearchService search() {
        return search;
    }

    /**
     * The site's content types, in the order the API and the docs list them. A new type is one
     * declaration in its feature package, added here.
     */
    public static final ContentTypes CONTENT_TYPES = ContentTypes.of(
            HomePage.TYPE, BasicPage.TYPE, ProgramContent.TYPE, NewsStory.TYPE, WellnessInitiative.TYPE, Event.TYPE);

    /** Builds the whole application over the given settings; tests use this with fixture folders. */
    public static App create(Settings settings, Clock clock) {
        // Indexes kept in data/search-index between runs of the same jar: a restart over unchanged content is searchable as soon as it is loaded.
        return create(settings, clock, BuildStamp.ofJar()
                .map(build -> IndexFiles.in(settings.dataDir().resolve("search-index"), build)).orElse(IndexFiles.none()));
    }

    static App create(Settings settings, Clock clock, IndexFiles keptIndexes) {
        ContentStore store = new ContentStore(new ContentLoader(settings.contentDir(), clock, CONTENT_TYPES), clock);
        SearchService search = new SearchService(store, keptIndexes);
        // Metrics only with a token (GME_METRICS_TOKEN): without one no meter registry is made or loaded.
        SiteMetrics metrics = settings.metricsToken().isSet() ? new SiteMetrics() : null;
        if (metrics != null) {
            metrics.watchContent(store);
            metrics.watchSearchMisses(search.zeroResults());
        }
        // Reading the content and starting the web server each take a few hundred milliseconds of
        // class loading; they overlap, and early requests wait for the first snapshot.
        Thread loading = new Thread(store::reload, "content-load");
        loading.start();
        // The database opens (and migrates) in the background once the first pages are out (see start());
        // a form sent before then waits for it.
        Database database = Database.open(settings.database());
        MailOutbox outbox = new MailOutbox(database, settings.mail(), clock);
        Webhooks webhooks = new Webhooks(database, settings.webhooks(), settings.baseUrl(), () -> store.snapshot().site().zone(), clock);
        ChangeJournal changes = new ChangeJournal(database, store, clock, webhooks, webhooks::nudge);
        Services services = new Services(database, outbox, new InquiryService(database, outbox, store),
                Limits.of("inquiries", INQUIRIES_PER_WINDOW, INQUIRY_WINDOW, database, clock), changes, webhooks,
                new RegistrationService(database, outbox, store, new RegistrationLinks(settings.preview().key()), settings.baseUrl()),
                new StaffService(database, clock, settings.preview().key()), new ContentHistory(settings.contentDir(), settings.dataDir(), clock));
        SearchMisses misses = new SearchMisses(database, search.zeroResults());
        if (metrics != null) {
            metrics.watch(database, outbox, webhooks);
        }
        Monitoring monitoring = new Monitoring(settings.metricsToken(), metrics == null ? null : metrics::scrape);
        return new App(settings, WebServer.create(settings, store,
                new UrlMap(search, services, new PreviewTokens(settings.preview().key(), store::now), clock, monitoring),
                metrics == null ? ServerMetrics.OFF : metrics), store, search, services, misses, metrics);
    }

    /** Accepted inquiries per client address: five in ten minutes, then one every two minutes. */
    static final int INQUIRIES_PER_WINDOW = 5;
    static final Duration INQUIRY_WINDOW = Duration.ofMinutes(10);

    /** How long after start-up the database starts opening, unless something needs it earlier. */
    static final Duration DATABASE_OPENS_AFTER = Duration.ofMillis(1500);

    public App start() {
        server.start();
        services.database().openLater(DATABASE_OPENS_AFTER);
        services.outbox().start();
        services.changes().start();
        services.webhooks().start();
        services.registrations().start();
        misses.start();
        store.startSchedule();
        if (settings.watchContent()) {
            watcher = ContentWatcher.start(settings.contentDir(), store);
        }
        return this;
    }

    public void stop() {
        if (watcher != null) {
            watcher.close();
        }
        store.stopSchedule();
        server.stop();
        services.outbox().close();
        services.changes().close();
        services.webhooks().close();
        services.registrations().close();
        misses.close();
        search.close();
        services.database().close();
        if (metrics != null) {
            try {
                metrics.close();
            } catch (Exception e) {
                LOG.debug("metrics did not close: {}", e.toString());
            }
        }
    }

    public int port() {
        return server.port();
    }

    /** The Jetty server under the site, for looking at how its handlers are arranged (tests). */
    public org.eclipse.jetty.server.Server jetty() {
        return server.jettyServer().server();
    }

    public ContentStore store() {
        return store;
    }

    public static void main(String[] args) {
        Settings settings = Settings.fromEnvironment();
        if (List.of(args).contains(WARM_UP)) {
            warmUpAndExit(settings);
            return;
        }
        if (args.length > 0 && !args[0].equals(WARM_UP)) {
            // A command for the office (exports, resending mail), run against the same settings, no web server.
            LogConfigurator.toStandardError();
            if (Commands.PRINTS_CONTENT_PROBLEMS.contains(args[0])) {
                LogConfigurator.quietContentLog();
            }
            System.exit(Commands.run(settings, List.of(args), System.out, System.err));
        }
        App app;
        try {
            app = create(settings, Clock.systemUTC()).start();
        } catch (JavalinBindException e) {
            LOG.error("port {} is already in use: stop the other server or choose another port with GME_PORT", settings.port());
            System.exit(2);
            return;
        } catch (io.javalin.util.JavalinException e) {
            // A setting the server cannot work with (GME_MIRROR_DIR a folder it cannot make or write): the reason, not a stack trace.
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof java.io.IOException)) {
                cause = cause.getCause();
            }
            LOG.error("the server could not start: {}", cause.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        LOG.info("GME site running at http://localhost:{}/ (content: {}, static: {})",
                app.port(), settings.contentDir().toAbsolutePath().normalize(), settings.staticDir().toAbsolutePath().normalize());
        try {
            app.services().database().opened().join();
            app.services().database().awaitOpen();
        } catch (DatabaseException e) {
            LOG.error("{}: check GME_DATABASE_URL, GME_DATABASE_USER and GME_DATABASE_PASSWORD", e.getMessage());
            System.exit(2);
        }
        if (!settings.mail().configured()) {
            LOG.warn("no mail server (GME_SMTP_HOST): inquiries are stored but not e-mailed; {} wait in the outbox",
                    app.services().outbox().counts().waiting());
        } else {
            LOG.info("inquiries are e-mailed through {}", settings.mail());
        }
    }

    /** The argument for a training run: start on a free port, render every page type once, stop. */
    static final String WARM_UP = "--warm-up-and-exit";

    /**
     * A training run for a Class Data Sharing archive (`mvn package` and the Dockerfile run it with
     * -XX:ArchiveClassesAtExit): loads the classes a real start, its first requests and `validate` need.
     */
    private static void warmUpAndExit(Settings settings) {
        // A throw-away database: the training run must not leave a file in the image.
        Settings onFreePort = new Settings("127.0.0.1", 0, settings.contentDir(), settings.staticDir(), settings.baseUrl(),
                false, settings.pageCacheBytes(), false, DatabaseSettings.temporarySqlite(), MailSettings.NONE, edu.rush.gme.web.TrustedProxies.NONE,
                edu.rush.gme.web.FormSecret.RANDOM_PER_START, edu.rush.gme.preview.PreviewSecret.random(), settings.apiOrigins(),
                edu.rush.gme.changes.WebhookSettings.NONE, 0, edu.rush.gme.metrics.MetricsToken.NONE, null);
        App app = create(onFreePort, Clock.systemUTC(), IndexFiles.none()).start();
        HttpClient client = HttpClient.newHttpClient();
        ContentSnapshot snapshot = app.store().snapshot();
        List<String> paths = new java.util.ArrayList<>(snapshot.allVisible(app.store().now()).stream().map(page -> page.url()).limit(50).toList());
        paths.add(Paths.NEW_INQUIRY);
        for (String path : paths) {
            try {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                LOG.warn("warm-up request {} failed: {}", path, e.toString());
            }
        }
        app.services().database().awaitOpen();
        app.stop();
        // `validate` too (its output dropped), so the archive also serves the command staff and CI run most.
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Validate.run(CONTENT_TYPES, settings.contentDir(), settings.staticDir(), Clock.systemUTC(),
                List.of(), nowhere, nowhere);
        LOG.info("warm-up done: {} pages, and validate", paths.size());
        System.exit(0);
    }
}
