package edu.rush.gme.web;

import edu.rush.gme.Settings;
import edu.rush.gme.content.ContentStore;
import io.javalin.Javalin;

/** Builds the Javalin server: routes, error pages and renderer, all in its one config block. */
public final class WebServer {

    private WebServer() {
    }

    public static Javalin create(Settings settings, ContentStore store) {
        StaticAssets assets = StaticAssets.load(settings.staticDir());
        PebbleRenderer renderer = new PebbleRenderer(settings.devMode(), assets);
        Views views = new Views(renderer, settings);
        Routes routes = new Routes(store, assets, views);
        ErrorPages errors = new ErrorPages(store, views);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.router.ignoreTrailingSlashes = true;
            config.router.treatMultipleSlashesAsSingleSlash = true;
            config.fileRenderer(renderer);
            routes.register(config.routes);
            errors.register(config.routes);
        });
    }
}
