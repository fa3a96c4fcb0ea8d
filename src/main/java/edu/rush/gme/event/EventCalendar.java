package edu.rush.gme.event;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationStatus;
import biweekly.parameter.Role;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Status;
import edu.rush.gme.content.Page;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Events as calendar files (RFC 5545, written by biweekly): times as UTC instants worked out from
 * each event's own zone, so a calendar shows them at the right hour whatever its zone; a stable UID
 * per event; cancelled events kept with {@code STATUS:CANCELLED} so calendars that subscribed drop
 * them; each with its SEQUENCE (see {@link EventSequences}). The join link is never written in a public
 * file, only in a confirmed registrant's own invitation ({@link #invitation}). Also the "Add to Google Calendar" and Outlook addresses.
 */
public final class EventCalendar {

    private static final DateTimeFormatter GOOGLE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String baseUrl;

    public EventCalendar(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * A calendar of these events, named {@code name} (a subscribed calendar's title), each with the
     * SEQUENCE {@code sequences} gives it (how often its time, place or status changed).
     */
    public String write(String name, List<Page<Event>> events, ZoneId siteZone, Instant now, ToIntFunction<Page<Event>> sequences) {
        ICalendar calendar = calendar(Method.publish());
        calendar.setName(name);
        for (Page<Event> page : events) {
            calendar.addEvent(event(page, siteZone, now, sequences.applyAsInt(page)));
        }
        return Biweekly.write(calendar).go();
    }

    /** Who sends an invitation: the office's address (site.yaml's contact) or the site's sender, with a name. */
    public record Organizer(String name, String email) {
    }

    /**
     * A confirmed registrant's own invitation ({@code METHOD:REQUEST}): the public entry with its own
     * UID ({@link #personalUid}) and the same SEQUENCE, the organizer and the registrant as attendee, and (for a virtual or hybrid event)
     * the join link in its location and description, which no public file ever has.
     */
    String invitation(Page<Event> page, ZoneId siteZone, Instant now, int sequence, Organizer organizer, Registration registrant) {
        Event event = page.data();
        VEvent vevent = event(page, siteZone, now, sequence);
        String join = joins(event) ? event.joinLink() : null;
        if (join != null) {
            vevent.setLocation(event.format() == Event.Format.HYBRID && event.place() != null ? event.place() + " or online: " + join : join);
            vevent.setDescription(event.summary() + "\n\nJoin" + (event.platform() == null ? "" : " on " + event.platform()) + ": " + join
                    + "\n(This link is for you only; please do not share it.)\n\n" + baseUrl + page.url());
        }
        return personal(vevent, Method.request(), organizer, registrant);
    }

    /**
     * The cancellation of that invitation ({@code METHOD:CANCEL}, {@code STATUS:CANCELLED}, the same UID
     * and the given SEQUENCE): the registrant cancelled, or the event is cancelled. No join link.
     */
    String cancellation(Page<Event> page, ZoneId siteZone, Instant now, int sequence, Organizer organizer, Registration registrant) {
        VEvent vevent = event(page, siteZone, now, sequence);
        vevent.setStatus(Status.cancelled());
        return personal(vevent, Method.cancel(), organizer, registrant);
    }

    /**
     * A name as an iCalendar CN parameter: RFC 5545 allows no double quote or line break in a
     * parameter value (a name typed as Ada "the Countess" Lovelace would make the file unwritable).
     */
    static String commonName(String name) {
        return name == null ? null : name.replace('"', '\'').replaceAll("[\\r\\n]+", " ");
    }

    /**
     * The UID of one registration's own entry: the public UID with the registration's reference, so
     * that importing the public file (which has no join link) never overwrites the invitation, and a
     * new registration after a cancelled one is a new entry, not a cancelled one asked back.
     */
    static String personalUid(String publicUid, Registration registrant) {
        int at = publicUid.lastIndexOf('@');
        String reference = registrant.reference().toLowerCase(java.util.Locale.ROOT);
        return at < 0 ? publicUid + "-" + reference : publicUid.substring(0, at) + "-" + reference + publicUid.substring(at);
    }

    private static String personal(VEvent vevent, Method method, Organizer organizer, Registration registrant) {
        vevent.setUid(personalUid(vevent.getUid().getValue(), registrant));
        ICalendar calendar = calendar(method);
        if (organizer != null && organizer.email() != null) {
            vevent.setOrganizer(new biweekly.property.Organizer(commonName(organizer.name()), organizer.email()));
        }
        Attendee attendee = new Attendee(commonName(registrant.name()), registrant.email());
        attendee.setRole(Role.ATTENDEE);
        attendee.setRsvp(false);
        attendee.setParticipationStatus(ParticipationStatus.ACCEPTED);
        vevent.addAttendee(attendee);
        calendar.addEvent(vevent);
        return Biweekly.write(calendar).go();
    }

    /** Whether the event has a join link registrants may see (not for one in person only). */
    static boolean joins(Event event) {
        return event.joinLink() != null && event.format() != Event.Format.IN_PERSON;
    }

    private static ICalendar calendar(Method method) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//RUSH University Graduate Medical Education//Events//EN");
        calendar.setMethod(method);
        return calendar;
    }

    private VEvent event(Page<Event> page, ZoneId siteZone, Instant now, int sequence) {
        Event event = page.data();
        VEvent vevent = new VEvent();
        vevent.setUid(uid(page));
        vevent.setSequence(sequence);
        vevent.setDateTimeStamp(Date.from(now));
        vevent.setDateStart(Date.from(event.startsAt(siteZone).toInstant()), true);
        vevent.setDateEnd(Date.from(event.endsAt(siteZone).toInstant()), true);
        vevent.setLastModified(Date.from(page.modified()));
        vevent.setSummary(page.title());
        vevent.setDescription(event.summary() + "\n\n" + baseUrl + page.url());
        vevent.setUrl(baseUrl + page.url());
        vevent.setLocation(location(event));
        vevent.setStatus(event.statusOrDefault() == Event.Status.CANCELLED ? Status.cancelled() : Status.confirmed());
        return vevent;
    }

    /** The same for an event whatever its file becomes: its slug at the site's host. */
    String uid(Page<Event> page) {
        String host = URI.create(baseUrl).getHost();
        return "event-" + page.slug() + "@" + (host == null ? "localhost" : host);
    }

    static String location(Event event) {
        if (event.format() == Event.Format.IN_PERSON) {
            return event.place();
        }
        String online = "Online" + (event.platform() == null ? "" : " (" + event.platform() + ")");
        return event.format() == Event.Format.HYBRID && event.place() != null ? event.place() + " and " + online : online;
    }

    /** "Add to Google Calendar": its event template, times in UTC. */
    public String googleLink(Page<Event> page, ZoneId siteZone) {
        Event event = page.data();
        return "https://calendar.google.com/calendar/render?action=TEMPLATE&text=" + encode(page.title())
                + "&dates=" + GOOGLE.format(event.startsAt(siteZone).toInstant()) + "/" + GOOGLE.format(event.endsAt(siteZone).toInstant())
                + "&details=" + encode(event.summary() + " " + baseUrl + page.url()) + "&location=" + encode(location(event));
    }

    /** "Add to Outlook": Outlook on the web's compose link, times with their offset. */
    public String outlookLink(Page<Event> page, ZoneId siteZone) {
        Event event = page.data();
        return "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject="
                + encode(page.title()) + "&startdt=" + encode(event.startsAt(siteZone).toOffsetDateTime().toString())
                + "&enddt=" + encode(event.endsAt(siteZone).toOffsetDateTime().toString())
                + "&body=" + encode(event.summary() + " " + baseUrl + page.url()) + "&location=" + encode(location(event));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }
}
