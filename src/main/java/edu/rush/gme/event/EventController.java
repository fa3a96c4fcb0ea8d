package edu.rush.gme.event;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramContent;
import edu.rush.gme.web.Reading;
import edu.rush.gme.web.StructuredData;
import edu.rush.gme.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The events list (upcoming soonest first, then past ones with their recordings, filtered by
 * program, audience and format with counts) and each event's page. Whether an event is over is
 * decided per request with the site's clock.
 */
public final class EventController {

    /** The list's filters, in the order the form shows them, with their labels. */
    static final Map<String, String> FILTERS = filterNames();

    private static Map<String, String> filterNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("program", "Program");
        names.put("audience", "For");
        names.put("format", "Format");
        return java.util.Collections.unmodifiableMap(names);
    }

    static final String CALENDAR_TYPE = "text/calendar; charset=utf-8";

    private final ContentStore store;
    private final Views views;
    private final EventCalendar calendar;
    private final EventSequences sequences;
    private final StructuredData structuredData;
    /** The subscribe address of every event, {@code webcal://host/events.ics}. */
    private final String webcal;

    /** @param sequences each event's calendar SEQUENCE, as last read from the database */
    public EventController(ContentStore store, Views views, String baseUrl, EventSequences sequences) {
        this.sequences = sequences;
        this.store = store;
        this.views = views;
        this.webcal = "webcal" + baseUrl.replaceFirst("^https?", "") + "/events.ics";
        this.calendar = new EventCalendar(baseUrl);
        this.structuredData = new StructuredData(baseUrl);
    }

    /** {@code /events.ics}: every published event, past ones too, to subscribe to. */
    public void calendar(Context ctx) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        writeCalendar(ctx, snapshot, calendar.write(snapshot.site().name() + ": recruitment events",
                snapshot.list(Event.TYPE, reading.now()), snapshot.site().zone(), reading.now(), sequences::of));
    }

    /** {@code /events/{slug}.ics}: one event, to add to a calendar. */
    public void eventCalendar(Context ctx, String slug) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Page<Event> event = snapshot.find(Event.TYPE, slug, reading.now()).orElseThrow(NotFoundResponse::new);
        writeCalendar(ctx, snapshot, calendar.write(event.title(), List.of(event), snapshot.site().zone(), reading.now(), sequences::of));
    }

    /** {@code /programs/{slug}/events.ics}: the events of one program, to subscribe to. */
    public void programCalendar(Context ctx, String programSlug) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Page<Program> program = snapshot.find(ProgramContent.TYPE, programSlug, reading.now()).orElseThrow(NotFoundResponse::new);
        List<Page<Event>> events = snapshot.list(Event.TYPE, reading.now()).stream()
                .filter(e -> e.data().programsOrEmpty().contains(programSlug)).toList();
        writeCalendar(ctx, snapshot, calendar.write(program.title() + ": events", events, snapshot.site().zone(), reading.now(), sequences::of));
    }

    /**
     * How long a calendar file is served from the page cache: its SEQUENCE comes from the database,
     * not the content, so a file is made again this often to show a count another server raised.
     */
    static final java.time.Duration CALENDAR_KEPT = java.time.Duration.ofSeconds(30);

    private void writeCalendar(Context ctx, ContentSnapshot snapshot, String text) {
        views.write(ctx, snapshot, CALENDAR_TYPE, text, CALENDAR_KEPT);
    }

    /** One event as a page shows it: its page, its times in words, whether it is over. */
    public record EventView(Page<Event> page, String day, String time, String startIso, String endIso, boolean over,
                            List<Page<Program>> programs, String zone) {
        static EventView of(Page<Event> page, ContentSnapshot snapshot, Instant now) {
            Event event = page.data();
            ZoneId site = snapshot.site().zone();
            List<Page<Program>> programs = event.programsOrEmpty().stream()
                    .map(slug -> snapshot.find(ProgramContent.TYPE, slug, now)).flatMap(java.util.Optional::stream).toList();
            return new EventView(page, event.dayText(), event.timeText(site), event.startsAt(site).toOffsetDateTime().toString(),
                    event.endsAt(site).toOffsetDateTime().toString(), event.isOver(now, site), programs, event.zoneOr(site).getId());
        }

        public Event data() {
            return page.data();
        }
    }

    /** A filter's choice: its value, label, how many events it gives with the other filters, and whether chosen. */
    public record Choice(String value, String label, int count, boolean selected) {
    }

    /** A filter: its parameter, its label and its choices. */
    public record Filter(String key, String label, List<Choice> choices) {
    }

    /** The next {@code limit} current events (not over, not cancelled), soonest first (the home page's "Virtual recruitment"). */
    public static List<EventView> upcoming(ContentSnapshot snapshot, Instant now, int limit) {
        ZoneId zone = snapshot.site().zone();
        return snapshot.list(Event.TYPE, now).stream()
                .filter(page -> page.data().isCurrent(now, zone))
                .limit(limit).map(page -> EventView.of(page, snapshot, now)).toList();
    }

    public void index(Context ctx) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        List<String> problems = new ArrayList<>();
        for (String key : ctx.queryParamMap().keySet()) {
            if (!FILTERS.containsKey(key)) {
                problems.add("The events list has no filter '" + key + "'; it filters by program, audience and format.");
            }
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String key : FILTERS.keySet()) {
            String value = ctx.queryParam(key);
            if (value != null && !value.isBlank()) {
                chosen.put(key, value.strip());
            }
        }
        List<Page<Event>> all = snapshot.list(Event.TYPE, now);
        Map<String, Function<Event, List<String>>> values = filterValues();
        Map<String, Map<String, String>> labels = filterLabels(snapshot, now, all);
        for (String key : List.copyOf(chosen.keySet())) {
            if (!labels.get(key).containsKey(chosen.get(key))) {
                problems.add("No event has the " + key + " '" + chosen.get(key) + "'; choose one from the list.");
                chosen.remove(key);
            }
        }
        List<Page<Event>> matching = all.stream().filter(p -> matches(p.data(), chosen, values)).toList();
        List<Filter> filters = new ArrayList<>();
        for (String key : FILTERS.keySet()) {
            List<Choice> choices = new ArrayList<>();
            for (Map.Entry<String, String> option : labels.get(key).entrySet()) {
                Map<String, String> withIt = new LinkedHashMap<>(chosen);
                withIt.put(key, option.getKey());
                int count = (int) all.stream().filter(p -> matches(p.data(), withIt, values)).count();
                choices.add(new Choice(option.getKey(), option.getValue(), count, option.getKey().equals(chosen.get(key))));
            }
            filters.add(new Filter(key, FILTERS.get(key), choices));
        }
        List<EventView> upcoming = new ArrayList<>();
        List<EventView> past = new ArrayList<>();
        for (Page<Event> page : matching) {
            EventView view = EventView.of(page, snapshot, now);
            (view.over() ? past : upcoming).add(view);
        }
        java.util.Collections.reverse(past);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Recruitment events");
        model.put("intro", snapshot.intro(Event.TYPE, now).orElse(null));
        model.put("upcoming", upcoming);
        model.put("past", past);
        model.put("filters", filters);
        model.put("filtered", !chosen.isEmpty());
        model.put("total", all.size());
        model.put("problems", problems);
        model.put("webcal", webcal);
        if (!problems.isEmpty()) {
            // The list without the filters it could not read, and what was wrong with them.
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        views.render(ctx, snapshot, "event/index", model);
    }

    /** An event's page; 404 unless it is visible (or it is the page a signed preview shows). */
    public void show(Context ctx, String slug) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        Page<Event> event = snapshot.find(Event.TYPE, slug, now).orElseThrow(NotFoundResponse::new);
        Map<String, Object> model = new HashMap<>();
        model.put("title", event.title());
        model.put("description", event.data().summary());
        model.put("event", EventView.of(event, snapshot, now));
        model.put("jsonLd", jsonLd(event, snapshot));
        model.put("googleLink", calendar.googleLink(event, snapshot.site().zone()));
        model.put("outlookLink", calendar.outlookLink(event, snapshot.site().zone()));
        // Changes only at the event's moments (registration opening and closing among them), which key the page cache; no seat count here.
        model.put("registration", RegistrationState.of(event.data(), now, snapshot.site().zone()));
        model.put("registerUrl", edu.rush.gme.web.Paths.register(event.slug()));
        views.render(ctx, snapshot, "event/show", model);
    }

    private static Map<String, Function<Event, List<String>>> filterValues() {
        return Map.of(
                "program", Event::programsOrEmpty,
                "audience", e -> e.audienceOrEmpty().stream().map(Event.Audience::key).toList(),
                "format", e -> e.format() == null ? List.of() : List.of(e.format().key()));
    }

    /** The choices each filter offers: programs that have events, every audience and format, in a fixed order. */
    private static Map<String, Map<String, String>> filterLabels(ContentSnapshot snapshot, Instant now, List<Page<Event>> events) {
        Map<String, String> programs = new java.util.TreeMap<>();
        for (Page<Event> event : events) {
            for (String slug : event.data().programsOrEmpty()) {
                snapshot.find(ProgramContent.TYPE, slug, now).ifPresent(p -> programs.put(slug, p.title()));
            }
        }
        Map<String, String> byTitle = new LinkedHashMap<>();
        programs.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> byTitle.put(e.getKey(), e.getValue()));
        Map<String, String> audiences = new LinkedHashMap<>();
        for (Event.Audience audience : Event.Audience.values()) {
            audiences.put(audience.key(), audience.label());
        }
        Map<String, String> formats = new LinkedHashMap<>();
        for (Event.Format format : Event.Format.values()) {
            formats.put(format.key(), format.label());
        }
        return Map.of("program", byTitle, "audience", audiences, "format", formats);
    }

    private static boolean matches(Event event, Map<String, String> chosen, Map<String, Function<Event, List<String>>> values) {
        for (Map.Entry<String, String> choice : chosen.entrySet()) {
            if (!values.get(choice.getKey()).apply(event).contains(choice.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The event as schema.org's Event: attendance mode, status, where (never the join link), organizer. */
    private String jsonLd(Page<Event> page, ContentSnapshot snapshot) {
        Event event = page.data();
        ZoneId zone = snapshot.site().zone();
        Map<String, Object> node = StructuredData.node("Event");
        node.put("name", page.title());
        node.put("description", event.summary());
        node.put("url", structuredData.url(page.url()));
        node.put("startDate", event.startsAt(zone).toOffsetDateTime().toString());
        node.put("endDate", event.endsAt(zone).toOffsetDateTime().toString());
        node.put("eventAttendanceMode", "https://schema.org/" + switch (event.format()) {
            case VIRTUAL -> "OnlineEventAttendanceMode";
            case IN_PERSON -> "OfflineEventAttendanceMode";
            case HYBRID -> "MixedEventAttendanceMode";
        });
        node.put("eventStatus", "https://schema.org/" + switch (event.statusOrDefault()) {
            case SCHEDULED -> "EventScheduled";
            case CANCELLED -> "EventCancelled";
            case RESCHEDULED -> "EventRescheduled";
        });
        List<Map<String, Object>> where = new ArrayList<>();
        if (event.format() != Event.Format.IN_PERSON) {
            Map<String, Object> online = StructuredData.inner("VirtualLocation");
            online.put("url", structuredData.url(page.url()));
            where.add(online);
        }
        if (event.place() != null && event.format() != Event.Format.VIRTUAL) {
            Map<String, Object> place = StructuredData.inner("Place");
            place.put("name", event.place());
            place.put("address", event.place());
            where.add(place);
        }
        node.put("location", where.size() == 1 ? where.get(0) : where);
        node.put("organizer", structuredData.organizationNode(snapshot.site(), false));
        return StructuredData.toJson(node);
    }
}
