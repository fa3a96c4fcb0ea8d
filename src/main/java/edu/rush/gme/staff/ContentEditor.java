package edu.rush.gme.staff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import edu.rush.gme.authoring.NewContent;
import edu.rush.gme.content.ContentProblem;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Page;
import edu.rush.gme.web.Reading;
import edu.rush.gme.web.RouteTable;
import edu.rush.gme.web.SecurityHeaders;
import edu.rush.gme.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web editor over the content files: a form made from the type's front matter record (the
 * same record the loader binds and the API's schema is generated from), the Markdown body, a
 * preview of the unsaved text through the type's own public page, and saving that rewrites only the
 * fields that changed, refuses a stale save with the difference, and lets only publishers publish.
 * Every problem is the one {@code validate} prints, because the text is checked by the loader itself.
 */
public final class ContentEditor {

    public static final String EDIT = StaffController.PREFIX + "/edit";
    public static final String PREVIEW = EDIT + "/preview";
    public static final String NEW = StaffController.PREFIX + "/new";
    /** The largest form the editor's save and preview take (the whole text, every character percent-encoded, with room to spare). */
    public static final int MAX_FORM_BYTES = 2 * 1024 * 1024;
    public static final String TOO_LARGE = "The text is larger than the editor takes (about 600,000 characters), so it was not saved."
            + " Go back, copy your text somewhere safe, and split it into more than one page.";
    /** Sent by static/js/editor.js with the form while staff type: the preview address then answers the problems as JSON. */
    static final String CHECK_HEADER = "X-Editor-Check";

    private final ContentStore store;
    private final Views views;
    private final StaffService staff;
    private final Map<ContentType<?>, RouteTable.ItemPage> pages;
    private final ContentSaves.Listener listener;
    private final Clock clock;
    private final ImageUploads uploads;
    private final SchemaForm form;
    private final LivePreviews live = new LivePreviews();

    /** An editor whose routes are listed but not served (the route walk of the sign-in test). */
    public ContentEditor(ContentStore store, Views views, StaffService staff, Map<ContentType<?>, RouteTable.ItemPage> pages,
                         ContentSaves.Listener listener, Clock clock) {
        this(store, views, staff, pages, listener, clock, null);
    }

    /**
     * @param pages    each type's public page renderer (the preview renders through it)
     * @param listener told after every save and creation (history); {@link ContentSaves.Listener#NONE} for nothing
     * @param form     the form made from each type's front matter schema
     */
    public ContentEditor(ContentStore store, Views views, StaffService staff, Map<ContentType<?>, RouteTable.ItemPage> pages,
                         ContentSaves.Listener listener, Clock clock, SchemaForm form) {
        this.store = store;
        this.form = form;
        this.views = views;
        this.staff = staff;
        this.pages = pages;
        this.listener = listener;
        this.clock = clock;
        this.uploads = new ImageUploads(store, views, staff, listener);
    }

    /** The editor's routes, checked like every workspace route (session, role, the form's token). */
    public List<StaffController.Route> routes() {
        StaffController.Access editor = StaffController.Access.role(Role.EDITOR);
        return List.of(
                new StaffController.Route("GET", EDIT, editor, this::edit),
                new StaffController.Route("POST", EDIT, editor, this::save),
                new StaffController.Route("POST", PREVIEW, editor, this::preview),
                new StaffController.Route("GET", PREVIEW, editor, this::livePreview),
                new StaffController.Route("GET", NEW, editor, this::newForm),
                new StaffController.Route("POST", NEW, editor, this::create),
                new StaffController.Route("POST", ImageUploads.PATH, editor, uploads::upload));
    }

    // --- opening ---

    void edit(Context ctx) {
        if (ctx.queryParam("file") == null) {
            Map<String, Object> model = model(ctx, "Edit a file");
            views.renderUncached(ctx, store.snapshot(), "staff/edit-choose", model);
            return;
        }
        Opened opened = open(ctx, ctx.queryParam("file"));
        if (opened == null) {
            return;
        }
        FrontMatterText.Parts parts = FrontMatterText.split(opened.text());
        renderForm(ctx, opened, opened.text(), parts, List.of(), "saved".equals(ctx.queryParam("done")) ? "Saved. The site shows it now." : null,
                parts == null || "raw".equals(ctx.queryParam("mode")));
    }

