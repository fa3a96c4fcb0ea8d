package edu.rush.gme.inquiry;

import edu.rush.gme.program.ProgramContent;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SiteConfig;
import edu.rush.gme.db.Database;
import edu.rush.gme.db.DatabaseException;
import edu.rush.gme.mail.MailAddresses;
import edu.rush.gme.mail.MailOutbox;
import edu.rush.gme.mail.OutgoingMail;
import edu.rush.gme.program.Program;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Applicants' questions: checks what they typed against the content (which program, whose
 * address), stores the inquiry and the e-mail to its coordinator in one transaction, and finds it
 * again by its reference. Knows nothing of HTTP.
 */
public final class InquiryService {

    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    public static final int MESSAGE_MAX = 5000;
    static final int EARLIEST_GRADUATION = 1950;
    /** Students ask years before they graduate (a first-year student graduates four years on). */
    static final int YEARS_AHEAD = 8;

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern REFERENCE = Pattern.compile("Q-[0-9A-HJKMNP-TV-Z]{8}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' h:mm a z", Locale.US);

    /** The outcome of checking a form: either an inquiry ready to store, or a message per field. */
    public sealed interface Checked permits Valid, Invalid {
    }

    public record Valid(NewInquiry inquiry) implements Checked {
    }

    /** Messages by field name, in the form's order. */
    public record Invalid(Map<String, String> errors) implements Checked {
    }

    private final Database database;
    private final InquiryRepository repository;
    private final MailOutbox outbox;
    private final ContentStore store;
    private final SecureRandom random = new SecureRandom();

    public InquiryService(Database database, MailOutbox outbox, ContentStore store) {
        this.database = database;
        this.repository = new InquiryRepository(database);
        this.outbox = outbox;
        this.store = store;
    }

    /** Checks a form against the current content: the program must be one the site shows today. */
    public Checked check(InquiryForm form) {
        ContentSnapshot snapshot = store.snapshot();
        Instant now = store.now();
        Map<String, String> errors = new LinkedHashMap<>();

        String programKey = trim(form.program());
        Page<Program> program = null;
        if (programKey.isEmpty()) {
            errors.put("program", "Choose a program, or the GME office for a general question");
        } else if (!programKey.equals(InquiryForm.OFFICE)) {
            program = snapshot.find(ProgramContent.TYPE, programKey, now).orElse(null);
            if (program == null) {
                errors.put("program", "Choose a program from the list; we could not find one called '" + programKey + "'");
            }
        }

        String name = trim(form.name()).replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            errors.put("name", "Enter your name");
        } else if (name.length() > NAME_MAX) {
            errors.put("name", "Your name must be " + NAME_MAX + " characters or fewer");
        } else if (CONTROL.matcher(name).find()) {
            errors.put("name", "Your name must not contain control characters");
        }

        String email = trim(form.email());
        if (email.isEmpty()) {
            errors.put("email", "Enter your e-mail address");
        } else if (email.length() > EMAIL_MAX || !isEmailAddress(email)) {
            errors.put("email", "Enter an e-mail address in the correct format, like name@example.com");
        }

        ApplicantType applicantType = null;
        String typeKey = trim(form.applicantType());
        if (!typeKey.isEmpty()) {
            applicantType = ApplicantType.byKey(typeKey).orElse(null);
            if (applicantType == null) {
                errors.put("applicantType", "Choose one of the options, or leave it unanswered");
            }
        }

        Integer graduationYear = null;
        String yearText = trim(form.graduationYear());
        if (!yearText.isEmpty()) {
            int latest = snapshot.at(now).getYear() + YEARS_AHEAD;
            if (!yearText.matches("\\d{4}")) {
                errors.put("graduationYear", "Enter the year as four digits, like 2025");
            } else if (Integer.parseInt(yearText) < EARLIEST_GRADUATION || Integer.parseInt(yearText) > latest) {
                errors.put("graduationYear", "Enter a year from " + EARLIEST_GRADUATION + " to " + latest);
            } else {
                graduationYear = Integer.parseInt(yearText);
            }
        }

