package edu.rush.gme.staff;

import java.time.Instant;
import java.util.List;

/**
 * A staff member's account.
 *
 * @param programs for a coordinator, the slugs of the programs whose inquiries and registrations they see
 */
public record StaffAccount(long id, String email, Role role, List<String> programs, boolean hasPassword, Instant createdAt,
                           Instant disabledAt) {

    public boolean isActive() {
        return disabledAt == null;
    }
}
