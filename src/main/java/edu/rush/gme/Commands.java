package edu.rush.gme;

import edu.rush.gme.authoring.NewContent;
import edu.rush.gme.authoring.Validate;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.db.Database;
import edu.rush.gme.db.DatabaseException;
import edu.rush.gme.event.Event;
import edu.rush.gme.event.Registration;
import edu.rush.gme.event.RegistrationExport;
import edu.rush.gme.inquiry.InquiryExport;
import edu.rush.gme.mail.MailOutbox;
import edu.rush.gme.search.SearchMisses;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What the office runs besides the server, with the same settings (the same database):
 * {@code java -jar gme-site.jar COMMAND [OPTIONS]}. Each returns the process's exit status:
 * 0 done, 1 the database could not be used (or the content has problems), 2 a wrong command or option.
 */
public final class Commands {

    static final String HELP = """
            usage: java -jar gme-site.jar                  run the site (settings: GME_* environment variables, see README.md)
                   java -jar gme-site.jar export-inquiries [--since YYYY-MM-DD] [--program SLUG] > inquiries.csv
                   java -jar gme-site.jar export-registrations [--event SLUG] > registrations.csv
                   java -jar gme-site.jar export-search-misses [--since YYYY-MM-DD] > search-misses.csv
                   java -jar gme-site.jar resend-failed-mail   send again the e-mails given up on (after fixing GME_SMTP_*)
                   java -jar gme-site.jar validate [--format text|github] [CONTENT_DIR]
                                                           check every content file; problems as file:line:col: message
                   java -jar gme-site.jar new TYPE "Title"     start a draft from content/_archetypes/TYPE.md (TYPE: %s)
                   java -jar gme-site.jar preview FILE [--valid 7d]   a signed link to a draft or scheduled page
                   java -jar gme-site.jar add-staff EMAIL --role editor|publisher|coordinator|admin [--programs SLUG,SLUG]
                                                           a staff account for /admin, and a one-time link to set its password
                   java -jar gme-site.jar preview --as-of 2026-12-01T09:00 [--valid 2d]   a link to the whole site at that time
                   java -jar gme-site.jar index                 build the search index now and keep it for the next start
            """.formatted(String.join(", ", NewContent.creatable(App.CONTENT_TYPES).stream().map(t -> t.name()).toList()));

    /** The commands that print the content's problems themselves (the loader's log would repeat them). */
    static final java.util.Set<String> PRINTS_CONTENT_PROBLEMS = java.util.Set.of(Validate.COMMAND, NewContent.COMMAND);

    private Commands() {
    }

    public static int run(Settings settings, List<String> args, PrintStream out, PrintStream err) {
        return run(settings, Clock.systemUTC(), args, out, err);
    }

    /** The same, at the time of {@code clock} (the day a new file is dated). */
    public static int run(Settings settings, Clock clock, List<String> args, PrintStream out, PrintStream err) {
        String command = args.get(0);
        List<String> options = args.subList(1, args.size());
        return switch (command) {
            case Validate.COMMAND -> Validate.run(App.CONTENT_TYPES, settings.contentDir(), settings.staticDir(), clock, options, out, err);
            case NewContent.COMMAND -> NewContent.run(App.CONTENT_TYPES, settings.contentDir(), clock, options, out, err);
            case InquiryExport.COMMAND -> exportInquiries(settings, options, out, err);
            case RegistrationExport.COMMAND -> exportRegistrations(settings, options, out, err);
            case SearchMisses.COMMAND -> exportSearchMisses(settings, options, out, err);
            case RESEND_FAILED_MAIL -> resendFailedMail(settings, clock, options, out, err);
            case edu.rush.gme.staff.AddStaffCommand.COMMAND -> edu.rush.gme.staff.AddStaffCommand.run(settings.database(), settings.baseUrl(),
                    programSlugs(settings, clock), settings.preview().key(), clock, options, out, err);
            case edu.rush.gme.search.IndexCommand.COMMAND -> edu.rush.gme.search.IndexCommand.run(App.CONTENT_TYPES, settings.contentDir(),
                    settings.dataDir(), BuildStamp.ofJar(), clock, options, out, err);
            case edu.rush.gme.preview.PreviewCommand.COMMAND ->
                    edu.rush.gme.preview.PreviewCommand.run(settings, App.CONTENT_TYPES, options, out, err, Clock.systemUTC());
            case "--help", "-h", "help" -> {
                out.print(HELP);
                yield 0;
            }
            default -> {
                err.println("unknown command '" + command + "'");
                err.print(HELP);
                yield 2;
            }
        };
    }

    static final String RESEND_FAILED_MAIL = "resend-failed-mail";

