package edu.rush.gme.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.Meta;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SearchText;
import edu.rush.gme.program.ProgramContent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * A recruitment event's own front matter: when (local start and end in its zone), for whom, how
 * to attend, and its registration window. The join link is written in front matter but never
 * printed by the JSON views (write-only): it reaches registrants only.
 *
 * @param start        local date and time it starts, in {@code zone}
 * @param end          local date and time it ends, in {@code zone}
 * @param zone         an IANA time zone; the site's zone (site.yaml) when not given
 * @param programs     slugs of the programs it is about (checked against the catalog)
 * @param audience     who it is for
 * @param format       virtual, in person or hybrid
 * @param platform     the video platform ("Zoom"), for virtual and hybrid events
 * @param joinLink     the https address to join; for registrants only
 * @param place        where, for in-person and hybrid events
 * @param capacity     seats; none means no limit
 * @param registration when registration opens and closes (local, in {@code zone})
 * @param recording    the https address of the recording, once there is one
 * @param status       scheduled (default), cancelled or rescheduled
 */
public record Event(
        String summary,
        LocalDateTime start,
        LocalDateTime end,
        String zone,
        @JsonPropertyDescription("The programs it is for: it is listed on their pages") List<String> programs,
        List<Audience> audience,
        Format format,
        String platform,
        @JsonPropertyDescription("Sent to registrants only, never shown on the site")
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String joinLink,
        String place,
        @JsonPropertyDescription("Seats; leave empty for no limit") Integer capacity,
        Registration registration,
        String recording,
        Status status) implements FrontMatter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter ZONE_LABEL = DateTimeFormatter.ofPattern("zzz", Locale.US);

    /**
     * {@code content/events/}, at {@code /events/{slug}}: soonest first (the list page splits
     * upcoming and past per request), searched, with a feed; its programs must exist.
     */
    public static final ContentType<Event> TYPE = ContentType.builder("events", Event.class, ContentType.Placement.SECTION)
            .singular("event")
            .label("Events")
            .order(Comparator.comparing((Page<Event> p) -> p.data().start()).thenComparing(Page::title))
            .reservedSlugs(Set.of("feed", "calendar"))
            .summary(page -> page.data().summary())
            .search(page -> SearchText.of("page", "Event · " + DAY.format(page.data().start()), page.data().summary()))
            .check(Event::checkPrograms)
            .moments((page, zone) -> page.data().moments(zone))
            // start and end are local times in the event's zone; the API also gives the instants, with their offset.
            // In this order in every answer and schema (a Map.of's order changes from one run of the JVM to the next).
            .json(inOrder("startsAt", "date-time", "endsAt", "date-time"), (page, zone) -> inOrder(
                    "startsAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(page.data().startsAt(zone)),
                    "endsAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(page.data().endsAt(zone))))
            .mentions(ProgramContent.TYPE, page -> page.data().programsOrEmpty())
            .current((page, now, zone) -> page.data().isCurrent(now, zone))
            .feed()
            .build();

    /** Keys and values in the order given, which the JSON written from them keeps. */
    private static <V> Map<String, V> inOrder(String key, V value, String otherKey, V otherValue) {
        Map<String, V> map = new LinkedHashMap<>();
        map.put(key, value);
        map.put(otherKey, otherValue);
        return map;
    }

    /** Who an event is for. */
    public enum Audience {
        ALL("all-applicants", "All applicants"),
        INTERNATIONAL("international-graduates", "International medical graduates"),
        DO("do-applicants", "DO applicants"),
        UIM("underrepresented-in-medicine", "Applicants underrepresented in medicine"),
        FELLOWSHIP("fellowship-applicants", "Fellowship applicants"),
        ALLIED("allied-health-applicants", "Allied health applicants");

        private final String key;
        private final String label;

        Audience(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @JsonValue
        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    /** How to attend. */
    public enum Format {
        VIRTUAL("virtual", "Virtual"), IN_PERSON("in-person", "In person"), HYBRID("hybrid", "Hybrid");

        private final String key;
        private final String label;

        Format(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @JsonValue
        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    /** Whether it takes place as announced. */
    public enum Status {
        SCHEDULED("scheduled"), CANCELLED("cancelled"), RESCHEDULED("rescheduled");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        @JsonValue
        public String key() {
            return key;
        }
    }

    /** When registration opens and closes, local in the event's zone; it closes at the start when not given. */
    public record Registration(LocalDateTime opens, LocalDateTime closes) {
    }

    public Status statusOrDefault() {
        return status == null ? Status.SCHEDULED : status;
    }

    public List<String> programsOrEmpty() {
        return programs == null ? List.of() : programs;
    }

    public List<Audience> audienceOrEmpty() {
        return audience == null ? List.of() : audience;
    }

    /** Its zone, or the site's. */
    public ZoneId zoneOr(ZoneId siteZone) {
        return zone == null ? siteZone : ZoneId.of(zone);
    }

    public ZonedDateTime startsAt(ZoneId siteZone) {
        return start.atZone(zoneOr(siteZone));
    }

    public ZonedDateTime endsAt(ZoneId siteZone) {
        return end.atZone(zoneOr(siteZone));
    }

    /** When it shows differently by itself: it starts, it ends, registration opens and closes. */
    java.util.stream.Stream<Instant> moments(ZoneId siteZone) {
        ZoneId at = zoneOr(siteZone);
        java.util.stream.Stream.Builder<LocalDateTime> times = java.util.stream.Stream.builder();
        times.add(start).add(end);
        if (registration != null) {
            java.util.stream.Stream.of(registration.opens(), registration.closes()).filter(java.util.Objects::nonNull).forEach(times::add);
        }
        return times.build().map(time -> time.atZone(at).toInstant());
    }

    /** Still ahead or under way, and not cancelled: what the home page and program pages list. */
    public boolean isCurrent(Instant now, ZoneId siteZone) {
        return !isOver(now, siteZone) && statusOrDefault() != Status.CANCELLED;
    }

    /** Over once its end has passed: the join link goes and the recording shows. */
    public boolean isOver(Instant now, ZoneId siteZone) {
        return !now.isBefore(endsAt(siteZone).toInstant());
    }

    /** The zone's abbreviation on the event's own date: CST in winter, CDT in summer. */
    public String zoneLabel(ZoneId siteZone) {
        return ZONE_LABEL.format(startsAt(siteZone));
    }

    /** "Tuesday, December 8, 2026" */
    public String dayText() {
        return DAY.format(start);
    }

    /** "6:00 PM – 7:00 PM CST" (with the end's day when it ends on another). */
    public String timeText(ZoneId siteZone) {
        String endText = end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end) : DAY.format(end) + ", " + TIME.format(end);
        String endLabel = ZONE_LABEL.format(endsAt(siteZone));
        String startLabel = zoneLabel(siteZone);
        return TIME.format(start) + (startLabel.equals(endLabel) ? "" : " " + startLabel) + " – " + endText + " " + endLabel;
    }

    @Override
    public List<FieldProblem> validate(Meta meta) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.require(problems, "summary", summary);
        FieldProblem.require(problems, "start", start);
        FieldProblem.require(problems, "end", end);
        FieldProblem.require(problems, "format", format);
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add(new FieldProblem("end", "'end' must be after 'start'"));
        }
        FieldProblem.checkZone(problems, "zone", zone);
        if (format == Format.VIRTUAL || format == Format.HYBRID) {
            FieldProblem.require(problems, "platform", platform);
        }
        if (format == Format.IN_PERSON || format == Format.HYBRID) {
            FieldProblem.require(problems, "place", place);
        }
        checkHttps(problems, "joinLink", joinLink);
        checkHttps(problems, "recording", recording);
        FieldProblem.checkRange(problems, "capacity", capacity, 1, 100_000);
        if (registration != null && registration.opens() != null && registration.closes() != null
                && !registration.closes().isAfter(registration.opens())) {
            problems.add(new FieldProblem("registration.closes", "'registration.closes' must be after 'registration.opens'"));
        }
        if (registration != null && registration.closes() != null && end != null && registration.closes().isAfter(end)) {
            problems.add(new FieldProblem("registration.closes", "'registration.closes' must not be after the event's 'end'"));
        }
        return problems;
    }

    private static void checkHttps(List<FieldProblem> problems, String field, String value) {
        if (value != null && !(FieldProblem.isWebAddress(value) && value.strip().toLowerCase(Locale.ROOT).startsWith("https://"))) {
            problems.add(new FieldProblem(field, "'" + field + "' must be a web address starting with https://, got \"" + value + "\""));
        }
    }

    /** Every program an event names must exist; a wrong slug is reported at its line and left out. */
    static List<Page<Event>> checkPrograms(List<Page<Event>> events, ContentType.Loaded loaded, ContentType.Problems problems) {
        Set<String> programs = loaded.slugs(ProgramContent.TYPE);
        List<Page<Event>> checked = new ArrayList<>(events.size());
        for (Page<Event> page : events) {
            List<String> named = page.data().programsOrEmpty();
            List<String> known = problems.keepKnown(page, "programs", named,
                    slug -> programs.contains(slug) ? null : "no program has the slug '" + slug + "'");
            checked.add(known.size() == named.size() ? page : page.withData(page.data().withPrograms(known)));
        }
        return checked;
    }

    Event withPrograms(List<String> known) {
        return new Event(summary, start, end, zone, known, audience, format, platform, joinLink, place, capacity, registration, recording, status);
    }
}
