package edu.rush.gme.program;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.web.StructuredData;
import edu.rush.gme.web.Views;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The program lists (all, and one per type) and each program's page. */
public final class ProgramController {

    private final ContentStore store;
    private final Views views;
    private final StructuredData structuredData;

    public ProgramController(ContentStore store, Views views, StructuredData structuredData) {
        this.store = store;
        this.views = views;
        this.structuredData = structuredData;
    }

    /** All programs, grouped by type in a fixed order (residency, fellowship, allied health). */
    public void index(Context ctx) {
        ContentSnapshot snapshot = store.snapshot();
        Instant now = store.now();
        Map<ProgramType, List<Page<Program>>> groups = new LinkedHashMap<>();
        for (ProgramType type : ProgramType.values()) {
            groups.put(type, snapshot.programs(type, now));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Programs");
        model.put("intro", snapshot.sectionIndex("programs", now).orElse(null));
        model.put("groups", groups);
        model.put("total", snapshot.programs(now).size());
        views.render(ctx, snapshot, "program/index", model);
    }

    public void byType(Context ctx, ProgramType type) {
        ContentSnapshot snapshot = store.snapshot();
        Map<String, Object> model = new HashMap<>();
        model.put("title", type.listTitle());
        model.put("type", type);
        model.put("types", Arrays.asList(ProgramType.values()));
        model.put("programs", snapshot.programs(type, store.now()));
        views.render(ctx, snapshot, "program/list", model);
    }

    public void show(Context ctx) {
        ContentSnapshot snapshot = store.snapshot();
        Page<Program> program = snapshot.program(ctx.pathParam("slug"), store.now()).orElseThrow(NotFoundResponse::new);
        Map<String, Object> model = new HashMap<>();
        model.put("title", program.title());
        model.put("description", program.data().summary());
        model.put("program", program);
        model.put("jsonLd", structuredData.program(program, snapshot.site()));
        model.put("typeUrl", "/programs/" + program.data().type().key());
        views.render(ctx, snapshot, "program/show", model);
    }
}
