package edu.rush.gme.wellness;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.web.Views;
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
        ContentSnapshot snapshot = store.snapshot();
        Instant now = store.now();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Wellness");
        model.put("intro", snapshot.intro(WellnessInitiative.TYPE, now).orElse(null));
        model.put("initiatives", snapshot.list(WellnessInitiative.TYPE, now));
        views.render(ctx, snapshot, "wellness/index", model);
    }

    public void show(Context ctx) {
        ContentSnapshot snapshot = store.snapshot();
        Page<WellnessInitiative> initiative = snapshot.find(WellnessInitiative.TYPE, ctx.pathParam("slug"), store.now()).orElseThrow(NotFoundResponse::new);
        Map<String, Object> model = new HashMap<>();
        model.put("title", initiative.title());
        model.put("description", initiative.data().summary());
        model.put("initiative", initiative);
        views.render(ctx, snapshot, "wellness/show", model);
    }
}
