package edu.rush.gme.program;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.PerSnapshotDay;
import edu.rush.gme.web.Pagination;
import edu.rush.gme.web.Paths;
import edu.rush.gme.web.StructuredData;
import edu.rush.gme.web.Views;
import edu.rush.gme.web.Reading;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The program finder (all programs, or one type), each program's page, comparisons and the CSV export. */
public final class ProgramController {

    private final ContentStore store;
    private final Views views;
    private final StructuredData structuredData;
    private final String baseUrl;
    private final ProgramCatalog catalog;

    public ProgramController(ContentStore store, Views views, StructuredData structuredData, String baseUrl, ProgramCatalog catalog) {
        this.catalog = catalog;
        this.store = store;
        this.views = views;
        this.structuredData = structuredData;
        this.baseUrl = baseUrl;
    }

    /**
     * Programs per finder page: the real catalog's ~100 fit in two pages on a phone, and at 10,000
     * programs a page stays under 200 KB of HTML. The counts are always over every match.
     */
    public static final int PAGE_SIZE = 50;

    /** The finder: filters from the query string, results with counts. */
    public void index(Context ctx) {
        FinderQuery query = FinderQuery.from(ctx.queryParamMap(), ProgramFinder.FACET_KEYS);
        String canonical = withPage(query.toQueryString(ProgramFinder.FACET_KEYS), Pagination.pageNumber(ctx.queryParam("page")));
        String asked = ctx.queryString() == null ? "" : ctx.queryString();
        if (!asked.equals(canonical) && Pagination.pageNumber(ctx.queryParam("page")) > 0) {
            // The form sends every field, empty ones too: answer with the short, shareable address.
            ctx.redirect(Paths.PROGRAMS + (canonical.isEmpty() ? "" : "?" + canonical), HttpStatus.SEE_OTHER);
            return;
        }
        finder(ctx, query, null);
    }

    /** The finder with one type chosen: the residency, fellowship and allied health lists. */
    public void byType(Context ctx, ProgramType type) {
        FinderQuery query = FinderQuery.from(ctx.queryParamMap(), ProgramFinder.FACET_KEYS);
        finder(ctx, query.values("type").isEmpty() ? query.with("type", type.key()) : query, type);
    }

    /** A finder address's query string for one page of its results: the first page has no number. */
    private static String withPage(String queryString, int page) {
        return page <= 1 ? queryString : queryString + (queryString.isEmpty() ? "" : "&") + "page=" + page;
    }

