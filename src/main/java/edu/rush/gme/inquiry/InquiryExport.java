package edu.rush.gme.inquiry;

import edu.rush.gme.csv.Spreadsheet;
import edu.rush.gme.db.Database;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Inquiries as a CSV spreadsheet for coordinators and the GME office: every question with who sent
 * it, to whom, and whether its e-mail went out. Run as {@code java -jar gme-site.jar export-inquiries}.
 */
public final class InquiryExport {

    public static final String COMMAND = "export-inquiries";
    public static final String USAGE = "usage: java -jar gme-site.jar " + COMMAND + " [--since YYYY-MM-DD] [--program SLUG] > inquiries.csv";

    static final List<String> HEADER = List.of("Reference", "Received (UTC)", "Program", "Program title", "Sent to", "Name", "E-mail",
            "Applicant", "Graduation year", "Question", "Channel", "Spam", "E-mail status", "E-mailed at (UTC)");

    /** The export's filters, read from the command line. */
    public record Filter(Instant since, String program) {
        /** Reads {@code --since} (a date; from its start in UTC) and {@code --program}; throws with the usage on a mistake. */
        public static Filter parse(List<String> args) {
            Instant since = null;
            String program = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if ((arg.equals("--since") || arg.equals("--program")) && i + 1 < args.size()) {
                    String value = args.get(++i);
                    if (arg.equals("--since")) {
                        try {
                            since = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException("--since must be a date like 2026-09-01, got '" + value + "'\n" + USAGE);
                        }
                    } else {
                        program = value;
                    }
                } else {
                    throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
                }
            }
            return new Filter(since, program);
        }
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
                    inquiry.sentAt() == null ? "" : inquiry.sentAt().toString()));
        }
        return Spreadsheet.write(HEADER, rows);
    }
}
