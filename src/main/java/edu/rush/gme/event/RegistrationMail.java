package edu.rush.gme.event;

import edu.rush.gme.content.Page;
import edu.rush.gme.content.SiteConfig;
import edu.rush.gme.mail.OutgoingMail;
import edu.rush.gme.web.Paths;
import java.time.ZoneId;

/**
 * The e-mails a registrant gets, as plain text: confirmation (with the join link), waitlist notice
 * (with the place in the queue), promotion from the waitlist, cancellation. Each carries the
 * registrant's own link; only mail to a confirmed registrant carries the join link.
 */
final class RegistrationMail {

    static final String CONFIRMATION = "registration-confirmation";
    static final String WAITLIST = "registration-waitlist";
    static final String PROMOTION = "registration-promotion";
    static final String CANCELLATION = "registration-cancellation";

    private final String baseUrl;
    private final RegistrationLinks links;

    RegistrationMail(String baseUrl, RegistrationLinks links) {
        this.baseUrl = baseUrl;
        this.links = links;
    }

    /** "You are registered" (or, with {@code again}, the same sent again because the address registered twice). */
    OutgoingMail confirmation(Page<Event> page, Registration registration, SiteConfig site, boolean again) {
        String subject = (again ? "Your registration (again): " : "You are registered: ") + page.title();
        String body = greeting(registration)
                + (again ? "You asked to register again for an event you are already registered for, so here is your registration once more.\n\n" : "")
                + "Your seat is confirmed for " + page.title() + ".\n\n"
                + when(page, site.zone()) + joinText(page) + ownLink(registration) + footer(site);
        return new OutgoingMail(CONFIRMATION, registration.email(), replyTo(site), subject, body);
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

    /** "A seat became free and it is yours". */
    OutgoingMail promotion(Page<Event> page, Registration registration, SiteConfig site) {
        String subject = "A seat is yours: " + page.title();
        String body = greeting(registration)
                + "A seat became free for " + page.title() + " and, as the first on the waitlist, you have it: your registration is confirmed.\n\n"
                + when(page, site.zone()) + joinText(page) + ownLink(registration) + footer(site);
        return new OutgoingMail(PROMOTION, registration.email(), replyTo(site), subject, body);
    }

    /** "Your registration is cancelled". */
    OutgoingMail cancellation(Page<Event> page, Registration registration, SiteConfig site) {
        String subject = "Registration cancelled: " + page.title();
        String body = greeting(registration)
                + "Your registration for " + page.title() + " is cancelled" + (registration.isConfirmed() ? " and your seat was given up" : "") + ".\n"
                + "If you change your mind, you can register again on the event's page while registration is open: "
                + baseUrl + page.url() + "\n" + footer(site);
        return new OutgoingMail(CANCELLATION, registration.email(), replyTo(site), subject, body);
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
        if (event.joinLink() == null || event.format() == Event.Format.IN_PERSON) {
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
