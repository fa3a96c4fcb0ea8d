package edu.rush.gme.coordinator;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.event.Event;
import edu.rush.gme.event.Registration;
import edu.rush.gme.event.RegistrationExport;
import edu.rush.gme.event.RegistrationService;
import edu.rush.gme.inquiry.Inquiry;
import edu.rush.gme.inquiry.InquiryExport;
import edu.rush.gme.inquiry.InquiryForm;
import edu.rush.gme.inquiry.InquiryService;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramContent;
import edu.rush.gme.staff.Role;
import edu.rush.gme.staff.StaffAccount;
import edu.rush.gme.staff.StaffController;
import edu.rush.gme.staff.StaffController.Access;
import edu.rush.gme.staff.StaffController.Route;
import edu.rush.gme.staff.StaffService;
import edu.rush.gme.staff.StaffSession;
import edu.rush.gme.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Coordinators' pages of the staff workspace: the inquiries of their programs (filtered, paged, one by
 * one, marked answered or not, exported as CSV) and their programs' events with who registered. An
 * administrator sees every program. What a coordinator may not see does not exist for them: the same
 * 404 as an address that names nothing. Every export and every mark is in the audit log.
 */
public final class CoordinatorController {

    public static final String INQUIRIES = StaffController.PREFIX + "/inquiries";
    public static final String INQUIRIES_CSV = INQUIRIES + ".csv";
    public static final String REGISTRATIONS = StaffController.PREFIX + "/registrations";
    static final int PAGE_SIZE = 50;
    static final int WORDS_MAX = 200;
    public static final String MARKED_ANSWERED = "marked-answered";
    public static final String MARKED_NOT_ANSWERED = "marked-not-answered";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, uuuu h:mm a z", Locale.US);
    private static final Access COORDINATOR = Access.role(Role.COORDINATOR);

    private final ContentStore store;
    private final Views views;
    private final StaffService staff;
    private final InquiryService inquiries;
    private final RegistrationService registrations;

    public CoordinatorController(ContentStore store, Views views, StaffService staff, InquiryService inquiries,
                                 RegistrationService registrations) {
        this.store = store;
        this.views = views;
        this.staff = staff;
        this.inquiries = inquiries;
        this.registrations = registrations;
    }

    /** The routes, for the URL map (each wrapped in the workspace's check) and the test that walks every route as every role. */
    public List<Route> routes() {
        return List.of(
                new Route("GET", INQUIRIES, COORDINATOR, this::inquiryList),
                new Route("GET", INQUIRIES_CSV, COORDINATOR, this::inquiryExport),
                new Route("GET", INQUIRIES + "/{reference}", COORDINATOR, this::inquiry),
                new Route("POST", INQUIRIES + "/{reference}/answered", COORDINATOR, this::markAnswered),
                new Route("GET", REGISTRATIONS, COORDINATOR, this::eventList),
                new Route("GET", REGISTRATIONS + "/{slug}.csv", COORDINATOR, this::registrationExport),
                new Route("GET", REGISTRATIONS + "/{slug}", COORDINATOR, this::eventRegistrations));
    }

    // --- who sees what ---

    /** The programs an account sees: null for every program (an administrator's), else a coordinator's own. */
    static List<String> allowedPrograms(StaffAccount account) {
        return account.role() == Role.ADMIN ? null : account.programs();
    }

    static boolean maySee(StaffAccount account, Inquiry inquiry) {
        List<String> allowed = allowedPrograms(account);
        return allowed == null || (inquiry.content().programSlug() != null && allowed.contains(inquiry.content().programSlug()));
    }

    static boolean maySee(StaffAccount account, Page<Event> event) {
        List<String> allowed = allowedPrograms(account);
        return allowed == null || (event != null && event.data().programsOrEmpty().stream().anyMatch(allowed::contains));
    }

    // --- inquiries ---

    /** The list's filter as read from the address, with what could not be read. */
    record InquiryQuery(InquiryService.Selection selection, String program, String answered, String words, int page, List<String> problems) {
        String query() {
            return "program=" + StaffController.encode(program) + "&answered=" + StaffController.encode(answered)
                    + "&q=" + StaffController.encode(words);
        }

