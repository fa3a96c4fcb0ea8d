package edu.rush.gme.web;

import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One page of a longer list, with links to its neighbours. Out-of-range or malformed page numbers
 * are "not found", like a page that does not exist.
 *
 * @param firstItem the position of this page's first item in the whole list, from 1 (0 when the list is empty)
 */
public record Pagination<T>(List<T> items, int page, int totalPages, int totalItems, int firstItem, String previousUrl, String nextUrl) {

    public static <T> Pagination<T> of(List<T> all, String pageParam, int pageSize, String listUrl) {
        return of(all, pageParam, pageSize, page -> Paths.paged(listUrl, page));
    }

    /** As {@link #of(List, String, int, String)}, for a list whose pages' addresses carry more (the finder's filters). */
    public static <T> Pagination<T> of(List<T> all, String pageParam, int pageSize, IntFunction<String> urlOfPage) {
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
        return new Pagination<>(items, page, totalPages, all.size(), items.isEmpty() ? 0 : from + 1,
                page > 1 ? urlOfPage.apply(page - 1) : null,
                page < totalPages ? urlOfPage.apply(page + 1) : null);
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

    /** The position of this page's last item in the whole list. */
    public int lastItem() {
        return items.isEmpty() ? 0 : firstItem + items.size() - 1;
    }
}
