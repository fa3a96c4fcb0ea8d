package edu.rush.gme.web;


/** Every URL the site builds, in one place (templates get them through page URLs and these helpers). */
public final class Paths {
    public static final String HOME = "/";
    public static final String PROGRAMS = "/programs";
    public static final String PROGRAMS_CSV = "/programs.csv";
    public static final String COMPARE = "/programs/compare";
    public static final String COMPARE_CSV = "/programs/compare.csv";
    public static final String NEWS = "/news";
    public static final String WELLNESS = "/wellness";
    public static final String EVENTS = "/events";
    public static final String SEARCH = "/search";
    public static final String SEARCH_API = "/api/v1/search";
    public static final String SUGGEST_API = "/api/v1/search/suggest";
    /** Programs by name, for the forms' program fields (edu.rush.gme.program.ProgramNames). */
    public static final String PROGRAM_NAMES_API = "/api/v1/search/programs";
    /** Applicants' questions: the form (GET), where it is sent (POST), each one's confirmation page. */
    public static final String INQUIRIES = "/inquiries";
    public static final String NEW_INQUIRY = "/inquiries/new";
    public static final String INQUIRY_API = "/api/v1/inquiries";
    /** A registrant's own page: /registrations/{signed token}. */
    public static final String REGISTRATIONS = "/registrations";
    public static final String SITEMAP = "/sitemap.xml";
    public static final String ROBOTS = "/robots.txt";
    /** Readiness: content loaded and the database reachable. */
    public static final String READY = "/readyz";
    /** Liveness: answers while the server runs (container health checks). */
    public static final String HEALTH = "/healthz";

    private Paths() {
    }

    public static String program(String slug) {
        return PROGRAMS + "/" + slug;
    }

    /** The inquiry form with a program already chosen ("Ask this program a question"). */
    public static String askProgram(String slug) {
        return NEW_INQUIRY + "?program=" + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The confirmation page of a sent inquiry. */
    public static String inquiry(String reference) {
        return INQUIRIES + "/" + reference;
    }

    /** An event's page. */
    public static String event(String slug) {
        return EVENTS + "/" + slug;
    }

    /** An event's registration form (GET) and where it is sent (POST). */
    public static String register(String eventSlug) {
        return event(eventSlug) + "/register";
    }

    /** Registration through the JSON API. */
    public static String registrationApi(String eventSlug) {
        return "/api/v1/events/" + eventSlug + "/registrations";
    }

    /** A registrant's own page (join link, cancellation), by its signed token. */
    public static String registration(String token) {
        return REGISTRATIONS + "/" + token;
    }

    public static String story(String slug) {
        return NEWS + "/" + slug;
    }

    public static String initiative(String slug) {
        return WELLNESS + "/" + slug;
    }

    /** The Atom feed of a list such as /news. */
    public static String feed(String listUrl) {
        return listUrl + "/feed.xml";
    }

    /** A page of a paged list: the first page is the list's own URL. */
    public static String paged(String listUrl, int page) {
        return page <= 1 ? listUrl : listUrl + "?page=" + page;
    }
}
