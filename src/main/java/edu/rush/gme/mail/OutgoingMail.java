package edu.rush.gme.mail;

/** One plain-text e-mail to write to the outbox; replyTo may be null. */
public record OutgoingMail(String recipient, String replyTo, String subject, String body) {
}
