package edu.rush.gme.web;

import edu.rush.gme.program.ProgramType;

/** Every URL the site builds, in one place (templates get them through page URLs and these helpers). */
public final class Paths {
    public static final String HOME = "/";
    public static final String PROGRAMS = "/programs";
    public static final String PROGRAMS_CSV = "/programs.csv";
    public static final String COMPARE = "/programs/compare";
    public static final String COMPARE_CSV = "/programs/compare.csv";
    public static final String NEWS = "/news";
    public static final String WELLNESS = "/wellness";
    public static final String SEARCH = "/search";
    public static final String SEARCH_API = "/api/v1/search";
    public static final String SUGGEST_API = "/api/v1/search/suggest";
    public static final String SITEMAP = "/sitemap.xml";
    public static final String ROBOTS = "/robots.txt";
    /** Readiness: content loaded (and, later, the database reachable). */
    public static final String READY = "/readyz";
    /** Liveness: answers while the server runs (container health checks). */
    public static final String HEALTH = "/healthz";

    private Paths() {
    }

    public static String programs(ProgramType type) {
        return PROGRAMS + "/" + type.key();
    }

    public static String program(String slug) {
        return PROGRAMS + "/" + slug;
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
