package edu.rush.gme.page;

import edu.rush.gme.content.BasicPage;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.web.StructuredData;
import edu.rush.gme.web.Views;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The home page and the top-level Markdown pages (/about, /resources, ...). */
public final class PageController {

    static final int HOME_NEWS = 3;
    /** How a page's "checked on" date reads, as on program pages. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    static final int HOME_WELLNESS = 3;

    private final ContentStore store;
    private final Views views;
    private final StructuredData structuredData;

    public PageController(ContentStore store, Views views, StructuredData structuredData) {
        this.store = store;
        this.views = views;
        this.structuredData = structuredData;
    }

    public void home(Context ctx) {
        ContentSnapshot snapshot = store.snapshot();
        Instant now = store.now();
        Map<String, Object> model = new HashMap<>();
        model.put("title", snapshot.site().name());
        model.put("home", snapshot.home(now).orElse(null));
        model.put("news", first(snapshot.news(now), HOME_NEWS));
        model.put("wellness", first(snapshot.wellness(now), HOME_WELLNESS));
        snapshot.home(now).map(home -> home.meta().description()).ifPresent(d -> model.put("description", d));
        model.put("jsonLd", structuredData.organization(snapshot.site()));
        views.render(ctx, snapshot, "home/index", model);
    }

    /** Renders the top-level page at this path, if there is a visible one. */
    public boolean page(Context ctx, String path) {
        ContentSnapshot snapshot = store.snapshot();
        Optional<Page<BasicPage>> page = snapshot.page(path, store.now());
        if (page.isEmpty()) {
            return false;
        }
        Page<BasicPage> p = page.get();
        Map<String, Object> model = new HashMap<>();
        model.put("title", p.title());
        model.put("page", p);
        if (p.meta().description() != null) {
            model.put("description", p.meta().description());
        }
        model.put("verified", p.data().verified() == null ? null : DATE.format(p.data().verified()));
        views.render(ctx, snapshot, "page/" + p.data().layoutOrDefault(), model);
        return true;
    }

    private static <T> List<T> first(List<T> list, int count) {
        return list.subList(0, Math.min(count, list.size()));
    }
}
