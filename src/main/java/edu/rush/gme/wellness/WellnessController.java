package edu.rush.gme.wellness;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.web.Views;
import edu.rush.gme.web.Reading;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The wellness initiatives list and each initiative's page. */
public final class WellnessController {

    private final ContentStore store;
    private final Views views;

    public WellnessController(ContentStore store, Views views) {
        this.store = store;
        this.views = views;
    }

    public void index(Context ctx) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Wellness");
        model.put("intro", snapshot.intro(WellnessInitiative.TYPE, now).orElse(null));
        model.put("initiatives", snapshot.list(WellnessInitiative.TYPE, now));
        views.render(ctx, snapshot, "wellness/index", model);
    }

    /** An initiative's page; 404 unless it is visible (or it is the page a signed preview shows). */
    public void show(Context ctx, String slug) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        Page<WellnessInitiative> initiative = snapshot.find(WellnessInitiative.TYPE, slug, now).orElseThrow(NotFoundResponse::new);
        Map<String, Object> model = new HashMap<>();
        model.put("title", initiative.title());
        model.put("description", initiative.data().summary());
        model.put("initiative", initiative);
        views.render(ctx, snapshot, "wellness/show", model);
    }
}
