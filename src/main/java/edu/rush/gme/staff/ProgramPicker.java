package edu.rush.gme.staff;

import edu.rush.gme.content.ContentStore;
import edu.rush.gme.program.ProgramNames;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The editor's related-programs picker asks here as staff type: the programs whose title or slug
 * starts with what was typed, then those with a word starting with each typed word, at most
 * {@link #LIMIT}, as JSON ({@link ProgramNames} finds them). Read from the current snapshot
 * (drafts too: a draft program may be linked before it is published).
 */
public final class ProgramPicker {

    public static final String PATH = StaffController.PREFIX + "/programs/search";
    static final int LIMIT = ProgramNames.LIMIT;

    private final ContentStore store;

    public ProgramPicker(ContentStore store) {
        this.store = store;
    }

    /** Its one route, checked like every workspace route: the editor's role. */
    public List<StaffController.Route> routes() {
        return List.of(new StaffController.Route("GET", PATH, StaffController.Access.role(Role.EDITOR), this::search));
    }

    /** One program as the picker lists it. */
    public record Match(String slug, String title, boolean draft) {
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q");
        String typed = q == null ? "" : q.length() > ProgramNames.MAX_QUERY ? q.substring(0, ProgramNames.MAX_QUERY) : q;
        List<Match> matches = ProgramNames.of(store.snapshot()).matches(typed, LIMIT, slug -> true).stream()
                .map(m -> new Match(m.slug(), m.title(), m.draft())).toList();
        ctx.json(Map.of("results", matches));
    }
}
