package edu.rush.gme.web;

import io.javalin.http.NotFoundResponse;
import java.util.List;

/**
 * One page of a longer list, with links to its neighbours. Out-of-range or malformed page numbers
 * are "not found", like a page that does not exist.
 */
public record Pagination<T>(List<T> items, int page, int totalPages, int totalItems, String previousUrl, String nextUrl) {

    public static <T> Pagination<T> of(List<T> all, String pageParam, int pageSize, String listUrl) {
        int page = pageNumber(pageParam);
        if (page < 1) {
            throw new NotFoundResponse();
        }
        int totalPages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        if (page > totalPages) {
            throw new NotFoundResponse();
        }
        int from = (page - 1) * pageSize;
        List<T> items = all.subList(from, Math.min(all.size(), from + pageSize));
        return new Pagination<>(items, page, totalPages, all.size(),
                page > 1 ? Paths.paged(listUrl, page - 1) : null,
                page < totalPages ? Paths.paged(listUrl, page + 1) : null);
    }

    /** The page number asked for: 1 when absent, 0 when it is not a whole number from 1. */
    public static int pageNumber(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean isPaged() {
        return totalPages > 1;
    }
}
