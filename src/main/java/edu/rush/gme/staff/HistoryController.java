package edu.rush.gme.staff;

import edu.rush.gme.content.ContentStore;
import edu.rush.gme.staff.StaffController.Access;
import edu.rush.gme.staff.StaffController.Route;
import edu.rush.gme.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workspace's history and trash pages: a file's versions with the difference to the current
 * text and "restore this version" (publishers), and the trash with "restore" (publishers). Every
 * file parameter must name a Markdown file inside the content folder; anything else gets a 400 page
 * that says what is wrong. Restores and moves to the trash go to the audit log, and the site reloads
 * after each, so the public pages show the change at once.
 */
public final class HistoryController {

    public static final String HISTORY = StaffController.PREFIX + "/history";
    public static final String RESTORE = HISTORY + "/restore";
    public static final String TRASH = StaffController.PREFIX + "/trash";
    public static final String MOVE_TO_TRASH = TRASH + "/move";
    public static final String RESTORE_FROM_TRASH = TRASH + "/restore";
    public static final String RESTORED = "restored";
    public static final String TRASHED = "trashed";
    public static final String RESTORED_FROM_TRASH = "restored-from-trash";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, uuuu h:mm a z", Locale.US);

    private final ContentStore store;
    private final Views views;
    private final StaffService staff;
    private final ContentHistory history;

    public HistoryController(ContentStore store, Views views, StaffService staff, ContentHistory history) {
        this.store = store;
        this.views = views;
        this.staff = staff;
        this.history = history;
    }

    /** The history and trash routes with who may use them; registered through {@link StaffController#guarded}. */
    public List<Route> routes() {
        return List.of(
                new Route("GET", HISTORY, Access.role(Role.EDITOR), this::historyPage),
                new Route("POST", RESTORE, Access.role(Role.PUBLISHER), this::restore),
                new Route("GET", TRASH, Access.role(Role.PUBLISHER), this::trashPage),
                new Route("POST", MOVE_TO_TRASH, Access.role(Role.PUBLISHER), this::moveToTrash),
                new Route("POST", RESTORE_FROM_TRASH, Access.role(Role.PUBLISHER), this::restoreFromTrash));
    }

    /** One version as the page lists it. */
    public record VersionRow(String id, String shortId, String when, String iso, String author, String message, boolean newest) {
    }

