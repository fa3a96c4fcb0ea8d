package edu.rush.gme.search;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.web.Pagination;
import edu.rush.gme.web.Problems;
import edu.rush.gme.web.Views;
import edu.rush.gme.web.Reading;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The search results page, the search API and the suggestions behind the search box. */
public final class SearchController {

    static final Set<String> KINDS = Set.of(SearchDocument.PROGRAM, SearchDocument.NEWS, SearchDocument.PAGE);
    static final Set<String> TYPES = Set.of("residency", "fellowship", "allied-health");

    private final ContentStore store;
    private final Views views;
    private final SearchService search;

    public SearchController(ContentStore store, Views views, SearchService search) {
        this.store = store;
        this.views = views;
        this.search = search;
    }

    /** Bad or unknown parameters of the HTML page are ignored, except a page number past the end (404). */
    public void page(Context ctx) {
        String kind = known(ctx.queryParam("kind"), KINDS);
        String type = known(ctx.queryParam("type"), TYPES);
        int page = Pagination.pageNumber(blankToNull(ctx.queryParam("page")));
        if (page < 1) {
            throw new NotFoundResponse();
        }
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        SearchResults results = search.search(snapshot, reading.now(), ctx.queryParam("q"), kind, type, page);
        if (page > results.totalPages()) {
            throw new NotFoundResponse();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", results.query().isEmpty() ? "Search" : "Search results for \u201c" + results.query() + "\u201d");
        model.put("description", "Search programs, news and pages of the Graduate Medical Education site.");
        model.put("results", results);
        model.put("q", results.query());
        model.put("links", new SearchLinks(results));
        if (results.isEmpty()) {
            // Each search that finds nothing is counted (SearchService), so its page is made for every request.
            views.renderUncached(ctx, snapshot, "search/results", model);
        } else {
            // Kept like any page with a query, from its second asking (PageCache), under the snapshot's
            // version and the day: a repeated search is a cache hit.
            views.render(ctx, snapshot, "search/results", model);
        }
    }

    /** JSON: the same results; a bad parameter gets a problem document (RFC 9457) with status 400. */
    public void api(Context ctx) {
        String kind = ctx.queryParam("kind");
        String type = ctx.queryParam("type");
        int page = Pagination.pageNumber(blankToNull(ctx.queryParam("page")));
        if (kind != null && !kind.isEmpty() && !KINDS.contains(kind)) {
            problem(ctx, "kind", "'kind' must be one of program, news, page; got '" + kind + "'");
            return;
        }
        if (type != null && !type.isEmpty() && !TYPES.contains(type)) {
            problem(ctx, "type", "'type' must be one of residency, fellowship, allied-health; got '" + type + "'");
            return;
        }
        if (page < 1) {
            problem(ctx, "page", "'page' must be a whole number from 1, got '" + ctx.queryParam("page") + "'");
            return;
        }
        Reading reading = Reading.of(ctx, store);
        SearchResults results = search.search(reading.snapshot(), reading.now(), ctx.queryParam("q"), blankToNull(kind), blankToNull(type), page);
        if (page > results.totalPages()) {
            Problems.send(ctx, HttpStatus.NOT_FOUND, "No such page of results",
                    "'page' must be between 1 and " + results.totalPages() + " for this search, got " + page, Map.of("parameter", "page"));
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(results);
    }

    public void suggest(Context ctx) {
        Reading reading = Reading.of(ctx, store);
        List<Map<String, String>> suggestions = search.suggest(reading.snapshot(), reading.now(), ctx.queryParam("q"));
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("query", SearchIndex.normalize(ctx.queryParam("q")));
        answer.put("suggestions", suggestions);
        ctx.json(answer);
    }

    private static void problem(Context ctx, String parameter, String detail) {
        Problems.send(ctx, HttpStatus.BAD_REQUEST, "Invalid search parameter", detail, Map.of("parameter", parameter));
    }

    private static String known(String value, Set<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
