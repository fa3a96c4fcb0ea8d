package edu.rush.gme.staff;

import java.time.Instant;
import java.util.function.BiFunction;

/**
 * One list on the workspace's dashboard: its id (in addresses), title, the role it needs, what an
 * empty list means, and its rows as a given staff member sees them at a given time (a coordinator's
 * are their programs' only).
 */
public record DashboardPanel(String id, String title, Role role, String empty, BiFunction<StaffAccount, Instant, Listing> listing) {

    public boolean isFor(StaffAccount account) {
        return account.role().allows(role);
    }
}
