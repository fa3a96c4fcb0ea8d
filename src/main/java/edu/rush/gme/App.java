package edu.rush.gme;

import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentWatcher;
import edu.rush.gme.search.SearchService;
import edu.rush.gme.web.WebServer;
import io.javalin.Javalin;
import edu.rush.gme.content.ContentSnapshot;
import io.javalin.util.JavalinBindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
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
    private ContentWatcher watcher;

    private App(Settings settings, Javalin server, ContentStore store, SearchService search) {
        this.settings = settings;
        this.server = server;
        this.store = store;
        this.search = search;
    }

    public SearchService search() {
        return search;
    }

    /** Builds the whole application over the given settings; tests use this with fixture folders. */
    public static App create(Settings settings, Clock clock) {
        ContentStore store = new ContentStore(new ContentLoader(settings.contentDir(), clock), clock);
        SearchService search = new SearchService(store);
        // Reading the content and starting the web server each take a few hundred milliseconds of
        // class loading; they overlap, and early requests wait for the first snapshot.
        Thread loading = new Thread(store::reload, "content-load");
        loading.start();
        return new App(settings, WebServer.create(settings, store, search), store, search);
    }

    public App start() {
        server.start();
        if (settings.watchContent()) {
            watcher = ContentWatcher.start(settings.contentDir(), store);
        }
        return this;
    }

    public void stop() {
        if (watcher != null) {
            watcher.close();
        }
        server.stop();
    }

    public int port() {
        return server.port();
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
        App app;
        try {
            app = create(settings, Clock.systemUTC()).start();
        } catch (JavalinBindException e) {
            LOG.error("port {} is already in use: stop the other server or choose another port with GME_PORT", settings.port());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        LOG.info("GME site running at http://localhost:{}/ (content: {}, static: {})",
                app.port(), settings.contentDir().toAbsolutePath().normalize(), settings.staticDir().toAbsolutePath().normalize());
    }

    /** The argument for a training run: start on a free port, render every page type once, stop. */
    static final String WARM_UP = "--warm-up-and-exit";

    /**
     * A training run for a Class Data Sharing archive (the Dockerfile runs it with
     * -XX:ArchiveClassesAtExit): loads the classes a real start and first requests need.
     */
    private static void warmUpAndExit(Settings settings) {
        Settings onFreePort = new Settings("127.0.0.1", 0, settings.contentDir(), settings.staticDir(), settings.baseUrl(),
                false, settings.pageCacheBytes(), false);
        App app = create(onFreePort, Clock.systemUTC()).start();
        HttpClient client = HttpClient.newHttpClient();
        ContentSnapshot snapshot = app.store().snapshot();
        List<String> paths = snapshot.allVisible(app.store().now()).stream().map(page -> page.url()).limit(50).toList();
        for (String path : paths) {
            try {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                LOG.warn("warm-up request {} failed: {}", path, e.toString());
            }
        }
        app.stop();
        LOG.info("warm-up done: {} pages", paths.size());
        System.exit(0);
    }
}