        String message = form.message() == null ? "" : form.message().strip().replace("\r\n", "\n");
        if (message.isEmpty()) {
            errors.put("message", "Enter your question");
        } else if (message.length() > MESSAGE_MAX) {
            errors.put("message", "Your question must be " + String.format(Locale.US, "%,d", MESSAGE_MAX)
                    + " characters or fewer; it has " + String.format(Locale.US, "%,d", message.length()));
        } else if (CONTROL.matcher(message).find()) {
            errors.put("message", "Your question must not contain control characters");
        }

        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        boolean spam = !trim(form.website()).isEmpty();
        SiteConfig site = snapshot.site();
        String officeEmail = site.contact() == null ? null : site.contact().email();
        String title = program == null ? site.officeName() : program.title();
        String coordinator = program == null ? null : coordinatorEmail(program);
        String recipient = coordinator != null ? coordinator : officeEmail;
        return new Valid(new NewInquiry(program == null ? null : program.slug(), title, recipient, name, email,
                applicantType, graduationYear, message, spam));
    }

    /**
     * Stores the inquiry and, unless it is spam or nobody has an address, its e-mail in the outbox, in
     * one transaction; then asks the outbox to send. Once this returns the inquiry cannot be lost.
     */
    public Inquiry receive(NewInquiry inquiry, String channel) {
        Instant receivedAt = store.now();
        String reference = newReference();
        Optional<OutgoingMail> mail = inquiry.spam() || inquiry.recipient() == null
                ? Optional.empty() : Optional.of(mailFor(inquiry, reference, receivedAt));
        Optional<OutgoingMail> receipt = inquiry.spam() ? Optional.empty() : Optional.of(receiptFor(inquiry, reference, receivedAt));
        try {
            database.inTransaction(connection -> {
                long id = repository.insert(connection, reference, receivedAt, channel, inquiry);
                if (mail.isPresent()) {
                    outbox.enqueue(connection, id, mail.get());
                }
                if (receipt.isPresent()) {
                    outbox.enqueue(connection, id, receipt.get());
                }
                return id;
            });
        } catch (DatabaseException e) {
            // A connection lost during commit leaves it unknown whether the inquiry was stored: look.
            if (!e.commitUncertain() || !wasStored(reference)) {
                throw e;
            }
        }
        outbox.nudge();
        return new Inquiry(reference, receivedAt, channel, inquiry,
                mail.isPresent() ? Inquiry.Delivery.WAITING : Inquiry.Delivery.NOT_SENT, null, null, null);
    }

    private boolean wasStored(String reference) {
        try {
            return repository.findByReference(reference).isPresent();
        } catch (DatabaseException stillDown) {
            return false;
        }
    }

    /** The program coordinator's address, or null: then the program's questions go to the office. */
    public static String coordinatorEmail(Page<Program> program) {
        Program.Contact coordinator = program.data().coordinator();
        return coordinator == null ? null : coordinator.email();
    }

    /** Whether e-mail goes out (a mail server is configured): the confirmation page says so only then. */
    public boolean sendsMail() {
        return outbox.sends();
    }

    /** The inquiry with this reference; a string that is not a reference finds nothing without a query. */
    public Optional<Inquiry> find(String reference) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            return Optional.empty();
        }
        return repository.findByReference(reference);
    }

    /**
     * Which inquiries the staff workspace lists.
     *
     * @param allowedPrograms the programs the asker may see (a coordinator's); null: every inquiry, the office's too
     * @param program         one program's slug, or {@link InquiryForm#OFFICE} for the office's questions; null: any
     * @param answered        marked answered or not; null: both
     * @param words           each must be in the reference, program, name, e-mail or question (case ignored)
     */
    public record Selection(List<String> allowedPrograms, String program, Boolean answered, List<String> words) {
        public Selection {
            allowedPrograms = allowedPrograms == null ? null : List.copyOf(allowedPrograms);
            words = words == null ? List.of() : List.copyOf(words);
        }
    }

    /** A page of inquiries and how many the selection finds in all. */
    public record Found(int total, List<Inquiry> inquiries) {
    }

    /** One page of what a selection finds, newest first. */
    public Found select(Selection selection, int offset, int limit) {
        return repository.select(selection, offset, limit);
    }

    /** Marks the inquiry answered now by this person; false when there is no such inquiry. */
    public boolean markAnswered(String reference, String by) {
        return markAnswered(reference, by, connection -> null);
    }

    /** Marks the inquiry answered now by this person and does {@code also} (an audit entry) in the same transaction. */
    public boolean markAnswered(String reference, String by, Database.Work<?> also) {
        return repository.setAnswered(reference, store.now(), by, also);
    }

    /** Takes the mark back: the inquiry is waiting for an answer again. */
    public boolean markNotAnswered(String reference) {
        return markNotAnswered(reference, connection -> null);
    }

    /** Takes the mark back and does {@code also} (an audit entry) in the same transaction. */
    public boolean markNotAnswered(String reference, Database.Work<?> also) {
        return repository.setAnswered(reference, null, null, also);
    }

    /** Every inquiry received from a time on (null: all), for one program (null: all), oldest first. */
    public List<Inquiry> list(Instant since, String programSlug) {
        return repository.list(since, programSlug);
    }

    private OutgoingMail mailFor(NewInquiry inquiry, String reference, Instant receivedAt) {
        SiteConfig site = store.snapshot().site();
        String subject = "Question about " + inquiry.programTitle() + " from " + inquiry.name() + " [" + reference + "]";
        String body = "A question from the " + site.fullName() + " website for " + inquiry.programTitle() + ".\n\n"
                + "From: " + inquiry.name() + " <" + inquiry.email() + ">\n"
                + "Applicant: " + (inquiry.applicantType() == null ? "Not given" : inquiry.applicantType().label()) + "\n"
                + "Graduation year: " + (inquiry.graduationYear() == null ? "Not given" : inquiry.graduationYear()) + "\n"
                + "Received: " + RECEIVED.format(receivedAt.atZone(site.zone())) + "\n"
                + "Reference: " + reference + "\n\n"
                + inquiry.message() + "\n\n"
                + "-- \n"
                + "Reply to this e-mail to answer " + inquiry.name() + " directly.\n"
                + "The question is also kept in the website's database under reference " + reference + ".\n";
        return new OutgoingMail(OutgoingMail.NOTIFICATION, inquiry.recipient(), inquiry.email(), subject, body);
    }

    /**
     * The applicant's confirmation, to keep the reference. It repeats neither the name nor the
     * question (anyone can type any address into the form, so it carries nothing they wrote);
     * a reply goes to the coordinator.
     */
    private OutgoingMail receiptFor(NewInquiry inquiry, String reference, Instant receivedAt) {
        SiteConfig site = store.snapshot().site();
        String subject = "Your question to " + inquiry.programTitle() + " [" + reference + "]";
        String body = "We received your question to " + inquiry.programTitle() + " (" + site.fullName() + ") on "
                + RECEIVED.format(receivedAt.atZone(site.zone())) + ".\n\n"
                + "Your reference: " + reference + "\n"
                + "Please quote it if you write to us again about this question.\n\n"
                + (inquiry.recipient() == null
                        ? "We will answer you by e-mail.\n"
                        : "The answer will come by e-mail from " + inquiry.recipient() + "; replying to this message reaches the same address.\n")
                + "\nIf you did not send this question, you can ignore this message.\n";
        return new OutgoingMail(OutgoingMail.RECEIPT, inquiry.email(), inquiry.recipient(), subject, body);
    }

    private String newReference() {
        StringBuilder reference = new StringBuilder("Q-");
        for (int i = 0; i < 8; i++) {
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }

    /** Whether every mail server takes this address (see {@link MailAddresses#isDeliverable}). */
    static boolean isEmailAddress(String text) {
        return MailAddresses.isDeliverable(text);
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
