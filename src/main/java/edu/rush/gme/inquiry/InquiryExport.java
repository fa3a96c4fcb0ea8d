package edu.rush.gme.inquiry;

import edu.rush.gme.csv.Spreadsheet;
import edu.rush.gme.db.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Inquiries as a CSV spreadsheet for coordinators and the GME office: every question with who sent
 * it, to whom, whether its e-mail went out and whether staff marked it answered (and who). Run as
 * {@code java -jar gme-site.jar export-inquiries}; the staff workspace downloads the same columns.
 */
public final class InquiryExport {

    public static final String COMMAND = "export-inquiries";
    public static final String USAGE = "usage: java -jar gme-site.jar " + COMMAND + " [--since YYYY-MM-DD] [--program SLUG] > inquiries.csv";

    static final List<String> HEADER = List.of("Reference", "Received (UTC)", "Program", "Program title", "Sent to", "Name", "E-mail",
            "Applicant", "Graduation year", "Question", "Channel", "Spam", "E-mail status", "E-mailed at (UTC)",
            "Answered at (UTC)", "Answered by");

    /** Which inquiries: received from a time on (null: all), for one program (null: all). */
    public record Filter(Instant since, String program) {
    }

    private InquiryExport() {
    }

    /** The inquiries the filter selects, oldest first. */
    public static List<Inquiry> read(Database database, Filter filter) {
        return new InquiryRepository(database).list(filter.since(), filter.program());
    }

    public static String csv(List<Inquiry> inquiries) {
        List<List<String>> rows = new ArrayList<>();
        for (Inquiry inquiry : inquiries) {
            NewInquiry content = inquiry.content();
            rows.add(List.of(
                    inquiry.reference(),
                    inquiry.receivedAt().toString(),
                    content.programSlug() == null ? InquiryForm.OFFICE : content.programSlug(),
                    content.programTitle(),
                    content.recipient() == null ? "" : content.recipient(),
                    content.name(),
                    content.email(),
                    content.applicantType() == null ? "" : content.applicantType().label(),
                    content.graduationYear() == null ? "" : content.graduationYear().toString(),
                    content.message(),
                    inquiry.channel(),
                    content.spam() ? "yes" : "no",
                    inquiry.delivery().label(),
                    inquiry.sentAt() == null ? "" : inquiry.sentAt().toString(),
                    inquiry.answeredAt() == null ? "" : inquiry.answeredAt().toString(),
                    inquiry.answeredBy() == null ? "" : inquiry.answeredBy()));
        }
        return Spreadsheet.write(HEADER, rows);
    }
}
