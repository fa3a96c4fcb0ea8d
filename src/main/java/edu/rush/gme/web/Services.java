package edu.rush.gme.web;

import edu.rush.gme.changes.ChangeJournal;
import edu.rush.gme.changes.Webhooks;
import edu.rush.gme.db.Database;
import edu.rush.gme.inquiry.InquiryService;
import edu.rush.gme.mail.MailOutbox;

/**
 * What the web layer uses besides the content: the database behind forms, the outbox, the limiter, the
 * change journal and its webhooks.
 */
public record Services(Database database, MailOutbox outbox, InquiryService inquiries, SubmissionLimiter limiter,
                       ChangeJournal changes, Webhooks webhooks) {
}
