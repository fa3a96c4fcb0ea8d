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

    @JsonIgnore
    public boolean isEmpty() {
        return total == 0;
    }
}
