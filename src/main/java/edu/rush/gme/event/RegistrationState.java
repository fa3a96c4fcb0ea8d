package edu.rush.gme.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Whether an event takes registrations at a moment, in words for its pages: open (until when), not
 * yet open (from when), closed, cancelled or over. It changes only at the event's moments (its
 * start and end, registration opening and closing), so the cached event page can show it.
 *
 * @param key     open, not-yet-open, closed, cancelled or over
 * @param message what the page says, one sentence
 */
public record RegistrationState(String key, String message) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy, h:mm a zzz", Locale.US);

    public static RegistrationState of(Event event, Instant now, ZoneId siteZone) {
        if (event.statusOrDefault() != Event.Status.CANCELLED && event.isOver(now, siteZone)) {
            return new RegistrationState("over", "This event is over, so it takes no more registrations.");
        }
        ZoneId zone = event.zoneOr(siteZone);
        Event.Registration registration = event.registration();
        return switch (RegistrationService.window(event, now, siteZone)) {
            case OPEN -> new RegistrationState("open", "Registration is open until "
                    + when(registration != null && registration.closes() != null ? registration.closes() : event.start(), zone) + ".");
            case NOT_YET_OPEN -> new RegistrationState("not-yet-open", "Registration opens " + when(registration.opens(), zone) + ".");
            case CLOSED -> new RegistrationState("closed", RegistrationService.closedMessage(RegistrationService.Window.CLOSED));
            case CANCELLED -> new RegistrationState("cancelled", RegistrationService.closedMessage(RegistrationService.Window.CANCELLED));
        };
    }

    public boolean isOpen() {
        return key.equals("open");
    }

    /** "Tuesday, December 1, 2026, 9:00 AM CST": a local time in the event's zone, with the zone's label on that date. */
    static String when(LocalDateTime local, ZoneId zone) {
        return WHEN.format(local.atZone(zone));
    }
}
