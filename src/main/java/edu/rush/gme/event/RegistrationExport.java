package edu.rush.gme.event;

import edu.rush.gme.csv.Spreadsheet;
import edu.rush.gme.db.Database;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Event registrations as a CSV spreadsheet for the GME office and coordinators: who registered for
 * which event, where they stand (confirmed, waitlisted with their place, cancelled) and when, with
 * times in the site's zone. Run as {@code java -jar gme-site.jar export-registrations}.
 */
public final class RegistrationExport {

    public static final String COMMAND = "export-registrations";
    public static final String USAGE = "usage: java -jar gme-site.jar " + COMMAND + " [--event SLUG] > registrations.csv";

    private RegistrationExport() {
    }

    /** The header row; the times' columns name the zone they are in. */
    static List<String> header(ZoneId zone) {
        return List.of("Reference", "Event", "Event title", "Status", "Waitlist position", "Name", "E-mail", "Applicant",
                "Programs", "Accessibility needs", "Registered at (" + zone + ")", "Confirmed at (" + zone + ")",
                "Cancelled at (" + zone + ")", "Channel");
    }

    /** The {@code --event SLUG} option (null: every event); a wrong argument throws with the usage. */
    public static String parseEvent(List<String> args) {
        String event = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.equals("--event")) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
            if (i + 1 == args.size() || args.get(i + 1).isBlank()) {
                throw new IllegalArgumentException("--event needs an event's slug, like open-house-2026-12-08\n" + USAGE);
            }
            event = args.get(++i);
        }
        return event;
    }

    /** Registrations for one event (null: all), by event and in the order they arrived. */
    public static List<Registration> read(Database database, String eventSlug) {
        RegistrationRepository repository = new RegistrationRepository(database);
        return database.inTransaction(connection -> repository.list(connection, eventSlug));
    }

    /** The slugs of the events that have registrations (for a message naming what there is). */
    public static List<String> eventsWithRegistrations(Database database) {
        RegistrationRepository repository = new RegistrationRepository(database);
        return database.inTransaction(connection -> repository.counts(connection).stream().map(row -> (String) row[0]).distinct().toList());
    }

    public static String csv(List<Registration> registrations, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>();
        for (Registration registration : registrations) {
            rows.add(List.of(
                    registration.reference(),
                    registration.eventSlug(),
                    registration.eventTitle(),
                    registration.status().key(),
                    registration.position() == null ? "" : registration.position().toString(),
                    registration.name(),
                    registration.email(),
                    registration.applicantType() == null ? "" : registration.applicantType().label(),
                    String.join("; ", registration.programs()),
                    registration.accessibility() == null ? "" : registration.accessibility(),
                    time(registration.registeredAt(), zone),
                    time(registration.confirmedAt(), zone),
                    time(registration.cancelledAt(), zone),
                    registration.channel()));
        }
        return Spreadsheet.write(header(zone), rows);
    }

    /** ISO 8601 with the offset that held then, to the second: 2026-12-01T09:30:00-06:00. */
    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}
