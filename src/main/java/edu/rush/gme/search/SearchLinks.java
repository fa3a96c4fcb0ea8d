package edu.rush.gme.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The URLs of the results page: the same search with another kind, type or page, or a corrected query. */
public record SearchLinks(SearchResults results) {

    public String kind(String kind) {
        return url(results.query(), kind, null, 1);
    }

    public String type(String type) {
        return url(results.query(), SearchDocument.PROGRAM, type, 1);
    }

    public String page(int page) {
        return url(results.query(), results.kind(), results.programType(), page);
    }

    public String previous() {
        return results.page() > 1 ? page(results.page() - 1) : null;
    }

    public String next() {
        return results.page() < results.totalPages() ? page(results.page() + 1) : null;
    }

    public String didYouMean() {
        return results.didYouMean() == null ? null : url(results.didYouMean(), results.kind(), results.programType(), 1);
    }

    static String url(String q, String kind, String type, int page) {
        StringBuilder url = new StringBuilder("/search?q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        if (kind != null) {
            url.append("&kind=").append(kind);
        }
        if (type != null) {
            url.append("&type=").append(type);
        }
        if (page > 1) {
            url.append("&page=").append(page);
        }
        return url.toString();
    }
}
