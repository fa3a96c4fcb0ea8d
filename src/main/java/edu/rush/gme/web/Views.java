package edu.rush.gme.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import edu.rush.gme.Settings;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.SiteConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a page template with what every page needs besides its own data: the site settings,
 * the navigation with the current section marked, the canonical URL.
 */
public final class Views {

    /** A navigation link; {@code current} marks the section the visitor is in (aria-current). */
    public record NavItem(String title, String url, boolean current) {
    }

    private final PebbleRenderer renderer;
    private final Settings settings;
    private final ContentStore store;
    private final PageCache cache;
    private final StaticAssets assets;
    /**
     * The header and footer of the pages of the snapshots served lately ({@link #fragment}): a few
     * kilobytes each; every saved change makes new keys, and the old ones are never asked again.
     */
    private final Cache<String, String> fragments = Caffeine.newBuilder().executor(Runnable::run).maximumSize(256).build();

    /** The picture shown when a page is shared and it has none of its own (1200 x 630). */
    static final String SHARE_IMAGE = "/images/share.png";

    public Views(PebbleRenderer renderer, Settings settings, ContentStore store, PageCache cache, StaticAssets assets) {
        this.renderer = renderer;
        this.assets = assets;
        this.settings = settings;
        this.store = store;
        this.cache = cache;
    }

    /** Renders a page and writes it; a 200 answer is kept in the page cache for the next visitor. */
    public void render(Context ctx, ContentSnapshot snapshot, String template, Map<String, ?> model) {
        byte[] html = renderer.renderUtf8(template, model(ctx, snapshot, model));
        if (Reading.of(ctx, store).isPreview()) {
            writePrivate(ctx, PageCache.HTML, html);
            return;
        }
        cache.storeAndWrite(ctx, snapshot, store.now(), PageCache.HTML, html, PageCache.REVALIDATE, Map.of(), null);
    }

    /** A preview's answer: never kept, never indexed. */
    private static void writePrivate(Context ctx, String contentType, byte[] body) {
        Reading.privateHeaders(ctx);
        Compression.writeFresh(ctx, contentType, body);
    }

    /** Renders a page that must be computed for every request (search, which also counts what finds nothing). */
    public void renderUncached(Context ctx, ContentSnapshot snapshot, String template, Map<String, ?> model) {
        ctx.header("Cache-Control", "no-store");
        if (Reading.of(ctx, store).isPreview()) {
            Reading.privateHeaders(ctx);
        }
        Compression.writeFresh(ctx, PageCache.HTML, renderer.renderUtf8(template, model(ctx, snapshot, model)));
    }

    /** Writes a non-HTML response built from the snapshot (sitemap, feeds), cached like pages. */
    public void write(Context ctx, ContentSnapshot snapshot, String contentType, String text) {
        write(ctx, snapshot, contentType, text, null);
    }

