package edu.rush.gme.content;

/**
 * What one page gives the search index besides its title, URL and body text (declared by its
 * {@link ContentType}, so the search package knows no type).
 *
 * @param kind       the result group it is counted and filtered under: {@code program}, {@code news}, {@code page}
 * @param meta       the line under its title in results ("Residency · Internal Medicine", "News · May 1, 2026")
 * @param facet      a second filter inside its kind (a program's type key), or null
 * @param name       the name a searcher types for it (a program's specialty), ranked as an exact match; or null
 * @param department the department running it, or null
 * @param tags       words staff add for search, space separated, or null
 * @param summary    its teaser
 * @param facts      its facts in words ("sponsors visa H-1B. virtual interviews"), or null
 */
public record SearchText(String kind, String meta, String facet, String name, String department, String tags,
                         String summary, String facts) {

    /** A page found by its words alone: a kind, the line under its title, a teaser. */
    public static SearchText of(String kind, String meta, String summary) {
        return new SearchText(kind, meta, null, null, null, null, summary, null);
    }
}
