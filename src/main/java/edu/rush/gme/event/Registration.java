package edu.rush.gme.event;

import edu.rush.gme.inquiry.ApplicantType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A stored registration for an event.
 *
 * @param arrival  its number in the order the database took the event's registrations (the waitlist's order)
 * @param position for a waitlisted registration, its place in the queue (1: next to get a seat); else null
 */
public record Registration(long id, String reference, String eventSlug, String eventTitle, String name, String email,
                           ApplicantType applicantType, List<String> programs, String accessibility, Status status,
                           long arrival, Integer position, Instant registeredAt, Instant confirmedAt, Instant cancelledAt,
                           String channel) {

    /** Where a registration stands. */
    public enum Status {
        CONFIRMED("confirmed"), WAITLISTED("waitlisted"), CANCELLED("cancelled");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Optional<Status> byKey(String key) {
            return Arrays.stream(values()).filter(status -> status.key.equals(key)).findFirst();
        }
    }

    public boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }

    public boolean isWaitlisted() {
        return status == Status.WAITLISTED;
    }

    public boolean isCancelled() {
        return status == Status.CANCELLED;
    }
}
