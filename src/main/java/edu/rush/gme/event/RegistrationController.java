package edu.rush.gme.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.db.DatabaseException;
import edu.rush.gme.inquiry.ApplicantType;
import edu.rush.gme.mail.MailAddresses;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramContent;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registering for an event: the form ({@code /events/{slug}/register}), the registrant's own page
 * ({@code /registrations/{signed token}}, the only page with the join link) with its cancel button,
 * and the same registration as JSON. The protections and error handling are the inquiry form's:
 * cross-site posts refused, a trap field for robots, a limit per client address, every answer kept
 * when the form comes back with messages, and a page that says so when the database is down.
 */
public final class RegistrationController {

    /**
     * Accepted registrations per client address: ten in ten minutes (an applicant may sign up for
     * several sessions in one evening), then one a minute; counted apart from inquiries.
     */
    public static final int PER_ADDRESS = 10;
    public static final java.time.Duration PER_ADDRESS_WINDOW = java.time.Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationController.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REGISTERED = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' h:mm a zzz", Locale.US);

    /** A group of the form's "other programs" (by program type). */
    public record ProgramGroup(String label, List<Page<Program>> programs) {
    }

    /**
     * Programs added by name, when the site has more programs than the form can list
     * ({@link ProgramNames#FORM_LIST_MAX}): the ticked ones besides the event's own, what was typed
     * and not yet one program, and the programs it might mean.
     */
    public record AddByName(List<Page<Program>> added, String typed, List<ProgramNames.Match> choices) {
    }

    /** The large form's field for a program's name, and its "Add" button. */
    static final String ADD_NAME = "addProgram";
    static final String ADD_BUTTON = "add";
    /** The id of that field: programs-name (the error summary links to it). */
    private static final String NAME_FIELD_SUFFIX = "name";

    /** One line of the error summary: the message and the id of the control its link moves to (none for the whole form). */
    public record SummaryItem(String message, String anchor) {
    }

    private final ContentStore store;
    private final Views views;
    private final RegistrationService registrations;
    private final SubmissionLimiter limiter;
    private final CrossSiteForms crossSite;
    private final EventCalendar calendar;

    public RegistrationController(ContentStore store, Views views, RegistrationService registrations, SubmissionLimiter limiter,
                                  CrossSiteForms crossSite, String baseUrl) {
        this.store = store;
        this.views = views;
        this.registrations = registrations;
        this.limiter = limiter;
        this.crossSite = crossSite;
        this.calendar = new EventCalendar(baseUrl);
    }

    private Page<Event> event(String slug) {
        return store.snapshot().find(Event.TYPE, slug, store.now()).orElseThrow(NotFoundResponse::new);
    }

    /** {@code GET /events/{slug}/register}: the empty form, the event's own programs ticked; or why it takes no registrations. */
    public void form(Context ctx, String slug) {
        Page<Event> event = event(slug);
        render(ctx, event, RegistrationForm.empty(), Set.copyOf(event.data().programsOrEmpty()), Map.of());
    }

    /** A typed program name read: the programs ticked with it added, the text left when it is not one program, its choices and message. */
    private record Named(List<String> ticked, String typed, List<ProgramNames.Match> choices, String error) {
    }

    private Named readName(String typedText, List<String> ticked, Page<Event> event) {
        ContentSnapshot snapshot = store.snapshot();
        java.util.function.Predicate<String> shown = ProgramNames.visible(snapshot, store.now());
        List<String> programs = new ArrayList<>(ticked);
        String typed = typedText == null ? "" : typedText.strip();
        if (typed.isEmpty()) {
            return new Named(programs, "", List.of(), null);
        }
        ProgramNames.Resolution resolution = ProgramNames.of(snapshot).resolve(typed, shown);
        if (resolution.unique()) {
            if (!programs.contains(resolution.match().slug())) {
                programs.add(resolution.match().slug());
            }
            return new Named(programs, "", List.of(), null);
        }
        // One of the programs offered last time ticked: the name has done its work.
        if (resolution.choices().stream().anyMatch(m -> programs.contains(m.slug()))) {
            return new Named(programs, "", List.of(), null);
        }
        List<String> own = event.data().programsOrEmpty();
        List<ProgramNames.Match> choices = resolution.choices().stream().filter(m -> !own.contains(m.slug())).toList();
        String quoted = typed.length() > 60 ? typed.substring(0, 60) + "…" : typed;
        return new Named(programs, typed, choices, resolution.choices().isEmpty()
                ? "We could not find a program called '" + quoted + "': check the spelling, or type one word of its name, such as Surgery"
                : "More than one program matches '" + quoted + "': tick the one you mean below, or type its full name");
    }