    private void finder(Context ctx, FinderQuery query, ProgramType type) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        ProgramFinder finder = catalog.finder(snapshot, now);
        ProgramFinder.Result result = finder.find(query);
        Map<String, Object> model = new HashMap<>();
        model.put("title", type != null ? type.listTitle() : "Find a program");
        model.put("type", type);
        model.put("types", Arrays.asList(ProgramType.values()));
        model.put("intro", type == null ? snapshot.intro(ProgramContent.TYPE, now).orElse(null) : null);
        model.put("result", result);
        String queryString = query.toQueryString(ProgramFinder.FACET_KEYS);
        String listUrl = type != null ? type.url() : Paths.PROGRAMS;
        Pagination<Page<Program>> pages = Pagination.of(result.programs(), ctx.queryParam("page"), PAGE_SIZE, number -> {
            String own = withPage(queryString, number);
            return listUrl + (own.isEmpty() ? "" : "?" + own);
        });
        model.put("pages", pages);
        LocalDate today = snapshot.at(now).toLocalDate();
        model.put("cards", cards(snapshot, now, finder, pages.items(), today));
        model.put("sorts", Arrays.asList(ProgramFinder.Sort.values()));
        model.put("queryString", queryString);
        model.put("compareMax", ProgramCatalog.COMPARE_MAX);
        if (type == null && !query.isEmpty()) {
            model.put("description", result.programs().size() + " programs match your filters.");
        }
        views.render(ctx, snapshot, "program/index", model);
    }

    /**
     * The cards rendered for the programs visible on a content version, visibility and day (as the
     * finder is built for them), by program address; only when all of them fit in a 32nd of the heap,
     * counting the {@link PerSnapshotDay#KEPT} sets kept at once, so they are kept for good once
     * rendered: a share that had to evict would send cards through the old generation and cost the
     * collector more than it saves (the 126 MiB heap of a 256 MiB container keeps the cards of up to
     * about 650 programs; docs/performance.md).
     */
    private final PerSnapshotDay<Map<String, String>> keptCards = new PerSnapshotDay<>((snapshot, now) -> new ConcurrentHashMap<>());
    /**
     * A card kept, at most about: some 1,300 characters, two bytes each when one of them is outside
     * Latin-1 (a closed window's "2026–27", a title's "’"), its address and its map entry.
     */
    private static final long CARD_BYTES = 3_072;

    /** The cards of these programs, as {@code program/card} renders them on that day: kept ones, or rendered now (and kept when they all fit). */
    private List<String> cards(ContentSnapshot snapshot, Instant now, ProgramFinder finder, List<Page<Program>> shown, LocalDate today) {
        Map<String, String> kept = views.keepsRendered() && finder.size() * CARD_BYTES * PerSnapshotDay.KEPT <= Runtime.getRuntime().maxMemory() / 32
                ? keptCards.get(snapshot, now) : null;
        List<String> cards = new ArrayList<>(shown.size());
        for (Page<Program> program : shown) {
            String card = kept == null ? null : kept.get(program.slug());
            if (card == null) {
                card = views.renderPart("program/card", Map.of("row", ProgramRow.of(program, today)));
                if (kept != null) {
                    kept.put(program.slug(), card);
                }
            }
            cards.add(card);
        }
        return cards;
    }

    /** A program's page; 404 unless it is visible (or it is the page a signed preview shows). */
    public void show(Context ctx, String slug) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        Page<Program> program = snapshot.find(ProgramContent.TYPE, slug, now).orElseThrow(NotFoundResponse::new);
        LocalDate today = snapshot.at(now).toLocalDate();
        Map<String, List<Fact>> sections = ProgramFacts.forPage(program, today);
        Map<String, Object> model = new HashMap<>();
        model.put("title", program.title());
        model.put("description", program.data().summary());
        model.put("program", program);
        model.put("typeUrl", program.data().type().url());
        // The four lists of facts; the two about currency are at the foot, in words.
        List<String> listed = List.of(ProgramFacts.OVERVIEW, ProgramFacts.APPLY, ProgramFacts.ELIGIBILITY, ProgramFacts.CONTACTS);
        model.put("overview", sections.getOrDefault(ProgramFacts.OVERVIEW, List.of()));
        model.put("apply", sections.getOrDefault(ProgramFacts.APPLY, List.of()));
        model.put("eligibility", sections.getOrDefault(ProgramFacts.ELIGIBILITY, List.of()));
        model.put("contacts", sections.getOrDefault(ProgramFacts.CONTACTS, List.of()));
        model.put("cyclePast", program.data().isCyclePast(today));
        ApplicationWindow window = ApplicationWindow.of(program.data(), today);
        model.put("window", window);
        model.put("windowText", window.text(today));
        model.put("verified", ProgramFacts.date(program.data().verified()));
        List<Fact> shown = listed.stream().flatMap(group -> sections.getOrDefault(group, List.of()).stream()).toList();
        model.put("factsReported", shown.stream().filter(Fact::isReported).count());
        model.put("factsTotal", shown.size());
        model.put("related", ProgramCatalog.related(snapshot, program, now));
        // What other types say about this program (its upcoming events), with the line search shows under each.
        List<Mention> mentions = new ArrayList<>();
        snapshot.mentioning(ProgramContent.TYPE, program.slug(), now).forEach((type, pages) -> pages.forEach(page -> mentions.add(
                new Mention(page.title(), page.url(), type.isSearched() ? type.searchText(page).meta() : type.singular(), page.meta().isSample()))));
        model.put("mentions", mentions);
        model.put("calendarUrl", Paths.program(program.slug()) + "/events.ics");
        model.put("askUrl", askUrl(program));
        model.put("compareMax", ProgramCatalog.COMPARE_MAX);
        model.put("jsonLd", jsonLd(program, snapshot.site()));
        views.render(ctx, snapshot, "program/show", model);
    }

    /** Side by side, two to four programs; a wrong request gets the page with what to fix (400). */
    public void compare(Context ctx) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        ProgramCatalog.Comparison comparison = ProgramCatalog.compare(snapshot, ctx.queryParams("p"), now);
        LocalDate today = snapshot.at(now).toLocalDate();
        List<List<Fact>> columns = comparison.programs().stream().map(p -> ProgramFacts.of(p, today)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Compare programs");
        model.put("description", "Program facts side by side.");
        model.put("comparison", comparison);
        model.put("labels", ProgramFacts.labels());
        model.put("columns", columns);
        List<String> slugs = comparison.programs().stream().map(Page::slug).toList();
        model.put("slugs", String.join(",", slugs));
        // Each program's "remove" link: the same comparison without it, while at least two would remain.
        model.put("removeUrls", comparison.isValid() && slugs.size() > ProgramCatalog.COMPARE_MIN
                ? slugs.stream().map(slug -> Paths.PROGRAMS + "/compare?p=" + String.join(",", slugs.stream().filter(s -> !s.equals(slug)).toList())).toList()
                : List.of());
        model.put("compareMax", ProgramCatalog.COMPARE_MAX);
        if (!comparison.isValid()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        views.render(ctx, snapshot, "program/compare", model);
    }

    /** The comparison as a spreadsheet; only for a valid comparison. */
    public void compareCsv(Context ctx) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        ProgramCatalog.Comparison comparison = ProgramCatalog.compare(snapshot, ctx.queryParams("p"), now);
        if (!comparison.isValid()) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain; charset=utf-8")
                    .result(String.join("\n", comparison.problems()) + "\n");
            return;
        }
        sendCsv(ctx, snapshot, comparison.programs(), "program-comparison.csv", now);
    }

    /** Every fact of every visible program. */
    public void exportCsv(Context ctx) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        sendCsv(ctx, snapshot, snapshot.list(ProgramContent.TYPE, now), "programs.csv", now);
    }

    private void sendCsv(Context ctx, ContentSnapshot snapshot, List<Page<Program>> programs, String fileName, Instant now) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        views.write(ctx, snapshot, "text/csv; charset=utf-8", ProgramSpreadsheet.csv(programs, baseUrl, snapshot.at(now).toLocalDate()));
    }

    /** A program as the finder's cards (and a page's program lists) show it: its facts on that day, by key. */
    public record ProgramRow(Page<Program> program, Map<String, Fact> facts, boolean cyclePast) {
        public static ProgramRow of(Page<Program> program, LocalDate today) {
            return new ProgramRow(program, ProgramFacts.byKey(program, today), program.data().isCyclePast(today));
        }
    }

    /** "Ask this program a question": the inquiry form with this program chosen. */
    static String askUrl(Page<Program> program) {
        return Paths.askProgram(program.slug());
    }

    /** The program as schema.org's EducationalOccupationalProgram. */
    private String jsonLd(Page<Program> program, edu.rush.gme.content.SiteConfig site) {
        java.util.Map<String, Object> node = StructuredData.node("EducationalOccupationalProgram");
        node.put("name", program.title());
        node.put("description", program.data().summary());
        node.put("url", structuredData.url(program.url()));
        node.put("programType", program.data().type().label());
        node.put("occupationalCategory", program.data().specialty());
        node.put("educationalProgramMode", "full-time");
        if (program.data().lengthYears() != null) {
            node.put("timeToComplete", "P" + program.data().lengthYears() + "Y");
        }
        if (program.data().positionsPerYear() != null) {
            node.put("maximumEnrollment", program.data().positionsPerYear());
        }
        node.put("provider", structuredData.organizationNode(site, false));
        return StructuredData.toJson(node);
    }

    /** A page about this program (an upcoming event): its title, address and the line that says what and when. */
    public record Mention(String title, String url, String meta, boolean sample) {
    }
}
