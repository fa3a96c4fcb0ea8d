package edu.rush.gme.inquiry;

import edu.rush.gme.program.ProgramContent;
import com.fasterxml.jackson.databind.JsonNode;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.db.DatabaseException;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramNames;
import edu.rush.gme.program.ProgramType;
import edu.rush.gme.web.CrossSiteForms;
import edu.rush.gme.web.Paths;
import edu.rush.gme.web.Problems;
import edu.rush.gme.web.SubmissionLimiter;
import edu.rush.gme.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Ask a question": the inquiry form (a program may be chosen from its page), its confirmation page
 * and the same through the JSON API. A form with mistakes comes back with an error summary, a
 * message at each field and everything the applicant typed.
 */
public final class InquiryController {

    private static final Logger LOG = LoggerFactory.getLogger(InquiryController.class);
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' h:mm a", Locale.US);

    /** The programs of one type, for one group of the form's program list. */
    public record ProgramGroup(String label, List<Page<Program>> programs) {
    }

    private final ContentStore store;
    private final Views views;
    private final InquiryService inquiries;
    private final SubmissionLimiter limiter;
    private final CrossSiteForms crossSite;

    public InquiryController(ContentStore store, Views views, InquiryService inquiries, SubmissionLimiter limiter, CrossSiteForms crossSite) {
        this.store = store;
        this.views = views;
        this.inquiries = inquiries;
        this.limiter = limiter;
        this.crossSite = crossSite;
    }

    /**
     * The program field when the site has more programs than the form can list
     * ({@link ProgramNames#FORM_LIST_MAX}): the name typed (or the chosen program's title), whether
     * the office box is ticked, and the programs to choose from when the name was not one program.
     */
    public record NamedProgram(String typed, boolean office, List<ProgramNames.Match> choices) {
        static final NamedProgram EMPTY = new NamedProgram("", false, List.of());
    }

    /** The empty form; {@code ?program=slug} chooses the program. */
    public void form(Context ctx) {
        String program = ctx.queryParam("program");
        ContentSnapshot snapshot = store.snapshot();
        String notice = null;
        boolean many = ProgramNames.tooManyToList(snapshot, store.now());
        if (program != null && !program.isBlank() && !program.equals(InquiryForm.OFFICE) && snapshot.find(ProgramContent.TYPE, program, store.now()).isEmpty()) {
            notice = many ? "We could not find the program you asked about. Type its name below."
                    : "We could not find the program you asked about. Choose it from the list below.";
            program = null;
        }
        NamedProgram named = null;
        if (many) {
            Page<Program> chosen = program == null || program.equals(InquiryForm.OFFICE) ? null : snapshot.find(ProgramContent.TYPE, program, store.now()).orElse(null);
            named = new NamedProgram(chosen == null ? "" : chosen.title(), InquiryForm.OFFICE.equals(program), List.of());
        }
        render(ctx, InquiryForm.empty(program), Map.of(), notice, named);
    }

    /**
     * The form that asks for a name: its program worked out from the ticked office box, a chosen
     * program (one of the choices, or the one the script's list picked) or the typed name; with the
     * message for the program field when that is not one program.
     */
    private record ReadProgram(InquiryForm form, NamedProgram named, String error) {
    }

    private ReadProgram readProgram(Context ctx, InquiryForm form, Map<String, String> values) {
        ContentSnapshot snapshot = store.snapshot();
        java.util.function.Predicate<String> shown = ProgramNames.visible(snapshot, store.now());
        ProgramNames names = ProgramNames.of(snapshot);
        String typed = values.getOrDefault(PROGRAM_NAME, "").strip();
        boolean office = values.get(OFFICE_BOX) != null;
        String picked = ctx.formParams("program").stream().filter(v -> !v.isBlank()).findFirst().orElse(null);
        if (office && (picked == null || picked.equals(InquiryForm.OFFICE)) && typed.isEmpty()) {
            return new ReadProgram(withProgram(form, InquiryForm.OFFICE), new NamedProgram("", true, List.of()), null);
        }
        if (office) {
            return new ReadProgram(withProgram(form, null), new NamedProgram(typed, true, List.of()),
                    "Either type a program's name or tick the box for a general question to the office, not both");
        }
        ProgramNames.Match match = names.find(picked, shown);
        if (match != null) {
            ProgramNames.Resolution again = names.resolve(match.title(), shown);
            // A title two programs share: the choices stay on the page, this one ticked.
            return new ReadProgram(withProgram(form, match.slug()), new NamedProgram(match.title(), false, again.unique() ? List.of() : again.choices()), null);
        }
        if (typed.isEmpty()) {
            return new ReadProgram(withProgram(form, null), NamedProgram.EMPTY,
                    "Type the name of a program, or tick the box for a general question to the office");
        }
        ProgramNames.Resolution resolution = names.resolve(typed, shown);
        if (resolution.unique()) {
            return new ReadProgram(withProgram(form, resolution.match().slug()), new NamedProgram(resolution.match().title(), false, List.of()), null);
        }
        String shownTyped = typed.length() > 60 ? typed.substring(0, 60) + "…" : typed;
        return new ReadProgram(withProgram(form, null), new NamedProgram(typed, false, resolution.choices()), resolution.choices().isEmpty()
                ? "We could not find a program called '" + shownTyped + "': check the spelling, or type one word of its name, such as Surgery"
                : "More than one program matches '" + shownTyped + "': choose one below, or type its full name");
    }