    /** {@code POST /events/{slug}/register}: the registrant's page (a new registration), the "check your e-mail" page, or the form with messages. */
    public void submit(Context ctx, String slug) {
        Page<Event> event = event(slug);
        RegistrationForm form;
        try {
            form = RegistrationForm.of(fields(ctx));
        } catch (IllegalArgumentException unreadable) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, event, RegistrationForm.empty(), Set.of(), Map.of("form",
                    "We could not read the form as it was sent. Please fill it in and send it again."));
            return;
        }
        Set<String> ticked = Set.copyOf(form.programs());
        // Too many programs to list: a name typed to add one (the "Add" button only adds; Register adds it too).
        Named named = null;
        String typed = ctx.formParam(ADD_NAME);
        if (ProgramNames.tooManyToList(store.snapshot(), store.now())) {
            named = readName(typed, form.programs(), event);
            form = new RegistrationForm(form.name(), form.email(), form.applicantType(), named.ticked(), form.accessibility(), form.website());
            ticked = Set.copyOf(named.ticked());
        }
        String token = ctx.formParam(CrossSiteForms.TOKEN_FIELD);
        switch (crossSite.check(ctx, token)) {
            case CROSS_SITE -> {
                refuseCrossSite(ctx, "Registration not sent", event);
                return;
            }
            case STALE -> {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                render(ctx, event, form, ticked, Map.of("form", "This form was open for a long time (or your connection changed), so for your safety "
                        + "it was not sent. Your answers are kept below: check them and send the form again."), named);
                return;
            }
            case ACCEPT -> {
                // on to the checks
            }
        }
        if (named != null && ctx.formParam(ADD_BUTTON) != null && typed != null && !typed.isBlank()) {
            if (named.error() != null) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            }
            render(ctx, event, form, ticked, named.error() == null ? Map.of() : Map.of("programs", named.error()), named);
            return;
        }
        RegistrationState state = RegistrationState.of(event.data(), store.now(), store.snapshot().site().zone());
        if (!state.isOpen()) {
            // Registration closed (or was not yet open) while the form was open: the page says why, with no form.
            ctx.status(HttpStatus.CONFLICT);
            render(ctx, event, form, ticked, Map.of());
            return;
        }
        RegistrationService.Checked checked = registrations.check(event, form);
        if (checked instanceof RegistrationService.Invalid || (named != null && named.error() != null)) {
            Map<String, String> found = checked instanceof RegistrationService.Invalid invalid ? invalid.errors() : Map.of();
            Map<String, String> errors = found;
            if (named != null && named.error() != null) {
                errors = new LinkedHashMap<>();
                for (String field : RegistrationForm.FIELDS) {
                    String message = field.equals("programs") ? named.error() : found.get(field);
                    if (message != null) {
                        errors.put(field, message);
                    }
                }
                found.forEach(errors::putIfAbsent);
            }
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, event, form, ticked, errors, named);
            return;
        }
        NewRegistration registration = ((RegistrationService.Valid) checked).registration();
        if (registration.spam()) {
            // The trap field was filled in: a robot. It sees what a person registering twice sees; nothing is stored or sent.
            LOG.info("registration for {} caught by the trap field, not stored", event.slug());
            checkEmail(ctx, event, registration.email());
            return;
        }
        try {
            // Kept in the database with PostgreSQL: down, it fails as the registration would (503, answers kept).
            SubmissionLimiter.Decision decision = limiter.tryAcquire(ctx.ip());
            if (!decision.allowed()) {
                ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(decision.retryAfterSeconds()));
                render(ctx, event, form, ticked, Map.of("form", "You have sent several forms in a short time. Your answers are kept below: "
                        + "please send them again in " + decision.waitText() + "."));
                return;
            }
            RegistrationService.Outcome outcome = registrations.register(event, registration, "form");
            if (outcome.created()) {
                ctx.redirect(Paths.registration(registrations.links().token(outcome.registration().reference())), HttpStatus.SEE_OTHER);
            } else {
                checkEmail(ctx, event, registration.email());
            }
        } catch (DatabaseException e) {
            LOG.error("registration for {} could not be stored: {}", event.slug(), e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "120");
            render(ctx, event, form, ticked, Map.of("form", "We could not save your registration just now. Your answers are kept below: "
                    + "please send the form again in a few minutes."));
        }
    }

    /** 403: a registration (event given) or a cancellation (none) that another website made a browser post. */
    private void refuseCrossSite(Context ctx, String title, Page<Event> event) {
        LOG.warn("refused a {} posted from another site (Origin {}, Sec-Fetch-Site {})", event == null ? "cancellation" : "registration",
                ctx.header("Origin"), ctx.header("Sec-Fetch-Site"));
        ctx.status(HttpStatus.FORBIDDEN);
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("event", event);
        model.put("cancel", event == null);
        views.renderUncached(ctx, store.snapshot(), "event/cross-site", model);
    }

    /**
     * "Check your e-mail": the address was registered already, and its registration is e-mailed to it
     * again. Anyone can type anyone's address, so the page shows nothing of that registration: no
     * link to it, no join link, no cancel button.
     */
    private void checkEmail(Context ctx, Page<Event> event, String email) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Check your e-mail");
        model.put("event", event);
        model.put("maskedEmail", MailAddresses.masked(email));
        model.put("mailOn", registrations.sendsMail());
        ctx.header("X-Robots-Tag", "noindex");
        views.renderUncached(ctx, store.snapshot(), "event/check-email", model);
    }

    private void render(Context ctx, Page<Event> page, RegistrationForm form, Set<String> ticked, Map<String, String> errors) {
        render(ctx, page, form, ticked, errors, null);
    }

    /** The form; {@code named} is what a typed program name came to (null: nothing typed, or the form lists every program). */
    private void render(Context ctx, Page<Event> page, RegistrationForm form, Set<String> ticked, Map<String, String> errors, Named named) {
        ContentSnapshot snapshot = store.snapshot();
        Instant now = store.now();
        ZoneId zone = snapshot.site().zone();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Register: " + page.title());
        model.put("description", "Register for " + page.title() + ".");
        model.put("canonicalPath", Paths.register(page.slug()));
        model.put("event", EventController.EventView.of(page, snapshot, now));
        RegistrationState state = RegistrationState.of(page.data(), now, zone);
        model.put("state", state);
        if (state.isOpen()) {
            Integer seatsLeft = null;
            boolean seatsKnown = true;
            try {
                seatsLeft = registrations.seatsLeft(page);
            } catch (DatabaseException e) {
                seatsKnown = false;
            }
            model.put("limited", page.data().capacity() != null);
            model.put("seatsLeft", seatsLeft);
            model.put("seatsKnown", seatsKnown);
        }
        model.put("form", form);
        Map<String, String> byField = new HashMap<>();
        RegistrationForm.FIELDS.forEach(field -> byField.put(field, errors.get(field)));
        model.put("errors", byField);
        List<String> own = page.data().programsOrEmpty();
        List<Page<Program>> ownPrograms = own.stream().map(slug -> snapshot.find(ProgramContent.TYPE, slug, now)).flatMap(Optional::stream).toList();
        List<ProgramGroup> groups = new ArrayList<>();
        boolean otherTicked = false;
        boolean many = ProgramNames.tooManyToList(snapshot, now);
        model.put("adding", null);
        if (many) {
            // The ticked programs besides the event's own, in the order they were added, and a field to add more by name.
            List<Page<Program>> added = new ArrayList<>();
            for (String slug : form.programs().isEmpty() ? List.copyOf(ticked) : form.programs()) {
                if (!own.contains(slug) && ticked.contains(slug)) {
                    snapshot.find(ProgramContent.TYPE, slug, now).filter(p -> !added.contains(p)).ifPresent(added::add);
                }
            }
            model.put("adding", new AddByName(added, named == null ? "" : named.typed(), named == null ? List.of() : named.choices()));
            model.put("programNamesApi", ProgramNames.API);
        }
        for (ProgramType type : many ? new ProgramType[0] : ProgramType.values()) {
            List<Page<Program>> programs = ProgramContent.ofType(snapshot, type, now).stream()
                    .filter(p -> !own.contains(p.slug())).sorted(Comparator.comparing(Page::title)).toList();
            if (!programs.isEmpty()) {
                groups.add(new ProgramGroup(type.listTitle(), programs));
                otherTicked |= programs.stream().anyMatch(p -> ticked.contains(p.slug()));
            }
        }
        model.put("ownPrograms", ownPrograms);
        // The error summary's link for the programs goes to the first checkbox (a fieldset cannot take the focus).
        String firstProgram = many && named != null && named.error() != null ? NAME_FIELD_SUFFIX
                : !ownPrograms.isEmpty() ? ownPrograms.get(0).slug()
                : many ? NAME_FIELD_SUFFIX : groups.isEmpty() ? null : groups.get(0).programs().get(0).slug();
        model.put("summary", summary(errors, firstProgram));
        model.put("groups", groups);
        model.put("ticked", new HashSet<>(ticked));
        model.put("othersOpen", otherTicked || errors.containsKey("programs"));
        model.put("applicantTypes", Arrays.asList(ApplicantType.values()));
        model.put("accessibilityMax", String.format(Locale.US, "%,d", RegistrationService.ACCESSIBILITY_MAX));
        model.put("accessibilityMaxNumber", RegistrationService.ACCESSIBILITY_MAX);
        model.put("action", Paths.register(page.slug()));
        model.put("formToken", crossSite.token(ctx));
        views.renderUncached(ctx, snapshot, "event/register", model);
    }

    private static List<SummaryItem> summary(Map<String, String> errors, String firstProgram) {
        return errors.entrySet().stream().map(error -> new SummaryItem(error.getValue(), switch (error.getKey()) {
            case "form" -> null;
            // Groups of radios and checkboxes: the link goes to the first of them (a fieldset cannot take the focus).
            case "applicantType" -> "applicantType-" + ApplicantType.values()[0].key();
            case "programs" -> firstProgram == null ? null : "programs-" + firstProgram;
            default -> error.getKey();
        })).toList();
    }

    /** Every value of every field; IllegalArgumentException when the body cannot be read as a form. */
    private static Map<String, List<String>> fields(Context ctx) {
        try {
            return ctx.formParamMap();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception malformed) {
            // A multipart body that is not what its header says: Jetty's ServletException, thrown unchecked through Kotlin.
            throw new IllegalArgumentException(malformed);
        }
    }

    /** {@code GET /registrations/{token}}: the registrant's own page, never cached, indexed or passed on as a referrer. */
    public void registrant(Context ctx, String token) {
        privateHeaders(ctx);
        Registration registration = registrations.findByToken(token).orElseThrow(NotFoundResponse::new);
        renderRegistrant(ctx, token, registration, null);
    }

    /** {@code GET /registrations/{token}/cancel}: cancels nothing (mail scanners follow links); the page with the button. */
    public void cancelPage(Context ctx, String token) {
        privateHeaders(ctx);
        if (registrations.links().reference(token).isEmpty()) {
            throw new NotFoundResponse();
        }
        ctx.redirect(Paths.registration(token), HttpStatus.SEE_OTHER);
    }

    /** {@code POST /registrations/{token}/cancel}: cancels (a GET never does: mail scanners follow links), then back to the page. */
    public void cancel(Context ctx, String token) {
        privateHeaders(ctx);
        Optional<String> reference = registrations.links().reference(token);
        if (reference.isEmpty()) {
            throw new NotFoundResponse();
        }
        switch (crossSite.check(ctx, ctx.formParam(CrossSiteForms.TOKEN_FIELD))) {
            case CROSS_SITE -> {
                refuseCrossSite(ctx, "Registration not cancelled", null);
                return;
            }
            case STALE -> {
                Registration registration = registrations.find(reference.get()).orElseThrow(NotFoundResponse::new);
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                renderRegistrant(ctx, token, registration, "This page was open for a long time (or your connection changed), so for your safety "
                        + "your registration was not cancelled. If you still want to cancel it, press the button again.");
                return;
            }
            case ACCEPT -> {
                // on to the cancellation
            }
        }
        try {
            registrations.cancel(reference.get()).orElseThrow(NotFoundResponse::new);
            ctx.redirect(Paths.registration(token), HttpStatus.SEE_OTHER);
        } catch (DatabaseException e) {
            LOG.error("registration {} could not be cancelled: {}", reference.get(), e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "120");
            views.renderUncached(ctx, store.snapshot(), "errors/status", Map.of("title", "Not cancelled yet",
                    "explanation", "We could not cancel your registration just now. Please go back and press the button again in a few minutes."));
        }
    }

    private static void privateHeaders(Context ctx) {
        // The token in the address is the key to the registration: it must not leave in a Referer, a search index or a cache.
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.header("Cache-Control", "no-store");
    }

    private void renderRegistrant(Context ctx, String token, Registration registration, String notice) {
        ContentSnapshot snapshot = store.snapshot();
        Instant now = store.now();
        ZoneId zone = snapshot.site().zone();
        Optional<Page<Event>> found = snapshot.findAny(Event.TYPE, registration.eventSlug());
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Your registration: " + registration.eventTitle());
        model.put("registration", registration);
        model.put("notice", notice);
        model.put("registered", REGISTERED.format(registration.registeredAt().atZone(zone)));
        model.put("eventTitle", found.map(Page::title).orElse(registration.eventTitle()));
        boolean over = false;
        boolean eventCancelled = false;
        for (String absent : List.of("event", "eventUrl", "joinLink", "platform", "recording", "icsUrl", "googleLink", "outlookLink", "registerAgain")) {
            model.put(absent, null);
        }
        if (found.isPresent()) {
            Page<Event> page = found.get();
            Event event = page.data();
            over = event.isOver(now, zone);
            eventCancelled = event.statusOrDefault() == Event.Status.CANCELLED;
            model.put("event", EventController.EventView.of(page, snapshot, now));
            model.put("eventUrl", snapshot.find(Event.TYPE, page.slug(), now).isPresent() ? page.url() : null);
            boolean joins = registration.isConfirmed() && !over && !eventCancelled && event.format() != Event.Format.IN_PERSON
                    && event.joinLink() != null;
            model.put("joinLink", joins ? event.joinLink() : null);
            model.put("platform", event.platform());
            model.put("recording", over ? event.recording() : null);
            if (!over && !eventCancelled && !registration.isCancelled()) {
                model.put("icsUrl", page.url() + ".ics");
                model.put("googleLink", calendar.googleLink(page, zone));
                model.put("outlookLink", calendar.outlookLink(page, zone));
            }
            RegistrationState state = RegistrationState.of(event, now, zone);
            model.put("registerAgain", registration.isCancelled() && state.isOpen() ? Paths.register(page.slug()) : null);
        }
        model.put("over", over);
        model.put("eventCancelled", eventCancelled);
        model.put("canCancel", !registration.isCancelled() && !over && found.isPresent());
        model.put("cancelAction", Paths.registration(token) + "/cancel");
        model.put("formToken", crossSite.token(ctx));
        model.put("noindex", true);
        views.renderUncached(ctx, snapshot, "event/registration", model);
    }

    /** JSON: {@code POST /api/v1/events/{slug}/registrations}; 201 (or 200 for an address registered already) or a problem document. */
    public void api(Context ctx, String slug) {
        JsonNode body = Problems.jsonObject(ctx, "the registration");
        if (body == null) {
            return;
        }
        Map<String, List<String>> values = new HashMap<>();
        List<Map<String, String>> typeErrors = new ArrayList<>();
        for (String field : RegistrationForm.FIELDS) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (field.equals("programs")) {
                List<String> slugs = new ArrayList<>();
                if (value.isArray()) {
                    value.forEach(item -> slugs.add(item.isTextual() ? item.asText() : null));
                }
                if (!value.isArray() || slugs.contains(null)) {
                    typeErrors.add(Problems.fieldError(field, "'programs' must be a list of program slugs (strings)"));
                } else {
                    values.put(field, slugs);
                }
            } else if (value.isTextual()) {
                values.put(field, List.of(value.asText()));
            } else {
                typeErrors.add(Problems.fieldError(field, "'" + field + "' must be a string"));
            }
        }
        Optional<Page<Event>> found = store.snapshot().find(Event.TYPE, slug, store.now());
        if (found.isEmpty()) {
            Problems.send(ctx, HttpStatus.NOT_FOUND, "No such event", "There is no event '" + shown(slug) + "'; /api/v1/events lists them", Map.of());
            return;
        }
        Page<Event> event = found.get();
        RegistrationState state = RegistrationState.of(event.data(), store.now(), store.snapshot().site().zone());
        if (!state.isOpen()) {
            Problems.send(ctx, HttpStatus.CONFLICT, "Registration not open", state.message(), Map.of("registration", state.key()));
            return;
        }
        if (!typeErrors.isEmpty()) {
            Problems.send(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "Invalid registration", "Some fields have the wrong type", Map.of("errors", typeErrors));
            return;
        }
        // The API reads no trap field (only the fields above): robots are a browser form's trouble, and the limit below holds for both.
        RegistrationService.Checked checked = registrations.check(event, RegistrationForm.of(values));
        if (checked instanceof RegistrationService.Invalid invalid) {
            Problems.invalidFields(ctx, "Invalid registration", invalid.errors());
            return;
        }
        try {
            SubmissionLimiter.Decision decision = limiter.tryAcquire(ctx.ip());
            if (!decision.allowed()) {
                Problems.tooMany(ctx, "Too many registrations", "registrations", decision);
                return;
            }
            RegistrationService.Outcome outcome = registrations.register(event, ((RegistrationService.Valid) checked).registration(), "api");
            Registration stored = outcome.registration();
            ctx.header("Cache-Control", "no-store");
            if (!outcome.created()) {
                // Anyone may type anyone's address: of a registration made before, the answer says nothing but that its e-mail went again.
                Map<String, Object> again = new LinkedHashMap<>();
                again.put("event", event.slug());
                again.put("created", false);
                again.put("detail", "This address was registered for the event already: nothing new was stored, and the registration was e-mailed to the address again.");
                ctx.status(HttpStatus.OK).json(again);
                return;
            }
            // Never the registrant's token or the join link: the answer may reach someone who typed another person's address.
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("reference", stored.reference());
            answer.put("event", event.slug());
            answer.put("status", stored.status().key());
            if (stored.isWaitlisted()) {
                answer.put("position", stored.position());
            }
            answer.put("registeredAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(stored.registeredAt()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(store.snapshot().site().zone()).toOffsetDateTime()));
            answer.put("created", true);
            ctx.header("Location", Paths.event(event.slug()));
            ctx.status(HttpStatus.CREATED).json(answer);
        } catch (DatabaseException e) {
            LOG.error("registration for {} could not be stored: {}", event.slug(), e.getMessage());
            ctx.header("Retry-After", "120");
            Problems.send(ctx, HttpStatus.SERVICE_UNAVAILABLE, "Registration not stored",
                    "The registration could not be stored just now; send it again in a few minutes", Map.of());
        }
    }

    /** The JSON Schema of {@code seatsLeft}, which the content API adds to each event, read live. */
    public static JsonNode seatsLeftSchema() {
        return parse("""
                {"type": ["integer", "null"], "minimum": 0,
                 "description": "Seats not yet taken, counted when asked (null: no limit); left out when the count cannot be read just now"}""");
    }

    /** The OpenAPI operation of {@code POST /api/v1/events/{slug}/registrations}, for the content API's document. */
    public static JsonNode apiOperation() {
        String problem = "{\"content\": {\"application/problem+json\": {\"schema\": {\"$ref\": \"#/components/schemas/Problem\"}}}, \"description\": \"%s\"}";
        String registered = "{\"description\": \"%s\", \"headers\": {\"Location\": {\"description\": \"The event's page\", \"schema\": {\"type\": \"string\"}}},"
                + " \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Registration\"}}}}";
        String types = String.join(", ", Arrays.stream(ApplicantType.values()).map(t -> "\"" + t.key() + "\"").toList());
        return parse("""
                {"operationId": "registerForEvent",
                 "summary": "Registers one person for an event: a seat while there is one, else a place on the waitlist.",
                 "description": "The same address twice is one registration: the second request is answered 200 with nothing of that registration (anyone may type anyone's address), and the registration is e-mailed to the address again. The answer never holds the link to join or the registrant's own link; they go by e-mail.",
                 "parameters": [{"name": "slug", "in": "path", "required": true, "description": "The event's slug", "schema": {"type": "string"}}],
                 "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
                   "properties": {
                     "name": {"type": "string", "maxLength": %d, "description": "Their name"},
                     "email": {"type": "string", "maxLength": %d, "description": "Their e-mail address"},
                     "applicantType": {"type": "string", "enum": [%s]},
                     "programs": {"type": "array", "items": {"type": "string"}, "description": "Slugs of programs they are interested in"},
                     "accessibility": {"type": "string", "maxLength": %d, "description": "What would help them take part"}},
                   "required": ["name", "email", "applicantType"]}}}},
                 "responses": {"201": %s, "200": %s, "400": %s, "404": %s, "409": %s, "415": %s, "422": %s, "429": %s, "503": %s}}
                """.formatted(RegistrationService.NAME_MAX, RegistrationService.EMAIL_MAX, types, RegistrationService.ACCESSIBILITY_MAX,
                registered.formatted("Registered"),
                "{\"description\": \"That address was registered already: its registration was e-mailed to it again\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/AlreadyRegistered\"}}}}",
                problem.formatted("The body is not a JSON object"), problem.formatted("No such event"),
                problem.formatted("The event takes no registrations now ('registration' says why: not-yet-open, closed, cancelled or over)"),
                problem.formatted("The body is not sent as application/json"),
                problem.formatted("Fields to correct, each in 'errors' with its 'field' and 'detail'"),
                problem.formatted("Too many forms from this address; try again after Retry-After seconds"),
                problem.formatted("The registration could not be stored just now; try again after Retry-After seconds")));
    }

    /** The schemas {@link #apiOperation()} refers to. */
    public static Map<String, JsonNode> apiComponents() {
        Map<String, JsonNode> components = new java.util.LinkedHashMap<>();
        components.put("AlreadyRegistered", parse("""
                {"type": "object", "additionalProperties": false,
                 "properties": {
                   "event": {"type": "string", "description": "The event's slug"},
                   "created": {"type": "boolean", "const": false},
                   "detail": {"type": "string"}},
                 "required": ["event", "created", "detail"]}"""));
        components.put("Registration", parse("""
                {"type": "object", "additionalProperties": false,
                 "properties": {
                   "reference": {"type": "string", "pattern": "^R-[0-9A-Z]{8}$", "description": "To quote when writing to the office"},
                   "event": {"type": "string", "description": "The event's slug"},
                   "status": {"type": "string", "enum": ["confirmed", "waitlisted"]},
                   "position": {"type": "integer", "minimum": 1, "description": "The place on the waitlist (waitlisted only)"},
                   "registeredAt": {"type": "string", "format": "date-time"},
                   "created": {"type": "boolean", "const": true}},
                 "required": ["reference", "event", "status", "registeredAt", "created"]}"""));
        return components;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A slug as a message may quote it: at most 60 characters. */
    private static String shown(String slug) {
        return slug.length() > 60 ? slug.substring(0, 60) + "…" : slug;
    }
}
