package edu.rush.gme.event;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.Page;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registrations counted per event for monitoring ({@code /readyz/events}): every event the site
 * shows, in its list order, with zeros where nobody registered, then any event that has registrations
 * but is no longer shown (its title and time unknown here). Seats left come from the capacity the
 * content gives now and the seats the database counts taken.
 */
public final class RegistrationCounts {

    private RegistrationCounts() {
    }

    public static List<Map<String, Object>> of(ContentSnapshot snapshot, Instant now, Map<String, RegistrationService.Tally> tallies) {
        ZoneId siteZone = snapshot.site().zone();
        Map<String, RegistrationService.Tally> left = new LinkedHashMap<>(tallies);
        List<Map<String, Object>> events = new ArrayList<>();
        for (Page<Event> page : snapshot.list(Event.TYPE, now)) {
            RegistrationService.Tally tally = left.remove(page.slug());
            Integer capacity = page.data().capacity();
            long confirmed = tally == null ? 0 : tally.confirmed();
            events.add(row(page.slug(), page.title(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(page.data().startsAt(siteZone)),
                    capacity, capacity == null ? null : (int) Math.max(0, capacity - confirmed), tally));
        }
        for (RegistrationService.Tally tally : left.values()) {
            events.add(row(tally.event(), null, null, tally.capacity(), tally.seatsLeft(), tally));
        }
        return events;
    }

    private static Map<String, Object> row(String slug, String title, String startsAt, Integer capacity, Integer seatsLeft,
                                           RegistrationService.Tally tally) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("event", slug);
        row.put("title", title);
        row.put("startsAt", startsAt);
        row.put("capacity", capacity);
        row.put("seatsLeft", seatsLeft);
        row.put("confirmed", tally == null ? 0 : tally.confirmed());
        row.put("waitlisted", tally == null ? 0 : tally.waitlisted());
        row.put("cancelled", tally == null ? 0 : tally.cancelled());
        return row;
    }
}