    /**
     * As {@link #write(Context, ContentSnapshot, String, String)}, for a response that also shows state
     * from outside the snapshot (the database): kept in the page cache for {@code keptFor} at most (null: while its key lives).
     */
    public void write(Context ctx, ContentSnapshot snapshot, String contentType, String text, java.time.Duration keptFor) {
        if (Reading.of(ctx, store).isPreview()) {
            writePrivate(ctx, contentType, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        cache.storeAndWrite(ctx, snapshot, store.now(), contentType, text, PageCache.REVALIDATE, Map.of(), keptFor);
    }

    /** Writes a response built from the snapshot (the content API), cached like pages with its own headers ({@code Link}), that clients may keep as {@code cacheControl} says. */
    public void write(Context ctx, ContentSnapshot snapshot, String contentType, String text, String cacheControl, Map<String, String> headers) {
        cache.storeAndWrite(ctx, snapshot, store.now(), contentType, text, cacheControl, headers);
    }

    /**
     * Writes an answer built for this request with values read live (seats left): never kept in the
     * page cache, but with the strong ETag of its body, so an unchanged answer is still a 304.
     */
    public void writeLive(Context ctx, String contentType, String text, String cacheControl, Map<String, String> headers) {
        headers.forEach(ctx::header);
        ctx.header("Cache-Control", cacheControl);
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] gzipped = body.length > 512 ? Compression.gzip(body) : null;
        Compression.write(ctx, contentType, PageCache.etag(gzipped != null ? gzipped : body), body, gzipped);
    }

    /**
     * Renders a page for a request Javalin never saw (Jetty's own error answers), in the site's
     * layout, with the current snapshot.
     */
    String renderWithoutRequest(String template, Map<String, ?> own) {
        return renderer.render(template, model("/", "/", store.snapshot(), store.now(), null, own));
    }

    private Map<String, Object> model(Context ctx, ContentSnapshot snapshot, Map<String, ?> own) {
        // A page may name its own canonical path (the inquiry form answered at /inquiries is /inquiries/new).
        Object ownPath = own.get("canonicalPath");
        Reading reading = Reading.of(ctx, store);
        Reading.Preview preview = reading.preview();
        // A previewed page stands at its public address: its section is marked in the navigation, its canonical link is public.
        String path = preview != null && preview.publicPath() != null ? preview.publicPath() : ctx.path();
        String canonical = ownPath != null ? ownPath.toString() : path.equals(ctx.path()) ? canonicalPath(ctx) : path;
        return model(path, canonical, snapshot, reading.now(), preview, own);
    }

    private Map<String, Object> model(String path, String canonicalPath, ContentSnapshot snapshot, java.time.Instant now,
                                      Reading.Preview preview, Map<String, ?> own) {
        Map<String, Object> model = new HashMap<>(own);
        SiteConfig site = snapshot.site();
        model.put("site", site);
        model.put("path", path);
        model.put("canonical", settings.baseUrl() + canonicalPath);
        List<NavItem> nav = navigation(site.navigation(), path);
        int year = snapshot.at(now).getYear();
        model.put("nav", nav);
        model.put("year", year);
        model.put("preview", preview);
        model.putIfAbsent("noindex", preview != null);
        // The header and the footer are the same on every page of a snapshot (the header but for the
        // section marked current, the footer but for the year): each rendered once, as templates of
        // their own (so escaped as any), and kept.
        String current = nav.stream().filter(NavItem::current).map(NavItem::url).findFirst().orElse("");
        model.put("header", fragment("partials/header", snapshot.version() + " " + current, model));
        model.put("footer", fragment("partials/footer", snapshot.version() + " " + year, model));
        model.putIfAbsent("description", site.description());
        model.putIfAbsent("ogType", "website");
        model.putIfAbsent("jsonLd", null);
        model.put("ogImage", settings.baseUrl() + assets.url(SHARE_IMAGE));
        return model;
    }

    /**
     * A part of a page rendered on its own, with only this model (escaped as any template), for a
     * caller that keeps it and prints it {@code | raw} in the page (a finder card).
     */
    public String renderPart(String template, Map<String, ?> model) {
        return renderer.render(template, model, PART_CHARS);
    }

    /** A part's buffer to start with: room for a finder card, without the 8 KB a page starts with. */
    private static final int PART_CHARS = 2048;

    /** Whether rendered parts may be kept: not while templates are read again at each render (development). */
    public boolean keepsRendered() {
        return renderer.keepsTemplates();
    }

    /** A partial rendered with this model, kept under its key (a snapshot's version and what else it shows). */
    private String fragment(String template, String key, Map<String, Object> model) {
        if (!renderer.keepsTemplates()) {
            return renderer.render(template, model);
        }
        return fragments.get(template + " " + key, any -> renderer.render(template, model));
    }

    /** The path plus the only query parameter that names a different page: the list page number. */
    private static String canonicalPath(Context ctx) {
        String page = ctx.queryParam("page");
        return page != null && !page.equals("1") ? Paths.paged(ctx.path(), Math.max(1, Pagination.pageNumber(page))) : ctx.path();
    }

    static List<NavItem> navigation(List<SiteConfig.Link> links, String path) {
        return links.stream()
                .map(link -> new NavItem(link.title(), link.url(), isCurrent(link.url(), path)))
                .toList();
    }

    private static boolean isCurrent(String url, String path) {
        if (url.equals("/")) {
            return path.equals("/");
        }
        return path.equals(url) || path.startsWith(url + "/");
    }
}
