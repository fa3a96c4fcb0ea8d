package edu.rush.gme;

import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.web.WebServer;
import io.javalin.Javalin;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the site: reads the settings, loads the content, starts the web server. */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Javalin server;
    private final ContentStore store;

    private App(Javalin server, ContentStore store) {
        this.server = server;
        this.store = store;
    }

    /** Builds the whole application over the given settings; tests use this with fixture folders. */
    public static App create(Settings settings, Clock clock) {
        ContentStore store = new ContentStore(new ContentLoader(settings.contentDir(), clock), clock);
        return new App(WebServer.create(settings, store), store);
    }

    public App start() {
        server.start();
        return this;
    }

    public void stop() {
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
        App app = create(settings, Clock.systemUTC()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        LOG.info("GME site running at http://localhost:{}/ (content: {}, static: {})",
                app.port(), settings.contentDir().toAbsolutePath().normalize(), settings.staticDir().toAbsolutePath().normalize());
    }
}