    void historyPage(Context ctx) {
        StaffSession session = StaffController.session(ctx);
        Map<String, Object> model = StaffController.signedInModel(session, "History");
        model.put("usesGit", history.usesGit());
        model.put("kept", ContentHistory.KEPT);
        model.put("canRestore", session.account().role().allows(Role.PUBLISHER));
        model.put("done", ctx.queryParam("done"));
        model.put("diffFrom", null);
        model.put("diffLines", List.of());
        String parameter = ctx.queryParam("file");
        if (parameter == null || parameter.isBlank()) {
            model.put("file", "");
            views.renderUncached(ctx, store.snapshot(), "staff/history", model);
            return;
        }
        Path file;
        try {
            file = history.resolve(parameter);
        } catch (ContentHistory.Refused refused) {
            refuse(ctx, model, parameter, refused.getMessage());
            return;
        }
        String shown = history.display(file);
        model.put("file", shown);
        model.put("title", "History of " + shown);
        model.put("fileExists", java.nio.file.Files.isRegularFile(file));
        ZoneId zone = store.snapshot().site().zone();
        List<ContentHistory.Version> versions = history.history(file);
        List<VersionRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            ContentHistory.Version v = versions.get(i);
            rows.add(new VersionRow(v.id(), v.shortId(), WHEN.format(v.time().atZone(zone)), v.time().toString(), v.author(), v.message(), i == 0));
        }
        model.put("versions", rows);
        model.put("fileParam", URLEncoder.encode(shown, StandardCharsets.UTF_8));
        String diffFrom = ctx.queryParam("diff");
        if (diffFrom != null && !diffFrom.isBlank()) {
            VersionRow from = rows.stream().filter(r -> r.id().equals(diffFrom)).findFirst().orElse(null);
            if (from == null) {
                refuse(ctx, model, parameter, "'" + diffFrom + "' is not one of the versions of " + shown + " listed below.");
                return;
            }
            model.put("diffFrom", from);
            model.put("diffLines", diffLines(history.diff(file, diffFrom, ContentHistory.CURRENT)));
        }
        views.renderUncached(ctx, store.snapshot(), "staff/history", model);
    }

    /** One line of a diff with its kind, so the page can mark additions and removals in words as well as colour. */
    public record DiffLine(String kind, String text) {
    }

    static List<DiffLine> diffLines(String diff) {
        if (diff.isEmpty()) {
            return List.of();
        }
        return diff.lines().map(line -> new DiffLine(line.startsWith("+++") || line.startsWith("---") ? "file"
                : line.startsWith("@@") ? "hunk" : line.startsWith("+") ? "added" : line.startsWith("-") ? "removed" : "same", line)).toList();
    }

    void restore(Context ctx) {
        StaffSession session = StaffController.session(ctx);
        String parameter = ctx.formParam("file");
        String version = ctx.formParam("version");
        Path file;
        try {
            file = history.resolve(parameter);
            history.restore(file, version, session.account());
        } catch (ContentHistory.Refused refused) {
            refuse(ctx, StaffController.signedInModel(session, "History"), parameter, refused.getMessage());
            return;
        }
        staff.audit(session.account(), RESTORED, history.display(file) + " to version " + shortOf(version), ctx.ip());
        store.reload();
        ctx.redirect(HISTORY + "?file=" + URLEncoder.encode(history.display(file), StandardCharsets.UTF_8) + "&done=restored", HttpStatus.SEE_OTHER);
    }

    void trashPage(Context ctx) {
        StaffSession session = StaffController.session(ctx);
        Map<String, Object> model = StaffController.signedInModel(session, "Trash");
        ZoneId zone = store.snapshot().site().zone();
        model.put("items", history.trashed().stream().map(item -> Map.of("id", item.id(), "file", item.file(), "who", item.who(),
                "when", WHEN.format(item.when().atZone(zone)), "iso", item.when().toString())).toList());
        model.put("done", ctx.queryParam("done"));
        model.put("doneFile", ctx.queryParam("restoredFile"));
        views.renderUncached(ctx, store.snapshot(), "staff/trash", model);
    }

    void moveToTrash(Context ctx) {
        StaffSession session = StaffController.session(ctx);
        String parameter = ctx.formParam("file");
        ContentHistory.Trashed trashed;
        try {
            trashed = history.trash(history.resolve(parameter), session.account());
        } catch (ContentHistory.Refused refused) {
            refuse(ctx, StaffController.signedInModel(session, "Trash"), parameter, refused.getMessage());
            return;
        }
        staff.audit(session.account(), TRASHED, trashed.file(), ctx.ip());
        store.reload();
        ctx.redirect(TRASH + "?done=trashed", HttpStatus.SEE_OTHER);
    }

    void restoreFromTrash(Context ctx) {
        StaffSession session = StaffController.session(ctx);
        String id = ctx.formParam("item");
        Path file;
        try {
            file = history.restoreFromTrash(id, session.account());
        } catch (ContentHistory.Refused refused) {
            refuse(ctx, StaffController.signedInModel(session, "Trash"), null, refused.getMessage());
            return;
        }
        staff.audit(session.account(), RESTORED_FROM_TRASH, history.display(file), ctx.ip());
        store.reload();
        ctx.redirect(TRASH + "?done=restored&restoredFile=" + URLEncoder.encode(history.display(file), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    private void refuse(Context ctx, Map<String, Object> model, String parameter, String problem) {
        ctx.status(HttpStatus.BAD_REQUEST);
        model.put("title", "This cannot be done");
        model.put("problem", problem);
        model.put("asked", parameter == null ? "" : parameter);
        views.renderUncached(ctx, store.snapshot(), "staff/refused", model);
    }

    private static String shortOf(String id) {
        return id != null && id.matches("[0-9a-f]{40}") ? id.substring(0, 8) : String.valueOf(id);
    }
}