    private static InquiryForm withProgram(InquiryForm form, String program) {
        return new InquiryForm(program, form.name(), form.email(), form.applicantType(), form.graduationYear(), form.message(), form.website());
    }

    /** The large form's fields: the typed name, and the box for a general question to the office. */
    static final String PROGRAM_NAME = "programName";
    static final String OFFICE_BOX = "office";

    /** The form sent from a browser: the confirmation page on success, else the form with messages. */
    public void submit(Context ctx) {
        Map<String, String> values;
        InquiryForm form;
        try {
            values = firstValues(ctx);
            form = InquiryForm.of(values);
        } catch (IllegalArgumentException unreadable) {
            // A body in a character set nobody knows, or a malformed multipart body (no browser sends either).
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, InquiryForm.empty(null), Map.of("form", "We could not read the form as it was sent. Please fill it in and send it again."), null,
                    ProgramNames.tooManyToList(store.snapshot(), store.now()) ? NamedProgram.EMPTY : null);
            return;
        }
        // Too many programs to list: the form sent a name (or a choice) instead of a slug from a list.
        NamedProgram named = null;
        String programError = null;
        if (ProgramNames.tooManyToList(store.snapshot(), store.now())) {
            if (values.containsKey(PROGRAM_NAME) || values.containsKey(OFFICE_BOX)) {
                ReadProgram read = readProgram(ctx, form, values);
                form = read.form();
                named = read.named();
                programError = read.error();
            } else {
                named = new NamedProgram(form.program() == null ? "" : form.program(), false, List.of());
            }
        }
        switch (crossSite.check(ctx, values.get(CrossSiteForms.TOKEN_FIELD))) {
            case CROSS_SITE -> {
                LOG.warn("refused a question posted from another site (Origin {}, Sec-Fetch-Site {})", ctx.header("Origin"), ctx.header("Sec-Fetch-Site"));
                ctx.status(HttpStatus.FORBIDDEN);
                views.renderUncached(ctx, store.snapshot(), "inquiry/cross-site", Map.of("title", "Question not sent"));
                return;
            }
            case STALE -> {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                render(ctx, form, Map.of("form", "This form was open for a long time (or your connection changed), so for your safety "
                        + "it was not sent. Your answers are kept below: check them and send the form again."), null, named);
                return;
            }
            case ACCEPT -> {
                // on to the checks
            }
        }
        InquiryService.Checked checked = inquiries.check(form);
        if (checked instanceof InquiryService.Invalid || programError != null) {
            Map<String, String> found = checked instanceof InquiryService.Invalid invalid ? invalid.errors() : Map.of();
            Map<String, String> errors = programError == null ? found : new LinkedHashMap<>();
            if (programError != null) {
                for (String field : InquiryForm.FIELDS) {
                    String message = field.equals("program") ? programError : found.get(field);
                    if (message != null) {
                        errors.put(field, message);
                    }
                }
                found.forEach(errors::putIfAbsent);
            }
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, form, errors, null, named);
            return;
        }
        NewInquiry inquiry = ((InquiryService.Valid) checked).inquiry();
        try {
            // The limit is kept in the database with PostgreSQL: down, it fails as the write below would (503, answers kept).
            SubmissionLimiter.Decision decision = limiter.tryAcquire(ctx.ip());
            if (!decision.allowed()) {
                ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(decision.retryAfterSeconds()));
                render(ctx, form, Map.of("form", "You have sent several questions in a short time. Your question is kept below: please send it again in "
                        + decision.waitText() + "."), null, named);
                return;
            }
            Inquiry stored = inquiries.receive(inquiry, "form");
            ctx.redirect(Paths.inquiry(stored.reference()), HttpStatus.SEE_OTHER);
        } catch (DatabaseException e) {
            LOG.error("inquiry for {} could not be stored: {}", inquiry.programTitle(), e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "120");
            render(ctx, form, Map.of("form", "We could not save your question just now. It is kept below: please send it again in a few minutes"
                    + (inquiry.recipient() == null ? "." : ", or e-mail " + inquiry.recipient() + ".")), null, named);
        }
    }

    /** "Question sent": what was sent to whom, and the reference to quote. */
    public void sent(Context ctx) {
        Inquiry inquiry = inquiries.find(ctx.pathParam("reference")).orElseThrow(NotFoundResponse::new);
        ContentSnapshot snapshot = store.snapshot();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Question sent");
        model.put("inquiry", inquiry);
        model.put("maskedEmail", mask(inquiry.content().email()));
        model.put("receiptSent", inquiries.sendsMail() && !inquiry.content().spam());
        model.put("mailOn", inquiries.sendsMail());
        model.put("hasAddress", inquiry.content().recipient() != null);
        model.put("answerer", answerer(snapshot, inquiry, store.now()));
        model.put("answerTime", snapshot.site().contact() == null ? null : snapshot.site().contact().answerTime());
        model.put("received", RECEIVED.format(inquiry.receivedAt().atZone(snapshot.site().zone())));
        String slug = inquiry.content().programSlug();
        model.put("programUrl", slug != null && snapshot.find(ProgramContent.TYPE, slug, store.now()).isPresent() ? Paths.program(slug) : null);
        ctx.header("X-Robots-Tag", "noindex");
        views.renderUncached(ctx, snapshot, "inquiry/sent", model);
    }

    /** Who will answer, in words: the program's coordinator (by name when content gives one), else the office. */
    static String answerer(ContentSnapshot snapshot, Inquiry inquiry, java.time.Instant now) {
        String office = snapshot.site().officeName();
        String slug = inquiry.content().programSlug();
        if (slug == null || inquiry.content().recipient() == null) {
            return "the " + office;
        }
        var coordinator = snapshot.find(ProgramContent.TYPE, slug, now).map(p -> p.data().coordinator()).orElse(null);
        if (coordinator == null || coordinator.email() == null || !coordinator.email().equalsIgnoreCase(inquiry.content().recipient())) {
            return "the " + office;
        }
        String program = inquiry.content().programTitle();
        return coordinator.name() == null || coordinator.name().isBlank()
                ? "the coordinator of the " + program + " program"
                : coordinator.name() + ", coordinator of the " + program + " program";
    }

    /** JSON: {@code POST /api/v1/inquiries}; 201 with the reference, or a problem document. */
    public void api(Context ctx) {
        JsonNode body = Problems.jsonObject(ctx, "the inquiry");
        if (body == null) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        List<Map<String, String>> typeErrors = new ArrayList<>();
        for (String field : InquiryForm.FIELDS) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isTextual() || value.isNumber()) {
                values.put(field, value.asText());
            } else {
                typeErrors.add(Map.of("field", field, "detail", "'" + field + "' must be a string"));
            }
        }
        JsonNode trap = body.get("website");
        if (trap != null && trap.isTextual()) {
            values.put("website", trap.asText());
        }
        if (!typeErrors.isEmpty()) {
            Problems.send(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "Invalid inquiry", "Some fields have the wrong type", Map.of("errors", typeErrors));
            return;
        }
        InquiryService.Checked checked = inquiries.check(InquiryForm.of(values));
        if (checked instanceof InquiryService.Invalid invalid) {
            Problems.invalidFields(ctx, "Invalid inquiry", invalid.errors());
            return;
        }
        NewInquiry inquiry = ((InquiryService.Valid) checked).inquiry();
        try {
            SubmissionLimiter.Decision decision = limiter.tryAcquire(ctx.ip());
            if (!decision.allowed()) {
                Problems.tooMany(ctx, "Too many inquiries", "inquiries", decision);
                return;
            }
            Inquiry stored = inquiries.receive(inquiry, "api");
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("reference", stored.reference());
            answer.put("program", inquiry.programSlug() == null ? InquiryForm.OFFICE : inquiry.programSlug());
            answer.put("programTitle", inquiry.programTitle());
            answer.put("receivedAt", stored.receivedAt().toString());
            answer.put("url", Paths.inquiry(stored.reference()));
            ctx.header("Location", Paths.inquiry(stored.reference())).header("Cache-Control", "no-store");
            ctx.status(HttpStatus.CREATED).json(answer);
        } catch (DatabaseException e) {
            LOG.error("inquiry for {} could not be stored: {}", inquiry.programTitle(), e.getMessage());
            ctx.header("Retry-After", "120");
            Problems.send(ctx, HttpStatus.SERVICE_UNAVAILABLE, "Inquiry not stored", "The inquiry could not be stored just now; send it again in a few minutes", Map.of());
        }
    }

    /** The form; {@code named} is the program field's state when it asks for a name (null: the list of every program). */
    private void render(Context ctx, InquiryForm form, Map<String, String> errors, String notice, NamedProgram named) {
        ContentSnapshot snapshot = store.snapshot();
        Instant now = store.now();
        Map<String, Object> model = new HashMap<>();
        Page<Program> chosen = form.program() == null ? null : snapshot.find(ProgramContent.TYPE, form.program(), now).orElse(null);
        model.put("title", chosen == null ? "Ask a question" : "Ask a question about " + chosen.title());
        String organization = snapshot.site().organization() != null ? snapshot.site().organization() : snapshot.site().name();
        model.put("description", "Send a question to a program's coordinator, or to the office, at " + organization + ".");
        model.put("form", form);
        model.put("canonicalPath", Paths.NEW_INQUIRY);
        model.put("chosen", chosen);
        // Without a coordinator's address the question goes to the office, and the page says so.
        model.put("viaOffice", chosen != null && InquiryService.coordinatorEmail(chosen) == null);
        model.put("office", snapshot.site().officeName());
        model.put("officeHasAddress", snapshot.site().contact() != null && snapshot.site().contact().email() != null);
        // Every field has an entry (null when it is fine), so templates can ask about any of them.
        Map<String, String> byField = new HashMap<>();
        InquiryForm.FIELDS.forEach(field -> byField.put(field, errors.get(field)));
        model.put("errors", byField);
        model.put("summary", summary(errors));
        model.put("notice", notice);
        model.put("officeKey", InquiryForm.OFFICE);
        model.put("named", named);
        model.put("groups", named != null ? List.of() : groups(snapshot, now));
        model.put("programNamesApi", ProgramNames.API);
        model.put("applicantTypes", Arrays.asList(ApplicantType.values()));
        model.put("messageMax", String.format(Locale.US, "%,d", InquiryService.MESSAGE_MAX));
        model.put("messageMaxNumber", InquiryService.MESSAGE_MAX);
        model.put("formToken", crossSite.token(ctx));
        views.renderUncached(ctx, snapshot, "inquiry/new", model);
    }

    /** One line of the error summary: the message, and the id of the control its link moves to (none for the whole form). */
    public record SummaryItem(String message, String anchor) {
    }

    private static List<SummaryItem> summary(Map<String, String> errors) {
        return errors.entrySet().stream().map(error -> new SummaryItem(error.getValue(), switch (error.getKey()) {
            case "form" -> null;
            // A group of radios: the link goes to the first of them (a fieldset cannot take the focus).
            case "applicantType" -> "applicantType-" + ApplicantType.values()[0].key();
            default -> error.getKey();
        })).toList();
    }

    private static List<ProgramGroup> groups(ContentSnapshot snapshot, Instant now) {
        List<ProgramGroup> groups = new ArrayList<>();
        for (ProgramType type : ProgramType.values()) {
            List<Page<Program>> programs = ProgramContent.ofType(snapshot, type, now).stream().sorted(Comparator.comparing(Page::title)).toList();
            if (!programs.isEmpty()) {
                groups.add(new ProgramGroup(type.listTitle(), programs));
            }
        }
        return groups;
    }

    /** The first value of each field; IllegalArgumentException when the body cannot be read as a form. */
    private static Map<String, String> firstValues(Context ctx) {
        Map<String, List<String>> fields;
        try {
            fields = ctx.formParamMap();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception malformed) {
            // A multipart body that is not what its header says: Jetty's ServletException, thrown unchecked through Kotlin.
            throw new IllegalArgumentException(malformed);
        }
        Map<String, String> values = new HashMap<>();
        fields.forEach((name, list) -> {
            if (!list.isEmpty()) {
                values.put(name, list.get(0));
            }
        });
        return values;
    }

    /** "m•••@example.com": enough to recognise one's own address on a shared screen, not to read it. */
    static String mask(String email) {
        return edu.rush.gme.mail.MailAddresses.masked(email);
    }
}
