package edu.rush.gme.page;

import edu.rush.gme.event.EventController;
import edu.rush.gme.wellness.WellnessInitiative;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.program.ProgramContent;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.program.FinderQuery;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramCatalog;
import edu.rush.gme.program.ProgramController;
import edu.rush.gme.program.ProgramController.ProgramRow;
import edu.rush.gme.program.ProgramFinder;
import edu.rush.gme.program.ProgramType;
import edu.rush.gme.web.Paths;
import edu.rush.gme.web.StructuredData;
import edu.rush.gme.web.Views;
import edu.rush.gme.web.Reading;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The home page and the top-level Markdown pages (/about, /resources, ...). */
public final class PageController {

    static final int HOME_NEWS = 3;
    static final int HOME_WELLNESS = 3;
    static final int HOME_EVENTS = 3;

    private final ContentStore store;
    private final Views views;
    private final StructuredData structuredData;
    private final ProgramCatalog catalog;

    public PageController(ContentStore store, Views views, StructuredData structuredData, ProgramCatalog catalog) {
        this.catalog = catalog;
        this.store = store;
        this.views = views;
        this.structuredData = structuredData;
    }

    public void home(Context ctx) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        Map<String, Object> model = new HashMap<>();
        model.put("title", snapshot.site().name());
        model.put("home", snapshot.first(HomePage.TYPE, now).orElse(null));
        model.put("news", first(snapshot.list(NewsStory.TYPE, now), HOME_NEWS));
        model.put("events", EventController.upcoming(snapshot, now, HOME_EVENTS));
        model.put("wellness", first(snapshot.list(WellnessInitiative.TYPE, now), HOME_WELLNESS));
        snapshot.first(HomePage.TYPE, now).map(home -> home.meta().description()).ifPresent(d -> model.put("description", d));
        model.put("jsonLd", structuredData.organization(snapshot.site()));
        model.put("catalog", CatalogCount.of(snapshot, now));
        views.render(ctx, snapshot, "home/index", model);
    }

    /** Renders the top-level page at this path, if there is a visible one. */
    public boolean page(Context ctx, String path) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        Optional<Page<BasicPage>> page = snapshot.find(BasicPage.TYPE, path.substring(1), now);
        if (page.isEmpty()) {
            return false;
        }
        Page<BasicPage> p = page.get();
        Map<String, Object> model = new HashMap<>();
        model.put("title", p.title());
        model.put("page", p);
        model.put("programLists", programLists(snapshot, p.data(), now));
        if (p.meta().description() != null) {
            model.put("description", p.meta().description());
        }
        views.render(ctx, snapshot, "page/" + p.data().layoutOrDefault(), model);
        return true;
    }

    /** What the finder counts, by type, and how many programs are no longer samples: the home page says how it counts. */
    public record CatalogCount(int total, int residencies, int fellowships, int allied, long confirmed) {
        static CatalogCount of(ContentSnapshot snapshot, Instant now) {
            List<Page<Program>> programs = snapshot.list(ProgramContent.TYPE, now);
            return new CatalogCount(programs.size(), ProgramContent.ofType(snapshot, ProgramType.RESIDENCY, now).size(),
                    ProgramContent.ofType(snapshot, ProgramType.FELLOWSHIP, now).size(), ProgramContent.ofType(snapshot, ProgramType.ALLIED_HEALTH, now).size(),
                    programs.stream().filter(p -> !p.meta().isSample()).count());
        }
    }

    /**
     * The most programs a page lists under one heading (a page of the finder). A list drawn from the
     * facts grows with the catalog: "sponsors H-1B visas" over thousands of programs would make the
     * page megabytes long, so beyond this the page says how many there are and the finder shows them all.
     */
    static final int LIST_SHOWN = ProgramController.PAGE_SIZE;

    /**
     * A program list on a page: its heading, the first {@link #LIST_SHOWN} programs the finder gives
     * (as the finder's cards show them), how many it gives in all, and the finder's address for them.
     */
    public record ProgramListView(String heading, List<ProgramRow> programs, int total, String finderUrl) {
    }

    private List<ProgramListView> programLists(ContentSnapshot snapshot, BasicPage page, Instant now) {
        if (page.programListsOrEmpty().isEmpty()) {
            return List.of();
        }
        ProgramFinder finder = catalog.finder(snapshot, now);
        LocalDate today = snapshot.at(now).toLocalDate();
        List<ProgramListView> lists = new ArrayList<>();
        for (BasicPage.ProgramList list : page.programListsOrEmpty()) {
            FinderQuery query = FinderQuery.fromQueryString(list.filter(), ProgramFinder.FACET_KEYS);
            List<Page<Program>> found = finder.find(query).programs();
            List<ProgramRow> rows = first(found, LIST_SHOWN).stream().map(p -> ProgramRow.of(p, today)).toList();
            lists.add(new ProgramListView(list.heading(), rows, found.size(), Paths.PROGRAMS + "?" + query.toQueryString(ProgramFinder.FACET_KEYS)));
        }
        return lists;
    }

    private static <T> List<T> first(List<T> list, int count) {
        return list.subList(0, Math.min(count, list.size()));
    }
}