        boolean filtered() {
            return program != null || answered != null || words != null;
        }
    }

    /** One program the filter offers: its slug (or "office") and its title. */
    public record ProgramChoice(String slug, String title) {
    }

    private List<ProgramChoice> programChoices(StaffAccount account, ContentSnapshot snapshot) {
        List<String> allowed = allowedPrograms(account);
        List<ProgramChoice> choices = new ArrayList<>();
        if (allowed == null) {
            for (Page<Program> program : snapshot.all(ProgramContent.TYPE)) {
                choices.add(new ProgramChoice(program.slug(), program.title()));
            }
            choices.sort(Comparator.comparing(ProgramChoice::title, String.CASE_INSENSITIVE_ORDER));
            choices.add(new ProgramChoice(InquiryForm.OFFICE, "The GME office (general questions)"));
        } else {
            for (String slug : allowed) {
                choices.add(new ProgramChoice(slug, snapshot.findAny(ProgramContent.TYPE, slug).map(Page::title).orElse(slug)));
            }
        }
        return choices;
    }

    private InquiryQuery inquiryQuery(Context ctx, StaffAccount account, List<ProgramChoice> choices) {
        List<String> problems = new ArrayList<>();
        String program = StaffController.blankToNull(ctx.queryParam("program"));
        if (program != null && choices.stream().noneMatch(choice -> choice.slug().equals(program))) {
            problems.add("There is no program '" + program + "' among yours; choose one from the list.");
        }
        String answered = StaffController.blankToNull(ctx.queryParam("answered"));
        if (answered != null && !answered.equals("yes") && !answered.equals("no")) {
            problems.add("'answered' must be 'yes' or 'no'; choose from the list.");
        }
        String words = StaffController.blankToNull(ctx.queryParam("q"));
        if (words != null && words.length() > WORDS_MAX) {
            problems.add("The words to look for must be " + WORDS_MAX + " characters or fewer.");
        }
        int page = StaffController.pageNumber(ctx.queryParam("page"), problems);
        InquiryService.Selection selection = problems.isEmpty()
                ? new InquiryService.Selection(allowedPrograms(account), program, answered == null ? null : answered.equals("yes"),
                        words == null ? List.of() : Arrays.asList(words.split("\\s+")))
                : new InquiryService.Selection(allowedPrograms(account), null, null, List.of());
        return new InquiryQuery(selection, program, answered, words, problems.isEmpty() ? page : 1, problems);
    }