    /**
     * A file as it is on disk now, with its type and digest; null when refused (the answer is sent).
     * {@code text} has LF line ends; {@code crlf} says the file has CRLF ones, which a save keeps.
     */
    private record Opened(ContentPaths.Resolved path, ContentType<?> type, String text, String digest, boolean crlf) {
    }

    private Opened open(Context ctx, String file) {
        ContentPaths.Resolved path;
        try {
            path = ContentPaths.resolve(store.contentDir(), store.types(), file);
        } catch (ContentPaths.Refused refused) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "This file cannot be edited", refused.getMessage());
            return null;
        }
        if (!Files.exists(path.file())) {
            // Made a bundle by its first image since the editor was opened: the same item under its new name.
            ContentPaths.Resolved moved = ContentPaths.movedIntoBundle(store.contentDir(), store.types(), path);
            path = moved != null ? moved : path;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path.file());
        } catch (java.nio.file.NoSuchFileException e) {
            refuse(ctx, HttpStatus.NOT_FOUND, "No such file", path.shown() + " is not there (it may have been moved or deleted). Open it again from the content list.");
            return null;
        } catch (IOException e) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "This file cannot be read", path.shown() + ": " + e.getMessage());
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new Opened(path, typeOf(path), text.replace("\r\n", "\n"), digest(bytes), text.contains("\r\n"));
    }

    private ContentType<?> typeOf(ContentPaths.Resolved path) {
        Path relative = store.contentDir().toAbsolutePath().normalize().relativize(path.file());
        if (relative.getNameCount() == 1) {
            return relative.toString().equals("_index.md") ? store.types().home() : store.types().page();
        }
        return store.types().inFolder(relative.getName(0).toString()).orElseThrow();
    }

    private void renderForm(Context ctx, Opened opened, String text, FrontMatterText.Parts parts, List<ContentProblem> problems, String notice,
                            boolean raw) {
        renderForm(ctx, opened, text, parts, problems, notice, raw, null);
    }

    /** @param refusal a sentence for the error summary besides the file's problems (a role that may not publish) */
    private void renderForm(Context ctx, Opened opened, String text, FrontMatterText.Parts parts, List<ContentProblem> problems, String notice,
                            boolean raw, String refusal) {
        ContentSnapshot snapshot = store.snapshot();
        Map<String, Object> model = model(ctx, "Edit " + opened.path().shown());
        String yaml = parts == null ? "" : parts.yaml();
        Map<String, String> fieldErrors = new HashMap<>();
        List<StaffController.SummaryItem> summary = new ArrayList<>();
        if (refusal != null) {
            summary.add(new StaffController.SummaryItem(refusal, raw ? "raw" : "f-draft"));
        }
        for (ContentProblem problem : problems) {
            String key = keyOf(parts, problem);
            if (key != null && !key.equals("body")) {
                fieldErrors.merge(key, problem.toString(), (a, b) -> a + " " + b);
            }
            summary.add(item(parts, problem, raw));
        }
        model.put("file", opened.path().shown());
        model.put("digest", opened.digest());
        model.put("type", opened.type());
        model.put("raw", raw);
        model.put("text", text);
        model.put("fields", parts == null ? List.of() : form.fields(opened.type(), yaml, snapshot, fieldErrors));
        model.put("body", parts == null ? "" : parts.body());
        model.put("summary", summary);
        model.put("notice", notice);
        model.put("canPublish", session(ctx).account().role().allows(Role.PUBLISHER));
        model.put("images", uploads.panel(opened.path()));
        // One map of every page by file (bySource builds it at each call: 10,000 entries for a big catalog).
        Page<?> page = snapshot.bySource().get(opened.path().shown());
        model.put("publicUrl", page == null ? null : page.url());
        if (!summary.isEmpty()) {
            ctx.status(refusal != null ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_CONTENT);
        }
        views.renderUncached(ctx, snapshot, "staff/edit", model);
    }

    /** The field a problem is in: a front matter key, "body", or null. */
    private static String keyOf(FrontMatterText.Parts parts, ContentProblem problem) {
        if (parts == null) {
            return null;
        }
        return problem.line() >= 2 + lines(parts.yaml()) ? "body" : FrontMatterText.keyAt(parts.yaml(), problem.line());
    }

    /** A problem as the error summary lists it: validate's line, linked to its field. */
    private static StaffController.SummaryItem item(FrontMatterText.Parts parts, ContentProblem problem, boolean raw) {
        String key = keyOf(parts, problem);
        return new StaffController.SummaryItem(problem.toString(), raw ? "raw" : key == null ? null : key.equals("body") ? "body" : "f-" + key);
    }

    private static int lines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    // --- the text staff sent ---

    /**
     * The file's new text from the form: the whole text in raw mode, else the fields that changed
     * written into the file's own text; with CRLF line ends when the file has them (written so by hand).
     */
    private String submitted(Context ctx, Opened opened) {
        String text = submittedLf(ctx, opened);
        return opened.crlf() ? text.replace("\n", "\r\n") : text;
    }

    private String submittedLf(Context ctx, Opened opened) {
        String raw = ctx.formParam("raw");
        if (raw != null) {
            return raw.replace("\r\n", "\n");
        }
        FrontMatterText.Parts parts = FrontMatterText.split(opened.text());
        if (parts == null) {
            return opened.text();
        }
        Map<String, String> changes = form.changes(form.fields(opened.type(), parts.yaml(), store.snapshot(), Map.of()), ctx::formParams);
        String body = ctx.formParam("body");
        body = body == null ? parts.body() : body.replace("\r\n", "\n");
        return new FrontMatterText.Parts(parts.head(), changes.isEmpty() ? parts.yaml() : FrontMatterText.apply(parts.yaml(), changes),
                parts.separator(), body).join();
    }

    /** The site with this text in the file: its problems are validate's, and its page what the site would serve. */
    private record Checked(ContentSnapshot snapshot, List<ContentProblem> problems, Page<?> page) {
    }

    private Checked check(Opened opened, String text) {
        ContentSnapshot snapshot = store.loadWith(opened.path().file(), text.getBytes(StandardCharsets.UTF_8));
        List<ContentProblem> problems = snapshot.problems().stream().filter(p -> p.file().equals(opened.path().shown())).toList();
        return new Checked(snapshot, problems, snapshot.bySource().get(opened.path().shown()));
    }

    // --- preview ---

    void preview(Context ctx) {
        Opened opened = open(ctx, ctx.formParam("file"));
        if (opened == null) {
            return;
        }
        String text = submitted(ctx, opened);
        Checked checked = check(opened, text);
        RouteTable.ItemPage renderer = pages.get(opened.type());
        boolean shows = checked.problems().isEmpty() && checked.page() != null && renderer != null;
        if ("1".equals(ctx.header(CHECK_HEADER))) {
            // The editor's script, as staff type: the problems, as the error summary would list them, and (none
            // found) the address at which the live preview beside the form shows this same check's page.
            FrontMatterText.Parts parts = FrontMatterText.split(text);
            boolean raw = ctx.formParam("raw") != null;
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("problems", checked.problems().stream().map(p -> item(parts, p, raw)).toList());
            if (shows) {
                answer.put("preview", PREVIEW + "?draft=" + live.keep(session(ctx).csrfToken(),
                        new LivePreviews.Draft(opened.path().shown(), checked.snapshot(), checked.page(), renderer)));
            }
            ctx.json(answer);
            return;
        }
        if (!shows) {
            renderForm(ctx, opened, text, FrontMatterText.split(text), checked.problems(), null, ctx.formParam("raw") != null);
            return;
        }
        show(ctx, new LivePreviews.Draft(opened.path().shown(), checked.snapshot(), checked.page(), renderer), "Close this tab to go back to the editor.");
    }

    /** The live preview's frame: the page of the editor's last check without problems, as the site would serve it. */
    void livePreview(Context ctx) {
        LivePreviews.Draft draft = live.find(session(ctx).csrfToken(), ctx.queryParam("draft"));
        if (draft == null) {
            SecurityHeaders.framedBySameOrigin(ctx);
            views.renderUncached(ctx, store.snapshot(), "staff/message", Map.of("title", "Nothing to preview yet",
                    "text", "The preview of the text in the editor appears here as you type."));
            return;
        }
        show(ctx, draft, "Your changes show here as you type.");
    }

    /** A preview answer: the type's own page with the banner; the one answer the editor's own pages may show in a frame. */
    private void show(Context ctx, LivePreviews.Draft draft, String where) {
        SecurityHeaders.framedBySameOrigin(ctx);
        Reading.use(ctx, new Reading(draft.snapshot().showing(draft.file()), store.now(), new Reading.Preview(
                "Preview — not saved", List.of("This is " + draft.file() + " as the text in the editor would show it; it is not saved yet. "
                        + where), draft.page().url(), null)));
        draft.renderer().render(ctx, draft.page());
    }

    // --- saving ---

    void save(Context ctx) {
        StaffSession session = session(ctx);
        Opened opened = open(ctx, ctx.formParam("file"));
        if (opened == null) {
            return;
        }
        String text = submitted(ctx, opened);
        boolean raw = ctx.formParam("raw") != null;
        if (!opened.digest().equals(ctx.formParam("digest"))) {
            stale(ctx, opened, text);
            return;
        }
        Checked checked = check(opened, text);
        if (!checked.problems().isEmpty() || checked.page() == null) {
            List<ContentProblem> problems = checked.problems().isEmpty()
                    ? List.of(new ContentProblem(opened.path().shown(), 1, 1, "the page cannot be made from this text")) : checked.problems();
            renderForm(ctx, opened, text, FrontMatterText.split(text), problems, null, raw);
            return;
        }
        Page<?> before = store.snapshot().bySource().get(opened.path().shown());
        boolean wasDraft = before == null ? "true".equals(valueOf(opened.text(), "draft")) : before.meta().isDraft();
        boolean isDraft = checked.page().meta().isDraft();
        if ((!isDraft || !wasDraft) && !session.account().role().allows(Role.PUBLISHER)) {
            renderForm(ctx, opened, text, FrontMatterText.split(text), List.of(), null, raw, wasDraft
                    ? "Not saved: as an editor you save drafts only. Tick 'Draft' to save it as a draft; a publisher publishes it."
                    : "Not saved: this page is published, and only a publisher can change a published page (or take it off the site)."
                    + " Ask a publisher, or copy your text and send it to one.");
            ctx.status(HttpStatus.FORBIDDEN);
            return;
        }
        boolean written;
        try {
            written = writeIfUnchanged(opened, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            refuse(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Not saved", opened.path().shown() + " could not be written (" + e.getMessage()
                    + "); nothing was changed. Tell the site's administrator.");
            return;
        }
        if (!written) {
            // Changed or moved while this save was being checked: refused as any stale save, against the file as it is now.
            Opened now = open(ctx, opened.path().shown());
            if (now != null) {
                stale(ctx, now, text);
            }
            return;
        }
        store.reload();
        String action = isDraft == wasDraft ? "saved" : isDraft ? "unpublished" : "published";
        staff.audit(session.account(), action, opened.path().shown(), ctx.ip());
        listener.saved(opened.path().file(), session.account(),
                Character.toUpperCase(action.charAt(0)) + action.substring(1) + " " + opened.path().shown());
        ctx.redirect(EDIT + "?file=" + java.net.URLEncoder.encode(opened.path().shown(), StandardCharsets.UTF_8) + "&done=saved", HttpStatus.SEE_OTHER);
    }

    private static String valueOf(String text, String key) {
        FrontMatterText.Parts parts = FrontMatterText.split(text);
        FrontMatterText.Value value = parts == null ? null : FrontMatterText.values(parts.yaml()).get(key);
        return value == null ? null : value.scalar();
    }

    /** The other text changed the file since it was opened: nothing written, their text and the difference shown. */
    private void stale(Context ctx, Opened opened, String theirs) {
        List<String> current = opened.text().lines().toList();
        List<String> mine = theirs.lines().toList();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(opened.path().shown() + " (on disk now)", opened.path().shown() + " (yours)",
                current, DiffUtils.diff(current, mine), 3);
        Map<String, Object> model = model(ctx, "Not saved: the file changed since you opened it");
        model.put("file", opened.path().shown());
        model.put("diff", diff);
        model.put("text", theirs);
        ctx.status(HttpStatus.CONFLICT);
        views.renderUncached(ctx, store.snapshot(), "staff/stale", model);
    }

    /**
     * Writes the file unless it changed or moved since it was opened: the comparison and the write
     * under the folder's write lock (across instances sharing the folder; image uploads, restores and
     * the trash take it too); a hand edit made outside since the last recorded version gets its own
     * version first.
     */
    private boolean writeIfUnchanged(Opened opened, byte[] bytes) throws IOException {
        return ContentWrites.of(store.contentDir()).locked(() -> {
            Path file = opened.path().file();
            if (!Files.isRegularFile(file) || !digest(Files.readAllBytes(file)).equals(opened.digest())) {
                return false;
            }
            listener.aboutToWrite(file);
            writeAtomically(file, bytes);
            return true;
        });
    }

    /** A temporary file in the same folder (hidden, so the loader never reads it), then one rename over the file. */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".saving");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    // --- new items ---

    void newForm(Context ctx) {
        renderNew(ctx, "", "", Map.of());
    }

    private void renderNew(Context ctx, String type, String title, Map<String, String> errors) {
        Map<String, Object> model = model(ctx, "New content");
        model.put("types", NewContent.creatable(store.types()));
        model.put("chosen", type);
        model.put("newTitle", title);
        Map<String, String> byField = new HashMap<>();
        byField.put("type", errors.get("type"));
        byField.put("title", errors.get("title"));
        model.put("errors", byField);
        model.put("summary", errors.entrySet().stream().map(e -> new StaffController.SummaryItem(e.getValue(), e.getKey())).toList());
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        views.renderUncached(ctx, store.snapshot(), "staff/new", model);
    }

    void create(Context ctx) {
        StaffSession session = session(ctx);
        String typeName = ctx.formParam("type") == null ? "" : ctx.formParam("type");
        String title = ctx.formParam("title") == null ? "" : ctx.formParam("title").strip();
        Map<String, String> errors = new LinkedHashMap<>();
        ContentType<?> type = NewContent.creatable(store.types()).stream().filter(t -> t.name().equals(typeName)).findFirst().orElse(null);
        if (type == null) {
            errors.put("type", "Choose the type of content");
        }
        if (title.isEmpty()) {
            errors.put("title", "Enter a title");
        } else if (title.lines().count() > 1 || title.chars().anyMatch(Character::isISOControl)) {
            errors.put("title", "The title must be one line of text");
        }
        if (!errors.isEmpty()) {
            renderNew(ctx, typeName, title, errors);
            return;
        }
        Path file;
        try {
            // Under the folder's write lock: another instance sharing the folder may be making one with the same address.
            ContentType<?> chosen = type;
            file = ContentWrites.of(store.contentDir()).locked(() -> NewContent.createDraft(store.types(), store.contentDir(), store.snapshot(), chosen, title, clock));
        } catch (IllegalArgumentException e) {
            renderNew(ctx, typeName, title, Map.of("title", "The title needs letters or digits in Latin script: they make the web address"
                    + " (you can change the title afterwards)"));
            return;
        } catch (IOException e) {
            renderNew(ctx, typeName, title, Map.of("type", "The draft could not be made: there is no archetype for this type, or the folder"
                    + " cannot be written (" + e.getClass().getSimpleName() + "). Tell the site's administrator."));
            return;
        }
        String shown = ContentPaths.shownPrefix(store.contentDir()) + "/"
                + store.contentDir().toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        store.reload();
        staff.audit(session.account(), "created", shown, ctx.ip());
        listener.saved(file, session.account(), "Created " + shown);
        ctx.redirect(EDIT + "?file=" + java.net.URLEncoder.encode(shown, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    // --- shared ---

    private Map<String, Object> model(Context ctx, String title) {
        return StaffController.signedInModel(ctx, session(ctx), title);
    }

    private static StaffSession session(Context ctx) {
        return StaffController.sessionOf(ctx);
    }

    private void refuse(Context ctx, HttpStatus status, String title, String text) {
        ctx.status(status);
        views.renderUncached(ctx, store.snapshot(), "staff/message", Map.of("title", title, "text", text));
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
