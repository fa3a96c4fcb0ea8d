package edu.rush.gme;

import edu.rush.gme.content.ContentProblem;
import edu.rush.gme.coordinator.CoordinatorController;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Meta;
import edu.rush.gme.content.Page;
import edu.rush.gme.event.Event;
import edu.rush.gme.event.RegistrationService;
import edu.rush.gme.inquiry.Inquiry;
import edu.rush.gme.mail.MailOutbox;
import edu.rush.gme.outbox.Outbox;
import edu.rush.gme.preview.PreviewTokens;
import edu.rush.gme.program.ApplicationWindow;
import edu.rush.gme.program.Fact;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramContent;
import edu.rush.gme.program.ProgramFacts;
import edu.rush.gme.search.SearchMisses;
import edu.rush.gme.search.ZeroResultLog;
import edu.rush.gme.staff.ContentIndex;
import edu.rush.gme.staff.DashboardPanel;
import edu.rush.gme.staff.Listing;
import edu.rush.gme.staff.Listing.Cell;
import edu.rush.gme.staff.Listing.Row;
import edu.rush.gme.staff.Role;
import edu.rush.gme.staff.StaffAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's lists, filled from the features by the composition root (the workspace knows no
 * feature): content problems, drafts and scheduled items with preview links, programs with facts
 * missing or a past cycle, searches that found nothing, recent inquiries, registrations per event,
 * and the outboxes. A coordinator's lists hold their own programs only.
 */
public final class WorkspacePanels {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, uuuu h:mm a", Locale.US);
    private static final Duration RECENT = Duration.ofDays(90);
    private static final Duration PREVIEW_VALID = Duration.ofDays(7);

    private WorkspacePanels() {
    }

    public static List<DashboardPanel> of(ContentStore store, Services services, PreviewTokens previews) {
        return List.of(
                new DashboardPanel("problems", "Content problems", Role.EDITOR, "No content file has a problem.",
                        (account, now) -> problems(store.snapshot())),
                new DashboardPanel("unpublished", "Drafts and scheduled items", Role.EDITOR, "Nothing is a draft, scheduled or expired.",
                        (account, now) -> unpublished(store.snapshot(), now, previews)),
                new DashboardPanel("programs", "Programs with facts missing or a past cycle", Role.EDITOR, "Every program's facts are complete and current.",
                        (account, now) -> programs(store.snapshot(), now)),
                new DashboardPanel("searches", "Searches that found nothing (90 days)", Role.EDITOR, "Every search found something.",
                        (account, now) -> searches(services, store.snapshot().site().zone(), now)),
                new DashboardPanel("inquiries", "Inquiries (90 days)", Role.COORDINATOR, "No inquiries in the last 90 days.",
                        (account, now) -> inquiries(store.snapshot(), services, account, now)),
                new DashboardPanel("registrations", "Event registrations", Role.COORDINATOR, "Nobody has registered for an event yet.",
                        (account, now) -> registrations(store.snapshot(), services.registrations(), account)),
                new DashboardPanel("outbox", "Outgoing mail and webhooks", Role.ADMIN, "",
                        (account, now) -> outbox(services)));
    }

    private static Listing problems(ContentSnapshot snapshot) {
        List<Row> rows = new ArrayList<>();
        for (ContentProblem problem : snapshot.problems()) {
            String at = problem.file() + ":" + problem.line() + ":" + problem.column();
            // A Markdown file opens in the editor (which refuses any other file with its reason).
            rows.add(Row.of(problem.file().endsWith(".md") ? Cell.link(at, edu.rush.gme.staff.ContentEditor.EDIT + "?file="
                    + java.net.URLEncoder.encode(problem.file(), java.nio.charset.StandardCharsets.UTF_8)) : Cell.of(at), Cell.of(problem.message())));
        }
        return new Listing(List.of("Where", "Problem"), rows);
    }

    private static Listing unpublished(ContentSnapshot snapshot, Instant now, PreviewTokens previews) {
        ZoneId zone = snapshot.site().zone();
        List<Row> rows = new ArrayList<>();
        for (ContentType<?> type : snapshot.types().all()) {
            for (Page<?> page : snapshot.all(type)) {
                String state = state(page.meta(), now, zone);
                if (state == null) {
                    continue;
                }
                // A preview link that works for a week; an expired page has no preview (it is simply gone).
                Cell preview = state.startsWith("Expired") ? Cell.of("")
                        : Cell.link("Preview", "/preview/" + previews.item(type.name(), page.source(), PREVIEW_VALID));
                rows.add(Row.of(Cell.of(type.label()), Cell.of(page.title()), Cell.of(page.source()), Cell.of(state), preview));
            }
        }
        return new Listing(List.of("Type", "Title", "File", "State", "Preview"), rows);
    }

    /** "Draft", "Scheduled for ...", "Expired ..." (the content list's status, with its time); null when it shows now. */
    private static String state(Meta meta, Instant now, ZoneId zone) {
        return switch (ContentIndex.status(meta, now, zone)) {
            case DRAFT -> "Draft";
            case SCHEDULED -> "Scheduled for " + WHEN.format(meta.publishDate().in(zone).atZone(zone));
            case EXPIRED -> "Expired " + WHEN.format(meta.expiryDate().in(zone).atZone(zone));
            case PUBLISHED, ERROR -> null;
        };
    }

