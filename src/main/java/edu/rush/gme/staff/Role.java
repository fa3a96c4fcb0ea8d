package edu.rush.gme.staff;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a staff member may do. Editors edit and save drafts; publishers also publish, unpublish,
 * delete and restore; coordinators see the inquiries and registrations of their own programs;
 * administrators manage staff accounts and may do everything the others may.
 */
public enum Role {
    EDITOR("editor", "Editor"),
    PUBLISHER("publisher", "Publisher"),
    COORDINATOR("coordinator", "Program coordinator"),
    ADMIN("admin", "Administrator");

    private final String key;
    private final String label;

    Role(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether this role may do what {@code needed} may: itself; a publisher also an editor's work; an administrator anything. */
    public boolean allows(Role needed) {
        return this == needed || this == ADMIN || (this == PUBLISHER && needed == EDITOR);
    }

    public static Optional<Role> byKey(String key) {
        return Arrays.stream(values()).filter(role -> role.key.equals(key)).findFirst();
    }

    /** "editor, publisher, coordinator or admin" */
    public static String keys() {
        return "editor, publisher, coordinator or admin";
    }
}
