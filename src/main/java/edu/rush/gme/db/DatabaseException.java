package edu.rush.gme.db;

/** The database could not do what was asked (unreachable, still opening, a failed statement). */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
