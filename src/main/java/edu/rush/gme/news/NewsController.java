package edu.rush.gme.news;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.web.Pagination;
import edu.rush.gme.web.Paths;
import edu.rush.gme.web.StructuredData;
import edu.rush.gme.web.Views;
import edu.rush.gme.web.Reading;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The news list (newest first, paged) and each story. */
public final class NewsController {

    private final ContentStore store;
    private final Views views;
    private final StructuredData structuredData;

    public NewsController(ContentStore store, Views views, StructuredData structuredData) {
        this.store = store;
        this.views = views;
        this.structuredData = structuredData;
    }

    public void index(Context ctx) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        Pagination<Page<NewsStory>> stories = Pagination.of(snapshot.list(NewsStory.TYPE, now), ctx.queryParam("page"),
                snapshot.site().newsPageSize(), Paths.NEWS);
        Map<String, Object> model = new HashMap<>();
        model.put("title", stories.page() > 1 ? "News, page " + stories.page() : "News");
        model.put("intro", snapshot.intro(NewsStory.TYPE, now).orElse(null));
        model.put("stories", stories);
        views.render(ctx, snapshot, "news/index", model);
    }

    /** A story; 404 unless it is visible (or it is the page a signed preview shows). */
    public void show(Context ctx, String slug) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        Page<NewsStory> story = snapshot.find(NewsStory.TYPE, slug, now).orElseThrow(NotFoundResponse::new);
        Map<String, Object> model = new HashMap<>();
        model.put("title", story.title());
        model.put("description", story.data().summary());
        model.put("story", story);
        model.put("ogType", "article");
        model.put("jsonLd", jsonLd(story, snapshot));
        views.render(ctx, snapshot, "news/show", model);
    }

    /** The story as schema.org's NewsArticle. */
    private String jsonLd(Page<NewsStory> story, ContentSnapshot snapshot) {
        java.util.Map<String, Object> node = StructuredData.node("NewsArticle");
        node.put("headline", story.title());
        node.put("description", story.data().summary());
        node.put("url", structuredData.url(story.url()));
        node.put("mainEntityOfPage", structuredData.url(story.url()));
        node.put("datePublished", story.meta().date().toString());
        node.put("dateModified", snapshot.at(story.modified()).toLocalDate().toString());
        if (story.meta().image() != null) {
            node.put("image", structuredData.url(story.imageUrl()));
        }
        node.put("author", structuredData.organizationNode(snapshot.site(), false));
        node.put("publisher", structuredData.organizationNode(snapshot.site(), false));
        return StructuredData.toJson(node);
    }
}
