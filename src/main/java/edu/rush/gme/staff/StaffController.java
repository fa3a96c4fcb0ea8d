package edu.rush.gme.staff;

import edu.rush.gme.content.ContentStore;
import edu.rush.gme.db.DatabaseException;
import edu.rush.gme.web.CrossSiteForms;
import edu.rush.gme.web.SubmissionLimiter;
import edu.rush.gme.web.Views;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff workspace's door: sign-in, set-password links, sign-out (here or everywhere), and the
 * pages behind it, each checked on the server for a session, its role and, for every form sent, the
 * session's own token. Nothing under /admin is cached or indexed.
 */
public final class StaffController {

    private static final Logger LOG = LoggerFactory.getLogger(StaffController.class);
    public static final String PREFIX = "/admin";
    public static final String HOME = PREFIX;
    public static final String SIGN_IN = PREFIX + "/sign-in";
    public static final String SIGN_OUT = PREFIX + "/sign-out";
    public static final String SIGN_OUT_EVERYWHERE = PREFIX + "/sign-out-everywhere";
    public static final String SET_PASSWORD = PREFIX + "/set-password";
    public static final String STAFF = PREFIX + "/staff";
    public static final String AUDIT = PREFIX + "/audit";
    public static final String AUDIT_CSV = PREFIX + "/audit.csv";
    static final int AUDIT_PAGE = 100;
    public static final String LISTS = PREFIX + "/lists";
    public static final String CONTENT = PREFIX + "/content";
    public static final String RESEND_MAIL = PREFIX + "/outbox/resend";
    static final String COOKIE = "gme_staff";
    static final String CSRF_FIELD = "csrf";
    private static final String SESSION = "staff-session";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, uuuu h:mm a z", Locale.US);

    /** Who may use a route: anyone (the sign-in and set-password pages), any signed-in staff member, or a role. */
    public record Access(boolean signedIn, Role role) {
        static final Access ANYONE = new Access(false, null);
        static final Access STAFF_MEMBER = new Access(true, null);

        public static Access role(Role role) {
            return new Access(true, role);
        }
    }

    /** One route of the workspace, for the URL map and for the test that walks every route as every role. */
    public record Route(String method, String path, Access access, Handler handler) {
    }

    private final ContentStore store;
    private final Views views;
    private final StaffService staff;
    private final CrossSiteForms crossSite;
    private final SubmissionLimiter signInLimiter;
    private final boolean https;
    private final List<DashboardPanel> panels;
    private final java.util.function.IntSupplier resendFailedMail;
    private final java.time.Clock clock;

    /**
     * @param panels           the dashboard's lists (filled from the features by the composition root)
     * @param resendFailedMail makes the mail given up on due again; returns how many
     */
    public StaffController(ContentStore store, Views views, StaffService staff, CrossSiteForms crossSite, SubmissionLimiter signInLimiter,
                           boolean https, List<DashboardPanel> panels, java.util.function.IntSupplier resendFailedMail, java.time.Clock clock) {
        this.panels = panels;
        this.resendFailedMail = resendFailedMail;
        this.clock = clock;
        this.store = store;
        this.views = views;
        this.staff = staff;
        this.crossSite = crossSite;
        this.signInLimiter = signInLimiter;
        this.https = https;
    }

    /** Every route of the workspace with who may use it; each handler is wrapped in the check. */
    public List<Route> routes() {
        List<Route> routes = new java.util.ArrayList<>(List.of(
                new Route("GET", SIGN_IN, Access.ANYONE, this::signInForm),
                new Route("POST", SIGN_IN, Access.ANYONE, this::signIn),
                new Route("GET", SET_PASSWORD + "/{token}", Access.ANYONE, this::setPasswordForm),
                new Route("POST", SET_PASSWORD + "/{token}", Access.ANYONE, this::setPassword),
                new Route("GET", HOME, Access.STAFF_MEMBER, this::home),
                new Route("POST", SIGN_OUT, Access.STAFF_MEMBER, this::signOut),
                new Route("POST", SIGN_OUT_EVERYWHERE, Access.STAFF_MEMBER, this::signOutEverywhere),
                new Route("GET", STAFF, Access.role(Role.ADMIN), this::staffList),
                new Route("GET", AUDIT, Access.role(Role.ADMIN), this::auditLog),
                new Route("GET", AUDIT_CSV, Access.role(Role.ADMIN), this::auditExport),
                new Route("GET", CONTENT, Access.role(Role.EDITOR), this::contentList),
                new Route("POST", RESEND_MAIL, Access.role(Role.ADMIN), this::resendMail)));
        for (DashboardPanel panel : panels) {
            routes.add(new Route("GET", LISTS + "/" + panel.id() + ".csv", Access.role(panel.role()), ctx -> exportList(ctx, panel)));
        }
        return routes;
    }

