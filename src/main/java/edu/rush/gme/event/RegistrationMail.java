package edu.rush.gme.event;

import edu.rush.gme.content.Page;
import edu.rush.gme.content.SiteConfig;
import edu.rush.gme.mail.OutgoingMail;
import edu.rush.gme.web.Paths;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The e-mails a registrant gets, as plain text: confirmation (with the join link), waitlist notice
 * (with the place in the queue), promotion from the waitlist, cancellation; and later the event's
 * news: a new time or place, its cancellation, its recording, reminders a day and an hour before.
 * Each carries the registrant's own link; only mail to a confirmed registrant carries the join link.
 * Mail to a confirmed registrant about the event's time carries a calendar invitation
 * ({@link EventCalendar#invitation}, METHOD:REQUEST, with the event's current SEQUENCE) and the end of
 * a seat its cancellation (METHOD:CANCEL); the waitlist gets none, as it has no seat to put in a calendar.
 */
final class RegistrationMail {

    static final String CONFIRMATION = "registration-confirmation";
    static final String WAITLIST = "registration-waitlist";
    static final String PROMOTION = "registration-promotion";
    static final String CANCELLATION = "registration-cancellation";
    static final String CHANGED = "event-changed";
    static final String CANCELLED = "event-cancelled";
    static final String RECORDING = "event-recording";
    static final String DAY_REMINDER = "event-reminder-day";
    static final String HOUR_REMINDER = "event-reminder-hour";

    private final String baseUrl;
    private final RegistrationLinks links;
    private final EventCalendar calendar;
    /** The sender's address (GME_MAIL_FROM), the invitations' organizer when site.yaml gives no contact address; may be null. */
    private final String sender;

    RegistrationMail(String baseUrl, RegistrationLinks links, String sender) {
        this.baseUrl = baseUrl;
        this.links = links;
        this.calendar = new EventCalendar(baseUrl);
        this.sender = sender;
    }

    /** An invitation's context: the event's SEQUENCE and the moment the mail is written (its DTSTAMP). */
    record Stamp(int sequence, Instant now) {
    }

    /** "You are registered" (or, with {@code again}, the same sent again because the address registered twice), with the invitation. */
    OutgoingMail confirmation(Page<Event> page, Registration registration, SiteConfig site, boolean again, Stamp stamp) {
        String subject = (again ? "Your registration (again): " : "You are registered: ") + page.title();
        String body = greeting(registration)
                + (again ? "You asked to register again for an event you are already registered for, so here is your registration once more.\n\n" : "")
                + "Your seat is confirmed for " + page.title() + ".\n\n"
                + when(page, site.zone()) + joinText(page) + calendarText() + ownLink(registration) + footer(site);
        return new OutgoingMail(CONFIRMATION, registration.email(), replyTo(site), subject, body, invitation(page, registration, site, stamp));
    }

    /** "The event is full; you are number N on the waitlist". */
    OutgoingMail waitlist(Page<Event> page, Registration registration, SiteConfig site, boolean again) {
        String subject = "You are on the waitlist: " + page.title();
        String body = greeting(registration)
                + (again ? "You asked to register again, so here is where your registration stands.\n\n" : "")
                + page.title() + " is full, so you are on its waitlist, number " + registration.position() + ".\n"
                + "If a seat becomes free, the first person waiting gets it and we tell them by e-mail at once, with the link to join.\n\n"
                + when(page, site.zone()) + ownLink(registration) + footer(site);
        return new OutgoingMail(WAITLIST, registration.email(), replyTo(site), subject, body);
    }

    /** "A seat became free and it is yours", with the invitation. */
    OutgoingMail promotion(Page<Event> page, Registration registration, SiteConfig site, Stamp stamp) {
        String subject = "A seat is yours: " + page.title();
        String body = greeting(registration)
                + "A seat became free for " + page.title() + " and, as the first on the waitlist, you have it: your registration is confirmed.\n\n"
                + when(page, site.zone()) + joinText(page) + calendarText() + ownLink(registration) + footer(site);
        return new OutgoingMail(PROMOTION, registration.email(), replyTo(site), subject, body, invitation(page, registration, site, stamp));
    }

    /**
     * "Your registration is cancelled" ({@code registration} as it was before): one who had a seat also
     * gets the invitation's cancellation, so the event leaves their calendar.
     */
    OutgoingMail cancellation(Page<Event> page, Registration registration, SiteConfig site, Stamp stamp) {
        String subject = "Registration cancelled: " + page.title();
        String body = greeting(registration)
                + "Your registration for " + page.title() + " is cancelled" + (registration.isConfirmed() ? " and your seat was given up" : "") + ".\n"
                + "If you change your mind, you can register again on the event's page while registration is open: "
                + baseUrl + page.url() + "\n" + footer(site);
        return new OutgoingMail(CANCELLATION, registration.email(), replyTo(site), subject, body,
                registration.isConfirmed() ? calendar.cancellation(page, site.zone(), stamp.now(), stamp.sequence(), organizer(site), registration) : null);
    }

    /** What changed about an event its registrants are told of (besides its cancellation). */
    enum Change { MOVED, BACK_ON, NEW_LINK }

    /**
     * "The time or place has changed", "it takes place after all" or "the link to join has changed": the
     * event as it is now; a confirmed registrant gets the updated invitation, the waitlist its place.
     */
    OutgoingMail changed(Page<Event> page, Registration registration, SiteConfig site, Change change, Stamp stamp) {
        String subject = switch (change) {
            case MOVED -> "New time or place: ";
            case BACK_ON -> "Taking place after all: ";
            case NEW_LINK -> "New link to join: ";
        } + page.title();
        String body = greeting(registration)
                + switch (change) {
                    case MOVED -> "The time or place of " + page.title() + " has changed. This is the event as it is now:\n\n";
                    case BACK_ON -> page.title() + " was cancelled, but it takes place after all.\n\n";
                    case NEW_LINK -> "The link to join " + page.title() + " has changed; the old one no longer works. Use this one:\n\n";
                }
                + when(page, site.zone())
                + (registration.isConfirmed()
                        ? "Your seat is kept.\n\n" + joinText(page) + calendarText()
                        : "You are still on the waitlist, number " + registration.position() + ".\n\n")
                + ownLink(registration) + footer(site);
        return new OutgoingMail(CHANGED, registration.email(), replyTo(site), subject, body,
                registration.isConfirmed() ? invitation(page, registration, site, stamp) : null);
    }

    /** "The event is cancelled": a confirmed registrant also gets the invitation's cancellation. */
    OutgoingMail eventCancelled(Page<Event> page, Registration registration, SiteConfig site, Stamp stamp) {
        String subject = "Cancelled: " + page.title();
        String body = greeting(registration)
                + "We are sorry: " + page.title() + ", planned for " + page.data().dayText() + ", " + page.data().timeText(site.zone())
                + ", is cancelled" + (registration.isConfirmed() ? "" : " (you were on its waitlist)") + ".\n"
                + "Other events are listed at " + baseUrl + Paths.EVENTS + "\n" + footer(site);
        return new OutgoingMail(CANCELLED, registration.email(), replyTo(site), subject, body,
                registration.isConfirmed() ? calendar.cancellation(page, site.zone(), stamp.now(), stamp.sequence(), organizer(site), registration) : null);
    }

    /** "The recording is available", after the event, to everyone registered (seat or waitlist). */
    OutgoingMail recording(Page<Event> page, Registration registration, SiteConfig site) {
        String subject = "Recording available: " + page.title();
        String body = greeting(registration)
                + "Thank you for registering for " + page.title() + ". Its recording is now available:\n"
                + page.data().recording() + "\n\n"
                + "Event page: " + baseUrl + page.url() + "\n" + footer(site);
        return new OutgoingMail(RECORDING, registration.email(), replyTo(site), subject, body);
    }

    /** The reminder a day ({@code hour} false) or an hour before the start, to a confirmed registrant: when, where, how to join. */
    OutgoingMail reminder(Page<Event> page, Registration registration, SiteConfig site, boolean hour) {
        // A day reminder may go out late (the server was down): it names the day, not "tomorrow".
        String subject = (hour ? "Starting soon: " : "Reminder: ") + page.title() + (hour ? "" : ", " + page.data().dayText());
        String body = greeting(registration)
                + "A reminder: " + page.title() + (hour ? " starts within the hour" : " is on " + page.data().dayText()) + ".\n\n"
                + when(page, site.zone()) + joinText(page)
                + "If you can no longer come, please cancel so that someone on the waitlist can have your seat.\n"
                + ownLink(registration) + footer(site);
        return new OutgoingMail(hour ? HOUR_REMINDER : DAY_REMINDER, registration.email(), replyTo(site), subject, body);
    }

    private String invitation(Page<Event> page, Registration registration, SiteConfig site, Stamp stamp) {
        return calendar.invitation(page, site.zone(), stamp.now(), stamp.sequence(), organizer(site), registration);
    }

    /** The office (site.yaml's contact address), else the site's sender. */
    private EventCalendar.Organizer organizer(SiteConfig site) {
        String email = site.contact() != null && site.contact().email() != null ? site.contact().email() : sender;
        return email == null ? null : new EventCalendar.Organizer(site.officeName(), email);
    }

    private static String calendarText() {
        return "The event is attached as a calendar invitation (invite.ics); if your calendar changes, we send it again.\n\n";
    }

    private static String greeting(Registration registration) {
        return "Hello " + registration.name() + ",\n\n";
    }

    private String when(Page<Event> page, ZoneId siteZone) {
        Event event = page.data();
        return "When: " + event.dayText() + ", " + event.timeText(siteZone) + "\n"
                + "Where: " + EventCalendar.location(event) + "\n"
                + "Event page: " + baseUrl + page.url() + "\n\n";
    }

    private static String joinText(Page<Event> page) {
        Event event = page.data();
        if (!EventCalendar.joins(event)) {
            return "";
        }
        return "Join" + (event.platform() == null ? "" : " on " + event.platform()) + ": " + event.joinLink() + "\n"
                + "This link is for you only; please do not share it.\n\n";
    }

    private String ownLink(Registration registration) {
        return "Your registration (to see it or cancel it): " + baseUrl + Paths.registration(links.token(registration.reference())) + "\n"
                + "Reference: " + registration.reference() + "\n";
    }

    private static String footer(SiteConfig site) {
        return "\n-- \n" + site.fullName() + "\nIf you did not register, you can ignore this message or cancel with the link above.\n";
    }

    private static String replyTo(SiteConfig site) {
        return site.contact() == null ? null : site.contact().email();
    }
}
