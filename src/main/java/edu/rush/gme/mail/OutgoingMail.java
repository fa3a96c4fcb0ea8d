package edu.rush.gme.mail;

/**
 * One plain-text e-mail to write to the outbox; replyTo may be null.
 *
 * @param purpose what it is for, kept with it: {@link #NOTIFICATION} or {@link #RECEIPT}
 */
public record OutgoingMail(String purpose, String recipient, String replyTo, String subject, String body) {

    /** A question (or registration) for the people who answer it. */
    public static final String NOTIFICATION = "notification";
    /** The sender's confirmation that it arrived. */
    public static final String RECEIPT = "receipt";
}
