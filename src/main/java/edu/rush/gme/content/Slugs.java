package edu.rush.gme.content;

import java.util.regex.Pattern;

/** The shape of a slug: the last part of a page's URL. */
public final class Slugs {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    public static boolean isValid(String slug) {
        return SLUG.matcher(slug).matches();
    }
}
