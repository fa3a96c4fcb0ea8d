package edu.rush.gme.mail;

/**
 * One plain-text e-mail to write to the outbox; replyTo may be null.
 *
 * @param purpose  what it is for, kept with it: {@link #NOTIFICATION}, {@link #RECEIPT} or a registration's kind
 * @param calendar an iCalendar file (RFC 5545) to attach, its METHOD naming what it asks of the calendar; or null
 */
public record OutgoingMail(String purpose, String recipient, String replyTo, String subject, String body, String calendar) {

    /** A question (or registration) for the people who answer it. */
    public static final String NOTIFICATION = "notification";
    /** The sender's confirmation that it arrived. */
    public static final String RECEIPT = "receipt";

    public OutgoingMail(String purpose, String recipient, String replyTo, String subject, String body) {
        this(purpose, recipient, replyTo, subject, body, null);
    }
}