    /** The check in front of a route: private headers always; then session, role and the form's token. */
    public Handler guarded(Route route) {
        return ctx -> {
            privateHeaders(ctx);
            if (!route.access().signedIn()) {
                route.handler().handle(ctx);
                return;
            }
            Optional<StaffSession> session;
            try {
                session = staff.session(ctx.cookie(COOKIE));
            } catch (DatabaseException e) {
                LOG.error("staff session could not be read: {}", e.getMessage());
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60");
                message(ctx, "The workspace is not available", "The database cannot be reached just now. Please try again in a minute.");
                return;
            }
            if (session.isEmpty()) {
                if (ctx.cookie(COOKIE) != null) {
                    clearCookie(ctx);
                }
                if (route.method().equals("GET")) {
                    ctx.redirect(SIGN_IN + "?next=" + java.net.URLEncoder.encode(ctx.path(), java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
                } else {
                    ctx.status(HttpStatus.UNAUTHORIZED);
                    message(ctx, "Signed out", "Your session has ended, so nothing was changed. Please sign in again.");
                }
                return;
            }
            if (route.access().role() != null && !session.get().account().role().allows(route.access().role())) {
                ctx.status(HttpStatus.FORBIDDEN);
                message(ctx, "Not for your role", "This page is for the " + route.access().role().label().toLowerCase(Locale.ROOT)
                        + " role; you are signed in as " + session.get().account().role().label().toLowerCase(Locale.ROOT) + ".");
                return;
            }
            if (!route.method().equals("GET") && !StaffService.csrfMatches(session.get(), formValue(ctx, CSRF_FIELD))) {
                ctx.status(HttpStatus.FORBIDDEN);
                message(ctx, "Not sent", "This form did not come from your own session of the workspace (or it is from before you last signed in), so nothing was changed. Go back, reload the page and try again.");
                return;
            }
            ctx.attribute(SESSION, session.get());
            route.handler().handle(ctx);
        };
    }

    /** Every answer under /admin (a 404 too) is neither cached nor indexed. */
    public static void markPrivate(Context ctx) {
        if (ctx.path().equals(PREFIX) || ctx.path().startsWith(PREFIX + "/")) {
            privateHeaders(ctx);
        }
    }

    static void privateHeaders(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    // --- sign-in ---

    void signInForm(Context ctx) {
        Optional<StaffSession> session = staff.session(ctx.cookie(COOKIE));
        if (session.isPresent()) {
            ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        String notice = "password-set".equals(ctx.queryParam("done")) ? "Your password is set. Sign in with it now." : null;
        renderSignIn(ctx, "", Map.of(), notice);
    }

    void signIn(Context ctx) {
        String email = formValue(ctx, "email");
        String password = formValue(ctx, "password");
        switch (crossSite.check(ctx, formValue(ctx, CrossSiteForms.TOKEN_FIELD))) {
            case CROSS_SITE -> {
                ctx.status(HttpStatus.FORBIDDEN);
                message(ctx, "Not signed in", "This sign-in form was sent from another website, so it was refused.");
                return;
            }
            case STALE -> {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                renderSignIn(ctx, email, Map.of("form", "The page was open for a long time; please sign in again."), null);
                return;
            }
            case ACCEPT -> {
                // on
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (email == null || email.isBlank()) {
            errors.put("email", "Enter your e-mail address");
        }
        if (password == null || password.isEmpty()) {
            errors.put("password", "Enter your password");
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderSignIn(ctx, email, errors, null);
            return;
        }
        StaffService.SignIn result;
        try {
            // Shared through the database with PostgreSQL: down, it fails as the password check would.
            SubmissionLimiter.Decision decision = signInLimiter.tryAcquire(ctx.ip());
            if (!decision.allowed()) {
                tooMany(ctx, email, decision.retryAfter());
                return;
            }
            result = staff.signIn(email, password, ctx.ip());
        } catch (DatabaseException e) {
            LOG.error("sign-in could not be checked: {}", e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60");
            renderSignIn(ctx, email, Map.of("form", "Signing in is not possible just now (the database cannot be reached). Please try again in a minute."), null);
            return;
        }
        if (result instanceof StaffService.SignedIn signedIn) {
            // A new id at every sign-in: a cookie planted before it is worth nothing after.
            ctx.cookie(new Cookie(COOKIE, signedIn.sessionId(), PREFIX, -1, https, true, null, SameSite.LAX));
            ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
        } else if (result instanceof StaffService.Locked locked) {
            tooMany(ctx, email, locked.retryAfter());
        } else {
            ctx.status(HttpStatus.UNAUTHORIZED);
            renderSignIn(ctx, email, Map.of("form", "The e-mail address or the password is not right."), null);
        }
    }

    private void tooMany(Context ctx, String email, Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
        renderSignIn(ctx, email, Map.of("form", "Too many sign-in attempts. Please wait " + (minutes == 1 ? "a minute" : minutes + " minutes")
                + " and try again, or ask an administrator for a new set-password link."), null);
    }

    /** Where to go after signing in: a workspace address only (never another site). */
    static String next(String next) {
        if (next != null && (next.equals(PREFIX) || next.startsWith(PREFIX + "/")) && !next.contains("//") && !next.contains("\\")
                && next.chars().allMatch(c -> c > ' ' && c < 127)) {
            return next;
        }
        return HOME;
    }

    private void renderSignIn(Context ctx, String email, Map<String, String> errors, String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Sign in to the staff workspace");
        model.put("email", email == null ? "" : email);
        model.put("errors", fieldErrors(errors, "email", "password"));
        model.put("summary", summary(errors));
        model.put("notice", notice);
        model.put("next", next(ctx.queryParam("next")));
        model.put("formToken", crossSite.token(ctx));
        views.renderUncached(ctx, store.snapshot(), "staff/sign-in", model);
    }

    // --- set password ---

    void setPasswordForm(Context ctx) {
        Optional<StaffAccount> account = staff.accountForLink(ctx.pathParam("token"));
        if (account.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            message(ctx, "This link does not work", "Set-password links work once and for three days. Ask an administrator for a new one.");
            return;
        }
        renderSetPassword(ctx, account.get(), Map.of());
    }

    void setPassword(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<StaffAccount> account = staff.accountForLink(token);
        if (account.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            message(ctx, "This link does not work", "Set-password links work once and for three days. Ask an administrator for a new one.");
            return;
        }
        if (crossSite.check(ctx, formValue(ctx, CrossSiteForms.TOKEN_FIELD)) != CrossSiteForms.Verdict.ACCEPT) {
            ctx.status(HttpStatus.FORBIDDEN);
            renderSetPassword(ctx, account.get(), Map.of("form", "The form could not be accepted; please reload the page and try again."));
            return;
        }
        String password = formValue(ctx, "password");
        String repeat = formValue(ctx, "repeat");
        Map<String, String> errors = new LinkedHashMap<>();
        String problem = StaffService.passwordProblem(password, account.get().email());
        if (problem != null) {
            errors.put("password", problem);
        } else if (!password.equals(repeat)) {
            errors.put("repeat", "The two passwords are not the same");
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderSetPassword(ctx, account.get(), errors);
            return;
        }
        if (staff.setPassword(token, password, ctx.ip()).isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            message(ctx, "This link does not work", "The link was used a moment ago. Ask an administrator for a new one.");
            return;
        }
        ctx.redirect(SIGN_IN + "?done=password-set", HttpStatus.SEE_OTHER);
    }

    private void renderSetPassword(Context ctx, StaffAccount account, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Set your password");
        model.put("account", account);
        model.put("minimum", StaffService.PASSWORD_MIN);
        model.put("errors", fieldErrors(errors, "password", "repeat"));
        model.put("summary", summary(errors));
        model.put("formToken", crossSite.token(ctx));
        views.renderUncached(ctx, store.snapshot(), "staff/set-password", model);
    }

    // --- signed in ---

    /** One list as the dashboard shows it: the panel, its rows after the filter, the filter, its CSV address. */
    public record PanelView(DashboardPanel panel, Listing listing, int total, String filter, String csv) {
    }

    void home(Context ctx) {
        StaffSession session = session(ctx);
        Map<String, Object> model = signedInModel(ctx, session, "Staff workspace");
        model.put("sessions", staff.sessionCount(session.account()));
        java.time.Instant now = clock.instant();
        List<PanelView> shown = new java.util.ArrayList<>();
        for (DashboardPanel panel : panels) {
            if (!panel.isFor(session.account())) {
                continue;
            }
            String filter = ctx.queryParam("filter-" + panel.id());
            Listing all = panel.listing().apply(session.account(), now);
            String csv = LISTS + "/" + panel.id() + ".csv" + (filter == null || filter.isBlank() ? ""
                    : "?filter=" + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8));
            shown.add(new PanelView(panel, all.filtered(filter), all.rows().size(), filter == null ? "" : filter, csv));
        }
        model.put("panels", shown);
        model.put("resent", ctx.queryParam("resent"));
        views.renderUncached(ctx, store.snapshot(), "staff/home", model);
    }

    /** A list as CSV (with the filter the dashboard had); exports are in the audit log. */
    void exportList(Context ctx, DashboardPanel panel) {
        StaffSession session = session(ctx);
        String filter = ctx.queryParam("filter");
        Listing listing = panel.listing().apply(session.account(), clock.instant()).filtered(filter);
        staff.audit(session.account(), "exported", panel.id() + ".csv, " + listing.rows().size() + " row(s)"
                + (filter == null || filter.isBlank() ? "" : ", filter '" + filter + "'"), ctx.ip());
        ctx.header("Content-Disposition", "attachment; filename=\"" + panel.id() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(listing.csv());
    }

    /** Every content file: filtered by type, status and words, a hundred at a time. */
    void contentList(Context ctx) {
        StaffSession session = session(ctx);
        var snapshot = store.snapshot();
        List<String> problems = new java.util.ArrayList<>();
        String type = blankToNull(ctx.queryParam("type"));
        if (type != null && snapshot.types().all().stream().noneMatch(t -> t.name().equals(type))) {
            problems.add("There is no content type '" + type + "'; choose one from the list.");
        }
        String statusKey = blankToNull(ctx.queryParam("status"));
        ContentIndex.Status status = statusKey == null ? null
                : java.util.Arrays.stream(ContentIndex.Status.values()).filter(st -> st.key().equals(statusKey)).findFirst().orElse(null);
        if (statusKey != null && status == null) {
            problems.add("There is no status '" + statusKey + "'; choose one from the list.");
        }
        int page = 1;
        String pageText = ctx.queryParam("page");
        if (pageText != null && !pageText.matches("[1-9][0-9]{0,5}")) {
            problems.add("'page' must be a page number like 2.");
        } else if (pageText != null) {
            page = Integer.parseInt(pageText);
        }
        String words = ctx.queryParam("q");
        ContentIndex.Result result = ContentIndex.find(ContentIndex.entries(snapshot, clock.instant()),
                problems.isEmpty() ? type : null, problems.isEmpty() ? status : null, words, page);
        Map<String, Object> model = signedInModel(ctx, session, "Content");
        model.put("result", result);
        model.put("types", snapshot.types().all());
        model.put("statuses", ContentIndex.Status.values());
        model.put("type", type == null ? "" : type);
        model.put("status", statusKey == null ? "" : statusKey);
        model.put("q", words == null ? "" : words);
        model.put("problems", problems);
        String query = "type=" + encode(type) + "&status=" + encode(statusKey) + "&q=" + encode(words);
        model.put("previousUrl", result.page() > 1 ? CONTENT + "?" + query + "&page=" + (result.page() - 1) : null);
        model.put("nextUrl", result.page() < result.pages() ? CONTENT + "?" + query + "&page=" + (result.page() + 1) : null);
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        views.renderUncached(ctx, snapshot, "staff/content", model);
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String encode(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    void resendMail(Context ctx) {
        StaffSession session = session(ctx);
        int count = resendFailedMail.getAsInt();
        staff.audit(session.account(), "resent-failed-mail", count + " message(s)", ctx.ip());
        ctx.redirect(HOME + "?resent=" + count, HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        StaffSession session = session(ctx);
        staff.signOut(ctx.cookie(COOKIE), session.account(), ctx.ip());
        clearCookie(ctx);
        ctx.redirect(SIGN_IN, HttpStatus.SEE_OTHER);
    }

    void signOutEverywhere(Context ctx) {
        StaffSession session = session(ctx);
        staff.signOutEverywhere(session.account(), ctx.ip());
        clearCookie(ctx);
        ctx.redirect(SIGN_IN, HttpStatus.SEE_OTHER);
    }

    void staffList(Context ctx) {
        StaffSession session = session(ctx);
        Map<String, Object> model = signedInModel(ctx, session, "Staff accounts");
        model.put("accounts", staff.accounts());
        views.renderUncached(ctx, store.snapshot(), "staff/accounts", model);
    }

    /** The audit log's filter as read from the address, with what could not be read. */
    private record AuditQuery(StaffService.AuditFilter filter, String who, String action, String from, String to, int page, List<String> problems) {
        String query() {
            return "who=" + encode(who) + "&action=" + encode(action) + "&from=" + encode(from) + "&to=" + encode(to);
        }
    }

    private AuditQuery auditQuery(Context ctx, ZoneId zone) {
        List<String> problems = new java.util.ArrayList<>();
        String who = blankToNull(ctx.queryParam("who"));
        String action = blankToNull(ctx.queryParam("action"));
        String from = blankToNull(ctx.queryParam("from"));
        String to = blankToNull(ctx.queryParam("to"));
        if (who != null && who.length() > 254) {
            problems.add("'Who' must be 254 characters or fewer (part of an e-mail address).");
        }
        java.time.LocalDate fromDay = day(from, "From", problems);
        java.time.LocalDate toDay = day(to, "To", problems);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.add("The 'To' date is before the 'From' date.");
        }
        int page = pageNumber(ctx.queryParam("page"), problems);
        StaffService.AuditFilter filter = problems.isEmpty()
                ? new StaffService.AuditFilter(who, action, fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                        toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant())
                : StaffService.AuditFilter.ALL;
        return new AuditQuery(filter, who, action, from, to, problems.isEmpty() ? page : 1, problems);
    }

    private static java.time.LocalDate day(String text, String label, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            problems.add("The '" + label + "' date must be a date like 2026-11-30.");
            return null;
        }
    }

    /** A page number from the address (1 when none); a problem for anything else. */
    public static int pageNumber(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        if (!text.strip().matches("[1-9][0-9]{0,5}")) {
            problems.add("'page' must be a page number like 2.");
            return 1;
        }
        return Integer.parseInt(text.strip());
    }

    void auditLog(Context ctx) {
        StaffSession session = session(ctx);
        Map<String, Object> model = signedInModel(ctx, session, "Audit log");
        ZoneId zone = store.snapshot().site().zone();
        AuditQuery query = auditQuery(ctx, zone);
        StaffService.AuditPage found = staff.auditLog(query.filter(), (query.page() - 1) * AUDIT_PAGE, AUDIT_PAGE);
        int pages = Math.max(1, (found.total() + AUDIT_PAGE - 1) / AUDIT_PAGE);
        if (query.page() > pages) {
            query.problems().add("There is no page " + query.page() + "; the last page is " + pages + ".");
        }
        model.put("entries", found.entries().stream().map(entry -> Map.of(
                "when", WHEN.format(entry.at().atZone(zone)), "iso", entry.at().toString(),
                "email", entry.email() == null ? "" : entry.email(), "action", entry.action(),
                "detail", entry.detail() == null ? "" : entry.detail(), "address", entry.address() == null ? "" : entry.address())).toList());
        model.put("total", found.total());
        model.put("page", query.page());
        model.put("pages", pages);
        model.put("who", query.who() == null ? "" : query.who());
        model.put("action", query.action() == null ? "" : query.action());
        model.put("from", query.from() == null ? "" : query.from());
        model.put("to", query.to() == null ? "" : query.to());
        model.put("actions", staff.auditActions());
        model.put("problems", query.problems());
        model.put("csvUrl", AUDIT_CSV + "?" + query.query());
        model.put("previousUrl", query.page() > 1 ? AUDIT + "?" + query.query() + "&page=" + (query.page() - 1) : null);
        model.put("nextUrl", query.page() < pages ? AUDIT + "?" + query.query() + "&page=" + (query.page() + 1) : null);
        if (!query.problems().isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        views.renderUncached(ctx, store.snapshot(), "staff/audit", model);
    }

    /** The filtered audit log as CSV (every entry the filter finds, up to a limit); the export is itself audited. */
    void auditExport(Context ctx) {
        StaffSession session = session(ctx);
        ZoneId zone = store.snapshot().site().zone();
        AuditQuery query = auditQuery(ctx, zone);
        if (!query.problems().isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            message(ctx, "Not exported", String.join(" ", query.problems()));
            return;
        }
        StaffService.AuditPage found = staff.auditLog(query.filter(), 0, EXPORT_MAX);
        List<List<String>> rows = found.entries().stream().map(entry -> List.of(entry.at().toString(),
                java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(zone)),
                entry.email() == null ? "" : entry.email(), entry.action(), entry.detail() == null ? "" : entry.detail(),
                entry.address() == null ? "" : entry.address())).toList();
        staff.audit(session.account(), "exported", "audit.csv, " + rows.size() + " row(s)" + (query.query().equals("who=&action=&from=&to=") ? ""
                : ", filter " + query.query()), ctx.ip());
        csvAttachment(ctx, "audit.csv", edu.rush.gme.csv.Spreadsheet.write(
                List.of("At (UTC)", "At (" + zone + ")", "Who", "Action", "Details", "From address"), rows));
    }

    /** At most this many rows in one export. */
    public static final int EXPORT_MAX = 100_000;

    /** Sends a CSV file as a download (never cached: the private headers are already set). */
    public static void csvAttachment(Context ctx, String filename, String csv) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }

    /** What every signed-in page's template needs: its title, the account, the form token, what the bar links to. */
    public static Map<String, Object> signedInModel(Context ctx, StaffSession session, String title) {
        return signedInModel(session, title);
    }

    /** The same, where no request is at hand. */
    public static Map<String, Object> signedInModel(StaffSession session, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("account", session.account());
        model.put("csrf", session.csrfToken());
        model.put("isAdmin", session.account().role().allows(Role.ADMIN));
        model.put("canEdit", session.account().role().allows(Role.EDITOR));
        model.put("canPublish", session.account().role().allows(Role.PUBLISHER));
        model.put("canCoordinate", session.account().role().allows(Role.COORDINATOR));
        return model;
    }

    /** The signed-in session of a request that passed {@link #guarded}. */
    public static StaffSession session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** The session {@link #guarded} checked, for the workspace's other controllers. */
    static StaffSession sessionOf(Context ctx) {
        return session(ctx);
    }

    private void clearCookie(Context ctx) {
        ctx.cookie(new Cookie(COOKIE, "", PREFIX, 0, https, true, null, SameSite.LAX));
    }

    private void message(Context ctx, String title, String text) {
        views.renderUncached(ctx, store.snapshot(), "staff/message", Map.of("title", title, "text", text));
    }

    private static String formValue(Context ctx, String name) {
        try {
            return ctx.formParam(name);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Map<String, String> fieldErrors(Map<String, String> errors, String... fields) {
        Map<String, String> byField = new HashMap<>();
        for (String field : fields) {
            byField.put(field, errors.get(field));
        }
        return byField;
    }

    /** One line of the error summary: its message and the field its link moves to (none for the whole form). */
    public record SummaryItem(String message, String anchor) {
    }

    private static List<SummaryItem> summary(Map<String, String> errors) {
        return errors.entrySet().stream().map(e -> new SummaryItem(e.getValue(), e.getKey().equals("form") ? null : e.getKey())).toList();
    }
}