    /** The slugs of the programs the content has (a coordinator's programs are checked against them). */
    private static java.util.Set<String> programSlugs(Settings settings, Clock clock) {
        edu.rush.gme.content.ContentSnapshot snapshot = new edu.rush.gme.content.ContentLoader(settings.contentDir(), clock, App.CONTENT_TYPES).load();
        return snapshot.all(edu.rush.gme.program.ProgramContent.TYPE).stream().map(page -> page.slug())
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Every stored inquiry (or those since a date, or for one program) as CSV. */
    public static int exportInquiries(Settings settings, List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, true, InquiryExport.USAGE);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        InquiryExport.Filter filter = new InquiryExport.Filter(options.since(), options.program());
        return withDatabase(settings, err, database -> out.print(InquiryExport.csv(InquiryExport.read(database, filter))), out);
    }

    /**
     * Event registrations (of one event, or all) as CSV, times in the site's zone. An event that is
     * neither in the content nor among the registrations is a wrong option (2), named with those there are.
     */
    public static int exportRegistrations(Settings settings, List<String> args, PrintStream out, PrintStream err) {
        String event;
        try {
            event = RegistrationExport.parseEvent(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        ContentSnapshot snapshot = new ContentLoader(settings.contentDir(), Clock.systemUTC(), App.CONTENT_TYPES).load();
        return commandWithDatabase(settings, err, database -> {
            List<Registration> registrations = RegistrationExport.read(database, event);
            if (event != null && registrations.isEmpty() && snapshot.findAny(Event.TYPE, event).isEmpty()) {
                java.util.SortedSet<String> known = new java.util.TreeSet<>(RegistrationExport.eventsWithRegistrations(database));
                snapshot.all(Event.TYPE).forEach(page -> known.add(page.slug()));
                err.println("no event '" + event + "': " + (known.isEmpty() ? "the content has no events"
                        : "the events are " + String.join(", ", known)) + "\n" + RegistrationExport.USAGE);
                return 2;
            }
            out.print(RegistrationExport.csv(registrations, snapshot.site().zone()));
            return 0;
        }, out);
    }

    /** What applicants searched for and did not find, most frequent first, as CSV. */
    public static int exportSearchMisses(Settings settings, List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, false, SearchMisses.USAGE);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        return withDatabase(settings, err, database -> out.print(SearchMisses.csv(SearchMisses.read(database, options.since()))), out);
    }

    /** The options of the exports: {@code --since YYYY-MM-DD} (from that day's start, UTC) and, where allowed, {@code --program SLUG}. */
    record Options(Instant since, String program) {
        static Options parse(List<String> args, boolean programAllowed, String usage) {
            Instant since = null;
            String program = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                boolean known = arg.equals("--since") || (programAllowed && arg.equals("--program"));
                if (!known || i + 1 == args.size()) {
                    throw new IllegalArgumentException((known ? arg + " needs a value" : "unknown argument '" + arg + "'") + "\n" + usage);
                }
                String value = args.get(++i);
                if (arg.equals("--program")) {
                    program = value;
                    continue;
                }
                try {
                    since = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--since must be a date like 2026-09-01, got '" + value + "'\n" + usage);
                }
            }
            return new Options(since, program);
        }
    }

    /** Makes the e-mails given up on due again; a running server sends them within half a minute. */
    public static int resendFailedMail(Settings settings, List<String> args, PrintStream out, PrintStream err) {
        return resendFailedMail(settings, Clock.systemUTC(), args, out, err);
    }

    /** The same at the time of {@code clock} (the messages are due from then). */
    public static int resendFailedMail(Settings settings, Clock clock, List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("resend-failed-mail takes no options, got " + args);
            return 2;
        }
        return withDatabase(settings, err, database -> {
            int count = MailOutbox.retryGivenUp(database, clock);
            out.println(count == 0 ? "no e-mail was given up on" : count + (count == 1 ? " e-mail is" : " e-mails are")
                    + " due again; the running server sends them within half a minute");
        }, out);
    }

    private interface DatabaseWork {
        void run(Database database);
    }

    /** Work that decides the exit status itself. */
    private interface DatabaseCommand {
        int run(Database database);
    }

    private static int withDatabase(Settings settings, PrintStream err, DatabaseWork work, PrintStream out) {
        return commandWithDatabase(settings, err, database -> {
            work.run(database);
            return 0;
        }, out);
    }

    private static int commandWithDatabase(Settings settings, PrintStream err, DatabaseCommand work, PrintStream out) {
        try (Database database = Database.open(settings.database())) {
            int status = work.run(database);
            out.flush();
            return status;
        } catch (DatabaseException e) {
            err.println(e.getMessage() + ": check GME_DATABASE_URL, GME_DATABASE_USER and GME_DATABASE_PASSWORD");
            return 1;
        }
    }
}