    private static Listing programs(ContentSnapshot snapshot, Instant now) {
        LocalDate today = snapshot.at(now).toLocalDate();
        List<Row> rows = new ArrayList<>();
        for (Page<Program> page : snapshot.list(ProgramContent.TYPE, now)) {
            List<String> missing = ProgramFacts.of(page, today).stream().filter(fact -> fact.applies() && !fact.isReported()).map(Fact::label).toList();
            LocalDate cycleEnds = page.data().cycleEnds();
            boolean pastCycle = cycleEnds != null && today.isAfter(cycleEnds);
            ApplicationWindow window = ApplicationWindow.of(page.data(), today);
            if (missing.isEmpty() && !pastCycle) {
                continue;
            }
            rows.add(Row.of(Cell.link(page.title(), page.url()), Cell.of(missing.size()), Cell.of(String.join(", ", missing)),
                    Cell.of(page.data().cycle() == null ? "Not given" : page.data().cycle() + (pastCycle ? " (past)" : "")),
                    Cell.of(window.status().key())));
        }
        rows.sort(Comparator.comparing((Row row) -> -Integer.parseInt(row.cells().get(1).text())));
        return new Listing(List.of("Program", "Facts missing", "Which", "Cycle", "Application window"), rows);
    }

    private static Listing searches(Services services, ZoneId zone, Instant now) {
        List<Row> rows = new ArrayList<>();
        for (ZeroResultLog.Entry entry : SearchMisses.read(services.database(), now.minus(RECENT))) {
            rows.add(Row.of(Cell.link(entry.query(), "/search?q=" + java.net.URLEncoder.encode(entry.query(), java.nio.charset.StandardCharsets.UTF_8)),
                    Cell.of(entry.count()), Cell.of(WHEN.format(entry.lastSeen().atZone(zone)))));
        }
        return new Listing(List.of("Search", "Times", "Last"), rows);
    }

    private static Listing inquiries(ContentSnapshot snapshot, Services services, StaffAccount account, Instant now) {
        ZoneId zone = snapshot.site().zone();
        List<Row> rows = new ArrayList<>();
        List<Inquiry> inquiries = new ArrayList<>(services.inquiries().list(now.minus(RECENT), null));
        java.util.Collections.reverse(inquiries);
        for (Inquiry inquiry : inquiries) {
            String program = inquiry.content().programSlug();
            if (account.role() == Role.COORDINATOR && (program == null || !account.programs().contains(program))) {
                continue;
            }
            rows.add(Row.of(Cell.of(WHEN.format(inquiry.receivedAt().atZone(zone))),
                    Cell.link(inquiry.reference(), CoordinatorController.INQUIRIES + "/" + inquiry.reference()),
                    Cell.of(inquiry.content().programTitle()), Cell.of(inquiry.content().name() + " <" + inquiry.content().email() + ">"),
                    Cell.of(inquiry.content().spam() ? "spam" : inquiry.delivery().label()),
                    Cell.of(inquiry.isAnswered() ? "Answered" : "Not answered")));
        }
        return new Listing(List.of("Received", "Reference", "Program", "From", "E-mail", "Answered"), rows);
    }

    private static Listing registrations(ContentSnapshot snapshot, RegistrationService registrations, StaffAccount account) {
        ZoneId zone = snapshot.site().zone();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, RegistrationService.Tally> entry : registrations.tallies().entrySet()) {
            Page<Event> event = snapshot.findAny(Event.TYPE, entry.getKey()).orElse(null);
            if (account.role() == Role.COORDINATOR
                    && (event == null || event.data().programsOrEmpty().stream().noneMatch(account.programs()::contains))) {
                continue;
            }
            RegistrationService.Tally tally = entry.getValue();
            // To the event's registrants in the workspace (its public page is one click on from there).
            rows.add(Row.of(Cell.link(event == null ? entry.getKey() : event.title(), CoordinatorController.REGISTRATIONS + "/" + entry.getKey()),
                    Cell.of(event == null ? "" : event.data().dayText() + ", " + event.data().timeText(zone)),
                    Cell.of(tally.confirmed()), Cell.of(tally.waitlisted()), Cell.of(tally.cancelled()),
                    Cell.of(tally.seatsLeft() == null ? "No limit" : tally.seatsLeft())));
        }
        return new Listing(List.of("Event", "When", "Confirmed", "Waitlisted", "Cancelled", "Seats left"), rows);
    }

    private static Listing outbox(Services services) {
        MailOutbox.Counts mail = services.outbox().counts();
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(Cell.of("E-mail" + (services.outbox().sends() ? "" : " (no mail server configured: messages wait)")),
                Cell.of(mail.waiting()), Cell.of(mail.failed())));
        if (services.webhooks().configured()) {
            Outbox.Counts notices = services.webhooks().counts();
            rows.add(Row.of(Cell.of("Webhook notices"), Cell.of(notices.waiting()), Cell.of(notices.failed())));
        }
        return new Listing(List.of("Queue", "Waiting", "Given up"), rows);
    }
}
