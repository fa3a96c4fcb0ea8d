package edu.rush.gme.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param kindCounts  how many hits of each kind (program, news, page) the query has, whatever kind is chosen
 * @param typeCounts  how many program hits of each program type
 * @param didYouMean  a corrected query that finds more, when the query found little; else null
 */
public record SearchResults(String query, String kind, String programType, List<Hit> hits, long total,
                            Map<String, Long> kindCounts, Map<String, Long> typeCounts,
                            int page, int totalPages, String didYouMean) {

    /** One result; {@code snippet} is HTML-encoded text in which only {@code <mark>} is markup. */
    public record Hit(String kind, String url, String title, String meta, String snippet) {
    }

    /** The same results for a query typed another way with the same words ("Heart" for "heart"). */
    SearchResults askedAs(String typed) {
        return typed.equals(query) ? this : new SearchResults(typed, kind, programType, hits, total, kindCounts, typeCounts, page, totalPages, didYouMean);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return total == 0;
    }
}
