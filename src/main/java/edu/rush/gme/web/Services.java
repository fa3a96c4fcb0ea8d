package edu.rush.gme.web;

import edu.rush.gme.db.Database;
import edu.rush.gme.inquiry.InquiryService;
import edu.rush.gme.mail.MailOutbox;

/** What the web layer uses besides the content: the database behind forms, the outbox, the limiter. */
public record Services(Database database, MailOutbox outbox, InquiryService inquiries, SubmissionLimiter limiter) {
}