    void inquiryList(Context ctx) {
        StaffSession session = StaffController.session(ctx);
        ContentSnapshot snapshot = store.snapshot();
        ZoneId zone = snapshot.site().zone();
        List<ProgramChoice> choices = programChoices(session.account(), snapshot);
        InquiryQuery query = inquiryQuery(ctx, session.account(), choices);
        InquiryService.Found found = inquiries.select(query.selection(), (query.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        int pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (query.page() > pages) {
            query.problems().add("There is no page " + query.page() + "; the last page is " + pages + ".");
        }
        Map<String, Object> model = StaffController.signedInModel(ctx, session, "Inquiries");
        model.put("rows", found.inquiries().stream().map(inquiry -> row(inquiry, zone)).toList());
        model.put("total", found.total());
        model.put("page", query.page());
        model.put("pages", pages);
        model.put("filtered", query.filtered());
        model.put("choices", choices);
        model.put("program", query.program() == null ? "" : query.program());
        model.put("answered", query.answered() == null ? "" : query.answered());
        model.put("q", query.words() == null ? "" : query.words());
        model.put("problems", query.problems());
        model.put("everyProgram", allowedPrograms(session.account()) == null);
        model.put("csvUrl", INQUIRIES_CSV + "?" + query.query());
        model.put("previousUrl", query.page() > 1 ? INQUIRIES + "?" + query.query() + "&page=" + (query.page() - 1) : null);
        model.put("nextUrl", query.page() < pages ? INQUIRIES + "?" + query.query() + "&page=" + (query.page() + 1) : null);
        if (!query.problems().isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        views.renderUncached(ctx, snapshot, "staff/inquiries", model);
    }

    /** One inquiry as the list and the page show it. */
    public record InquiryRow(String reference, String url, String received, String receivedIso, String program, String name, String email,
                             String applicant, String graduationYear, String question, String excerpt, String delivery, boolean answered,
                             String answeredBy, String answeredAt, String answeredIso, String channel) {
    }

    private static InquiryRow row(Inquiry inquiry, ZoneId zone) {
        String question = inquiry.content().message();
        String excerpt = question.length() <= 160 ? question : question.substring(0, question.offsetByCodePoints(0, question.codePointCount(0, 150))).strip() + "…";
        return new InquiryRow(inquiry.reference(), INQUIRIES + "/" + inquiry.reference(), WHEN.format(inquiry.receivedAt().atZone(zone)),
                inquiry.receivedAt().toString(), inquiry.content().programTitle(), inquiry.content().name(), inquiry.content().email(),
                inquiry.content().applicantType() == null ? "" : inquiry.content().applicantType().label(),
                inquiry.content().graduationYear() == null ? "" : inquiry.content().graduationYear().toString(), question, excerpt,
                inquiry.content().spam() ? "not sent (marked as spam)" : inquiry.delivery().label(), inquiry.isAnswered(),
                inquiry.answeredBy() == null ? "" : inquiry.answeredBy(),
                inquiry.answeredAt() == null ? "" : WHEN.format(inquiry.answeredAt().atZone(zone)),
                inquiry.answeredAt() == null ? "" : inquiry.answeredAt().toString(), inquiry.channel());
    }

    /** The filtered list (every page) as CSV, formula-like cells neutralized; the export is in the audit log. */
    void inquiryExport(Context ctx) {
        StaffSession session = StaffController.session(ctx);
        ContentSnapshot snapshot = store.snapshot();
        InquiryQuery query = inquiryQuery(ctx, session.account(), programChoices(session.account(), snapshot));
        if (!query.problems().isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            message(ctx, "Not exported", String.join(" ", query.problems()));
            return;
        }
        List<Inquiry> found = inquiries.select(query.selection(), 0, StaffController.EXPORT_MAX).inquiries();
        staff.audit(session.account(), "exported", "inquiries.csv, " + found.size() + " row(s)"
                + (query.filtered() ? ", filter " + query.query() : ""), ctx.ip());
        StaffController.csvAttachment(ctx, "inquiries.csv", InquiryExport.csv(found));
    }

    void inquiry(Context ctx) {
        StaffSession session = StaffController.session(ctx);
        Optional<Inquiry> inquiry = visibleInquiry(ctx, session.account());
        if (inquiry.isEmpty()) {
            return;
        }
        ContentSnapshot snapshot = store.snapshot();
        InquiryRow row = row(inquiry.get(), snapshot.site().zone());
        Map<String, Object> model = StaffController.signedInModel(ctx, session, "Inquiry " + row.reference());
        model.put("inquiry", row);
        model.put("paragraphs", paragraphs(row.question()));
        model.put("done", switch (String.valueOf(ctx.queryParam("done"))) {
            case "answered" -> "Marked as answered.";
            case "not-answered" -> "Marked as not answered.";
            default -> null;
        });
        views.renderUncached(ctx, snapshot, "staff/inquiry", model);
    }

    /** The question's paragraphs (blank lines between), each as its lines: printed escaped, line by line. */
    static List<List<String>> paragraphs(String text) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            paragraphs.add(paragraph.lines().map(String::strip).toList());
        }
        return paragraphs;
    }

    void markAnswered(Context ctx) {
        StaffSession session = StaffController.session(ctx);
        Optional<Inquiry> inquiry = visibleInquiry(ctx, session.account());
        if (inquiry.isEmpty()) {
            return;
        }
        String answered = formValue(ctx, "answered");
        if (!"yes".equals(answered) && !"no".equals(answered)) {
            ctx.status(HttpStatus.BAD_REQUEST);
            message(ctx, "Nothing changed", "The form must say whether the inquiry is answered ('yes' or 'no'). Go back, reload the page and try again.");
            return;
        }
        String reference = inquiry.get().reference();
        boolean yes = answered.equals("yes");
        // The mark and its audit entry in one transaction: neither without the other.
        String address = ctx.ip();
        edu.rush.gme.db.Database.Work<Void> audit = connection -> {
            staff.audit(connection, session.account(), yes ? MARKED_ANSWERED : MARKED_NOT_ANSWERED, "inquiry " + reference, address);
            return null;
        };
        if (yes) {
            inquiries.markAnswered(reference, session.account().email(), audit);
        } else {
            inquiries.markNotAnswered(reference, audit);
        }
        ctx.redirect(INQUIRIES + "/" + reference + "?done=" + (yes ? "answered" : "not-answered"), HttpStatus.SEE_OTHER);
    }

    /** The inquiry the address names, if the account may see it; otherwise a 404 has been answered (the same for both). */
    private Optional<Inquiry> visibleInquiry(Context ctx, StaffAccount account) {
        Optional<Inquiry> inquiry = inquiries.find(ctx.pathParam("reference")).filter(found -> maySee(account, found));
        if (inquiry.isEmpty()) {
            notFound(ctx, "No such inquiry", "There is no inquiry with this reference among your programs'. Check the reference, or go back to the list of inquiries.");
        }
        return inquiry;
    }

    // --- registrations ---

    /** One event as the registrations page lists it. */
    public record EventRow(String slug, String title, String when, String programs, long confirmed, long waitlisted, long cancelled,
                           String seatsLeft, String url, long sortKey) {
    }

    void eventList(Context ctx) {
        StaffSession session = StaffController.session(ctx);
        ContentSnapshot snapshot = store.snapshot();
        ZoneId zone = snapshot.site().zone();
        Map<String, RegistrationService.Tally> tallies = registrations.tallies();
        List<EventRow> rows = new ArrayList<>();
        for (Page<Event> event : snapshot.all(Event.TYPE)) {
            if (!maySee(session.account(), event)) {
                continue;
            }
            RegistrationService.Tally tally = tallies.get(event.slug());
            rows.add(new EventRow(event.slug(), event.title(), event.data().dayText() + ", " + event.data().timeText(zone),
                    programTitles(snapshot, event.data().programsOrEmpty()), tally == null ? 0 : tally.confirmed(),
                    tally == null ? 0 : tally.waitlisted(), tally == null ? 0 : tally.cancelled(),
                    seatsLeft(event),
                    REGISTRATIONS + "/" + event.slug(), -event.data().startsAt(zone).toInstant().getEpochSecond()));
        }
        rows.sort(Comparator.comparingLong(EventRow::sortKey));
        if (allowedPrograms(session.account()) == null) {
            // Registrations for an event whose file is gone: only an administrator sees them (they name no program).
            for (Map.Entry<String, RegistrationService.Tally> entry : tallies.entrySet()) {
                if (snapshot.findAny(Event.TYPE, entry.getKey()).isEmpty()) {
                    RegistrationService.Tally tally = entry.getValue();
                    rows.add(new EventRow(entry.getKey(), entry.getKey() + " (no longer in the content)", "", "", tally.confirmed(),
                            tally.waitlisted(), tally.cancelled(), "", REGISTRATIONS + "/" + entry.getKey(), 0));
                }
            }
        }
        Map<String, Object> model = StaffController.signedInModel(ctx, session, "Event registrations");
        model.put("events", rows);
        views.renderUncached(ctx, snapshot, "staff/registrations", model);
    }

    /** One registration as the event's page lists it. */
    public record RegistrationRow(String name, String email, String applicant, String programs, String accessibility, String status,
                                  String position, String registered, String registeredIso) {
    }

    void eventRegistrations(Context ctx) {
        StaffSession session = StaffController.session(ctx);
        ContentSnapshot snapshot = store.snapshot();
        String slug = ctx.pathParam("slug");
        Optional<Page<Event>> event = visibleEvent(ctx, session.account(), snapshot, slug);
        if (event == null) {
            return;
        }
        ZoneId zone = snapshot.site().zone();
        List<RegistrationRow> rows = registrations.list(slug).stream().map(registration -> new RegistrationRow(registration.name(),
                registration.email(), registration.applicantType() == null ? "" : registration.applicantType().label(),
                programTitles(snapshot, registration.programs()), registration.accessibility() == null ? "" : registration.accessibility(),
                registration.status().key(), registration.position() == null ? "" : registration.position().toString(),
                WHEN.format(registration.registeredAt().atZone(zone)), registration.registeredAt().toString())).toList();
        Map<String, Object> model = StaffController.signedInModel(ctx, session,
                "Registrations: " + event.map(Page::title).orElse(slug));
        model.put("eventTitle", event.map(Page::title).orElse(slug));
        model.put("eventUrl", event.map(Page::url).orElse(null));
        model.put("when", event.map(e -> e.data().dayText() + ", " + e.data().timeText(zone)).orElse(""));
        model.put("registrations", rows);
        model.put("confirmed", rows.stream().filter(row -> row.status().equals(Registration.Status.CONFIRMED.key())).count());
        model.put("waitlisted", rows.stream().filter(row -> row.status().equals(Registration.Status.WAITLISTED.key())).count());
        model.put("csvUrl", REGISTRATIONS + "/" + slug + ".csv");
        views.renderUncached(ctx, snapshot, "staff/registrations-event", model);
    }

    /** An event's registrations as CSV, with the columns of {@code export-registrations}; the export is in the audit log. */
    void registrationExport(Context ctx) {
        StaffSession session = StaffController.session(ctx);
        ContentSnapshot snapshot = store.snapshot();
        String slug = ctx.pathParam("slug");
        if (visibleEvent(ctx, session.account(), snapshot, slug) == null) {
            return;
        }
        List<Registration> found = registrations.list(slug);
        staff.audit(session.account(), "exported", "registrations for " + slug + ", " + found.size() + " row(s)", ctx.ip());
        StaffController.csvAttachment(ctx, "registrations-" + slug + ".csv", RegistrationExport.csv(found, snapshot.site().zone()));
    }

    /**
     * The event the address names if the account may see it (empty: an administrator looking at
     * registrations whose event file is gone); null when a 404 has been answered.
     */
    private Optional<Page<Event>> visibleEvent(Context ctx, StaffAccount account, ContentSnapshot snapshot, String slug) {
        Optional<Page<Event>> event = slug.matches("[a-z0-9][a-z0-9-]{0,150}") ? snapshot.findAny(Event.TYPE, slug) : Optional.empty();
        boolean visible = event.isPresent() ? maySee(account, event.get())
                : allowedPrograms(account) == null && slug.matches("[a-z0-9][a-z0-9-]{0,150}") && registrations.tallies().containsKey(slug);
        if (!visible) {
            notFound(ctx, "No such event", "There is no event with this address among your programs'. Go back to the list of events.");
            return null;
        }
        return event;
    }

    private String seatsLeft(Page<Event> event) {
        Integer left = registrations.seatsLeft(event);
        return left == null ? "No limit" : left.toString();
    }

    private static String programTitles(ContentSnapshot snapshot, List<String> slugs) {
        List<String> titles = new ArrayList<>();
        for (String slug : slugs) {
            titles.add(snapshot.findAny(ProgramContent.TYPE, slug).map(Page::title).orElse(slug));
        }
        return String.join(", ", titles);
    }

    // --- helpers ---

    private void notFound(Context ctx, String title, String text) {
        ctx.status(HttpStatus.NOT_FOUND);
        message(ctx, title, text);
    }

    private void message(Context ctx, String title, String text) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        model.put("text", text);
        views.renderUncached(ctx, store.snapshot(), "staff/message", model);
    }

    private static String formValue(Context ctx, String name) {
        try {
            return ctx.formParam(name);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
