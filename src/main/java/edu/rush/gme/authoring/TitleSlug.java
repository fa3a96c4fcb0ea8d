package edu.rush.gme.authoring;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * A web address made from a title, as an editor would write it: "Résidents' Day: Cœur & Ström"
 * becomes {@code residents-day-coeur-strom}. Accented letters lose their accents (Unicode
 * decomposition); the Latin letters that do not decompose (ß, æ, ø, œ, ł, ...) are spelled out;
 * every other run of characters becomes one hyphen.
 */
final class TitleSlug {

    /** Long enough for a headline's key words, short enough to read in an address bar. */
    static final int MAX_LENGTH = 60;

    /** Letters Unicode does not decompose into a base letter and an accent. */
    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('ø', "o"), Map.entry('œ', "oe"), Map.entry('ł', "l"),
            Map.entry('đ', "d"), Map.entry('ð', "d"), Map.entry('þ', "th"), Map.entry('ı', "i"), Map.entry('&', " and "));

    private TitleSlug() {
    }

    /** The slug of a title; "" when it has no letter or digit that can be written in an address. */
    static String of(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        StringBuilder spelled = new StringBuilder(lower.length());
        for (char c : lower.toCharArray()) {
            spelled.append(SPELLED.getOrDefault(c, String.valueOf(c)));
        }
        String plain = Normalizer.normalize(spelled, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        // Apostrophes join a word ("residents'", "o'brien"), they do not split it.
        plain = plain.replaceAll("['’]", "");
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, cut > 0 ? cut : MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }
}
