package edu.rush.gme.db;

/** The database could not do what was asked (unreachable, still opening, a failed statement). */
public final class DatabaseException extends RuntimeException {

    private final boolean commitUncertain;

    public DatabaseException(String message, Throwable cause) {
        this(message, cause, false);
    }

    DatabaseException(String message, Throwable cause, boolean commitUncertain) {
        super(message, cause);
        this.commitUncertain = commitUncertain;
    }

    /** The connection failed while committing: the work may or may not have been stored. */
    public boolean commitUncertain() {
        return commitUncertain;
    }
}
