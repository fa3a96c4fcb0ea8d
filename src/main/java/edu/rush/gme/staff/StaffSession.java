package edu.rush.gme.staff;

import java.time.Instant;

/**
 * A signed-in browser: whose, since when, last seen when, and the token its forms carry against
 * cross-site requests (bound to this session: another browser's token is refused).
 */
public record StaffSession(StaffAccount account, Instant createdAt, Instant lastSeenAt, String csrfToken) {
}
