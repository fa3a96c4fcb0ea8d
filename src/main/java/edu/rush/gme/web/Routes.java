package edu.rush.gme.web;

import edu.rush.gme.content.ContentStore;
import edu.rush.gme.news.NewsController;
import edu.rush.gme.page.PageController;
import edu.rush.gme.program.ProgramController;
import edu.rush.gme.program.ProgramType;
import edu.rush.gme.wellness.WellnessController;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The whole URL map of the site, in one place. */
final class Routes {

    private final ContentStore store;
    private final StaticAssets assets;
    private final PageController pages;
    private final ProgramController programs;
    private final NewsController news;
    private final WellnessController wellness;

    Routes(ContentStore store, StaticAssets assets, Views views) {
        this.store = store;
        this.assets = assets;
        this.pages = new PageController(store, views);
        this.programs = new ProgramController(store, views);
        this.news = new NewsController(store, views);
        this.wellness = new WellnessController(store, views);
    }

    void register(RoutesConfig routes) {
        routes.get(Paths.HOME, pages::home);
        routes.get(Paths.HEALTH, ctx -> ctx.result("ok"));

        routes.get(Paths.PROGRAMS, programs::index);
        for (ProgramType type : ProgramType.values()) {
            routes.get(Paths.programs(type), ctx -> programs.byType(ctx, type));
        }
        routes.get(Paths.PROGRAMS + "/{slug}", programs::show);

        routes.get(Paths.NEWS, news::index);
        routes.get(Paths.NEWS + "/{slug}", news::show);

        routes.get(Paths.WELLNESS, wellness::index);
        routes.get(Paths.WELLNESS + "/{slug}", wellness::show);

        // Last: top-level Markdown pages (/about), files of static/, images of page bundles.
        routes.get("/<path>", this::pageOrFile);
    }

    private void pageOrFile(Context ctx) {
        String path = ctx.path();
        if (path.length() > 1 && path.endsWith("/")) {
            String query = ctx.queryString();
            ctx.redirect(path.replaceAll("/+$", "") + (query == null ? "" : "?" + query), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        if (assets.serve(ctx, path) || pages.page(ctx, path)) {
            return;
        }
        Path resource = store.snapshot().resource(path, store.now()).orElseThrow(NotFoundResponse::new);
        try {
            ctx.contentType(StaticAssets.contentType(path));
            ctx.header("Cache-Control", "public, max-age=300");
            ctx.result(Files.readAllBytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
