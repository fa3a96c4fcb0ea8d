package edu.rush.gme;

import edu.rush.gme.changes.ChangeJournal;
import edu.rush.gme.changes.Webhooks;
import edu.rush.gme.db.Database;
import edu.rush.gme.event.RegistrationService;
import edu.rush.gme.inquiry.InquiryService;
import edu.rush.gme.mail.MailOutbox;
import edu.rush.gme.staff.ContentHistory;
import edu.rush.gme.staff.StaffService;
import edu.rush.gme.web.SubmissionLimiter;

/**
 * What the features use besides the content: the database behind forms, the outbox, the limiter, the
 * change journal and its webhooks, event registrations, staff accounts and sessions, the history of
 * content files.
 */
public record Services(Database database, MailOutbox outbox, InquiryService inquiries, SubmissionLimiter limiter,
                       ChangeJournal changes, Webhooks webhooks, RegistrationService registrations,
                       StaffService staff, ContentHistory history) {
}
