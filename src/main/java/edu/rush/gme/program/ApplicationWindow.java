package edu.rush.gme.program;

import edu.rush.gme.program.Program.Application;
import edu.rush.gme.program.Program.Window;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a program's application window stands on a given day in the site's time zone: open,
 * not open yet, closed (with the next cycle's dates when content has them), or not reported.
 * A window that has passed is never shown as if it were open, and only open or coming windows
 * count for the finder's deadline order and filter.
 *
 * @param status   where the window stands
 * @param cycle    the recruitment cycle of the window described (the next one once this one closed)
 * @param opens    when that window opens, if known
 * @param deadline when that window closes, if known
 * @param closed   the deadline that has passed, when the status is {@link Status#CLOSED} or the
 *                 window described is a later cycle's
 */
public record ApplicationWindow(Status status, String cycle, LocalDate opens, LocalDate deadline, LocalDate closed) {

    /** Where a window stands. */
    public enum Status {
        /** No dates in content. */
        NOT_REPORTED("not-reported"),
        /** Announced, not open yet. */
        UPCOMING("upcoming"),
        /** Taking applications today. */
        OPEN("open"),
        /** A deadline ahead, but no opening date in content. */
        DEADLINE_AHEAD("deadline-ahead"),
        /** Closed, and no later window announced. */
        CLOSED("closed");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private record Candidate(String cycle, LocalDate opens, LocalDate deadline, LocalDate cycleEnds) {
        boolean hasDates() {
            return opens != null || deadline != null;
        }

        boolean hasEnded(LocalDate today) {
            return (deadline != null && today.isAfter(deadline)) || (cycleEnds != null && today.isAfter(cycleEnds));
        }
    }

    /** The window of this program as it stands on {@code today}. */
    public static ApplicationWindow of(Program program, LocalDate today) {
        Application application = program.application();
        List<Candidate> candidates = new ArrayList<>(2);
        candidates.add(new Candidate(program.cycle(), application == null ? null : application.opens(),
                application == null ? null : application.deadline(), program.cycleEnds()));
        Window next = application == null ? null : application.next();
        if (next != null) {
            candidates.add(new Candidate(next.cycle(), next.opens(), next.deadline(), Program.cycleEnds(next.cycle())));
        }
        LocalDate closed = null;
        String closedCycle = null;
        for (Candidate candidate : candidates) {
            if (!candidate.hasDates()) {
                continue;
            }
            if (candidate.hasEnded(today)) {
                if (candidate.deadline() != null) {
                    closed = candidate.deadline();
                }
                closedCycle = candidate.cycle();
                continue;
            }
            Status status = candidate.opens() == null ? Status.DEADLINE_AHEAD
                    : today.isBefore(candidate.opens()) ? Status.UPCOMING : Status.OPEN;
            return new ApplicationWindow(status, candidate.cycle(), candidate.opens(), candidate.deadline(), closed);
        }
        if (closedCycle == null) {
            return new ApplicationWindow(Status.NOT_REPORTED, program.cycle(), null, null, null);
        }
        return new ApplicationWindow(Status.CLOSED, closedCycle, null, null, closed);
    }

    /** The deadline applicants can still meet: the open or coming window's; none once closed. */
    public LocalDate deadlineAhead() {
        return status == Status.OPEN || status == Status.UPCOMING || status == Status.DEADLINE_AHEAD ? deadline : null;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** One sentence for the program page, the finder's cards and the comparison. */
    public String text(LocalDate today) {
        return switch (status) {
            case NOT_REPORTED -> null;
            case OPEN -> (closed == null ? "Open" : "Open" + forCycle(cycle))
                    + (deadline == null ? " now; the deadline is not reported."
                    : deadline.equals(today) ? ": closes today, " + ProgramFacts.date(deadline) + "."
                    : " until " + ProgramFacts.date(deadline) + ".");
            case DEADLINE_AHEAD -> "Deadline" + (closed == null ? "" : forCycle(cycle)) + ": " + ProgramFacts.date(deadline)
                    + (deadline.equals(today) ? " (today)" : "") + "; the opening date is not reported.";
            case UPCOMING -> "Applications" + forCycle(cycle) + " open on " + ProgramFacts.date(opens)
                    + (deadline == null ? "." : "; deadline " + ProgramFacts.date(deadline) + ".");
            case CLOSED -> (closed == null ? "Closed" : "Closed on " + ProgramFacts.date(closed))
                    + (cycle == null ? "" : " for the " + shownCycle(cycle) + " cycle")
                    + ". Dates for the next cycle are not yet announced.";
        };
    }

    private static String forCycle(String cycle) {
        return cycle == null ? "" : " for " + shownCycle(cycle);
    }

    /** 2027-2028 as people write it: 2027–28. */
    static String shownCycle(String cycle) {
        var matcher = Program.CYCLE.matcher(cycle);
        return matcher.matches() ? matcher.group(1) + "\u2013" + matcher.group(2).substring(2) : cycle;
    }
}
