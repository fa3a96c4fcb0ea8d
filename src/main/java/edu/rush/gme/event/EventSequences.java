package edu.rush.gme.event;

import edu.rush.gme.content.Page;
import java.time.ZoneId;
import java.util.Map;

/**
 * Each event's calendar SEQUENCE as this server last read it from the database ({@code event_tally}:
 * the schedule it was counted for and the count), for the public calendar files, which must never
 * wait for the database or fail when it is down. The database holds the truth; {@link RegistrantNotices}
 * raises it once per change of an event's time, place or status (whichever server sees the change
 * first) and refreshes this copy after every look: right after each load, and every minute.
 * <p>Never a guess ahead of the database: a count one higher than the database's, given by a server
 * whose content is behind another's, would make calendars keep its older version. A server that has
 * never reached the database gives 0, the count of an event never changed.
 */
public final class EventSequences {

    /** What the database said about an event: the schedule its sequence was counted for, and the count. */
    record Known(String schedule, int sequence) {
    }

    private volatile Map<String, Known> known = Map.of();

    /** The SEQUENCE for an event's calendar entries now, from memory only. */
    public int of(Page<Event> page) {
        Known entry = known.get(page.slug());
        return entry == null ? 0 : entry.sequence();
    }

    void replace(Map<String, Known> read) {
        known = Map.copyOf(read);
    }

    /**
     * What registrants and calendars know of an event: when (start, end, zone), where (format, platform,
     * place), how to join (a digest of the join link, which confirmed registrants' invitations carry as
     * their location; never the link itself) and whether it takes place (status, last). A change of any
     * of it raises the SEQUENCE.
     */
    static String schedule(Event event, ZoneId siteZone) {
        return "start=" + event.start() + "|end=" + event.end() + "|zone=" + event.zoneOr(siteZone).getId()
                + "|format=" + (event.format() == null ? "" : event.format().key()) + "|platform=" + nullToEmpty(event.platform())
                + "|place=" + nullToEmpty(event.place())
                + JOIN + (EventCalendar.joins(event) ? digest(event.joinLink()) : "")
                + STATUS + event.statusOrDefault().key();
    }

    private static final String JOIN = "|join=";
    private static final String STATUS = "|status=";

    /** Whether a stored schedule says the event was cancelled. */
    static boolean isCancelled(String schedule) {
        return schedule != null && schedule.endsWith(STATUS + Event.Status.CANCELLED.key());
    }

    /** The time and place of a schedule, without how to join and its status: whether registrants must be told of a new time. */
    static String timeAndPlace(String schedule) {
        if (schedule == null) {
            return null;
        }
        int join = schedule.lastIndexOf(JOIN);
        return schedule.substring(0, join >= 0 ? join : schedule.lastIndexOf(STATUS));
    }

    /** The join link's part of a schedule (its digest), or "" (none, or a schedule recorded before it was kept). */
    static String joinPart(String schedule) {
        if (schedule == null || schedule.lastIndexOf(JOIN) < 0) {
            return "";
        }
        return schedule.substring(schedule.lastIndexOf(JOIN) + JOIN.length(), schedule.lastIndexOf(STATUS));
    }

    /** 16 hex digits of the link's SHA-256: enough to see that it changed, useless to find it. */
    private static String digest(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
