package edu.rush.gme.preview;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.DateOrTime;
import edu.rush.gme.content.Meta;
import edu.rush.gme.content.Page;
import edu.rush.gme.web.CrossSiteForms;
import edu.rush.gme.web.Reading;
import edu.rush.gme.web.RouteTable;
import edu.rush.gme.web.Redirects;
import edu.rush.gme.web.Views;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signed preview links: {@code /preview/{token}} shows one page (a draft, scheduled or expired one)
 * through its own controller and template, as if it were published; {@code /preview/as-of/{token}}
 * lets the visitor browse the whole site as it will be at a later time (a cookie holds the signed
 * link) until they exit. Every answer carries a banner, {@code noindex} and {@code private, no-store};
 * a bad, tampered or expired link gets a page that says so (403), a link to a page that is gone 404.
 */
public final class PreviewController {

    public static final String ITEM_PATH = "/preview/{token}";
    public static final String AS_OF_PATH = "/preview/as-of/{token}";
    public static final String EXIT_PATH = "/preview/exit";
    /**
     * A previewed page bundle's files (its photo beside index.md) are fetched by the browser at their
     * own addresses, without the link: this cookie, scoped to the bundle's folder ({@code /news/story/},
     * not the page's public address itself), carries the link to them for an hour.
     */
    static final String BUNDLE_COOKIE = "gme-preview-files";
    static final Duration BUNDLE_COOKIE_FOR = Duration.ofHours(1);


    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("h:mm a 'on' EEEE, MMMM d, yyyy (zzz)", Locale.US);

    private final ContentStore store;
    private final Views views;
    private final PreviewTokens tokens;
    private final CrossSiteForms crossSite;
    private final Map<ContentType<?>, RouteTable.ItemPage> pages;
    private final boolean secureCookie;

    public PreviewController(ContentStore store, Views views, PreviewTokens tokens, CrossSiteForms crossSite,
                             Map<ContentType<?>, RouteTable.ItemPage> pages, boolean secureCookie) {
        this.store = store;
        this.views = views;
        this.tokens = tokens;
        this.crossSite = crossSite;
        this.pages = Map.copyOf(pages);
        this.secureCookie = secureCookie;
    }

    /** One page as it will look, through its own controller, with the banner. */
    public void item(Context ctx) {
        Reading.privateHeaders(ctx);
        PreviewTokens.Verdict<PreviewTokens.Item> verdict = tokens.readItem(ctx.pathParam("token"));
        if (!verdict.isValid()) {
            refuse(ctx, verdict);
            return;
        }
        PreviewTokens.Item item = verdict.value();
        ContentSnapshot snapshot = store.snapshot();
        Optional<ContentType<?>> type = snapshot.types().named(item.type());
        Optional<Page<?>> page = type.flatMap(t -> fromSource(snapshot, t, item.source()));
        RouteTable.ItemPage renderer = type.map(pages::get).orElse(null);
        if (page.isEmpty() || renderer == null) {
            refused(ctx, HttpStatus.NOT_FOUND, "This page is no longer there",
                    "The page this preview link was made for is not in the site's content any more: it was moved, renamed or deleted,"
                            + " or a mistake in it keeps it out (the site's log says which). Ask for a new link once it is back.");
            return;
        }
        Instant now = store.now();
        String folder = page.get().url() + "/";
        if (snapshot.resources().keySet().stream().anyMatch(file -> file.startsWith(folder))) {
            long seconds = Math.min(BUNDLE_COOKIE_FOR.getSeconds(), Math.max(1, Duration.between(now, item.expires()).getSeconds()));
            ctx.cookie(new Cookie(BUNDLE_COOKIE, ctx.pathParam("token"), folder, (int) seconds, secureCookie, true, null, SameSite.LAX));
        }
        Reading.use(ctx, new Reading(snapshot.showing(item.source()), now,
                itemBanner(snapshot, type.get(), page.get(), item.expires(), now)));
        renderer.render(ctx, page.get());
    }

    private static <T extends edu.rush.gme.content.FrontMatter> Optional<Page<?>> fromSource(ContentSnapshot snapshot, ContentType<T> type, String source) {
        return snapshot.fromSource(type, source).map(page -> page);
    }

    /** Opens the whole site as of the link's time: a cookie holds the signed link, then the home page. */
    public void asOf(Context ctx) {
        Reading.privateHeaders(ctx);
        String token = ctx.pathParam("token");
        PreviewTokens.Verdict<PreviewTokens.AsOf> verdict = tokens.readAsOf(token);
        if (!verdict.isValid()) {
            refuse(ctx, verdict);
            return;
        }
        long seconds = Math.max(1, Duration.between(store.now(), verdict.value().expires()).getSeconds());
        ctx.cookie(new Cookie(Reading.AS_OF_COOKIE, token, "/", (int) Math.min(Integer.MAX_VALUE, seconds), secureCookie, true, null, SameSite.LAX));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /**
     * Before every request: with a valid "as of" cookie the request reads the site at that time and
     * gets the banner; an expired or bad cookie is cleared and the public site is shown.
     */
    public void readCookie(Context ctx) {
        String token = ctx.cookie(Reading.AS_OF_COOKIE);
        if (token != null) {
            readAsOfCookie(ctx, token);
        }
        // After: a previewed page's own files are read with that page's view, even while browsing the site as of a time.
        String files = ctx.cookie(BUNDLE_COOKIE);
        if (files != null) {
            readBundleCookie(ctx, files);
        }
    }

    private void readAsOfCookie(Context ctx, String token) {
        Reading.privateHeaders(ctx);
        PreviewTokens.Verdict<PreviewTokens.AsOf> verdict = tokens.readAsOf(token);
        if (!verdict.isValid()) {
            clearCookie(ctx);
            return;
        }
        ContentSnapshot snapshot = store.snapshot();
        Instant at = verdict.value().at();
        List<String> details = List.of(
                "You are browsing the site as it will be at that time, with every page scheduled until then; drafts are not shown. It is not published yet.",
                "This preview works until " + when(snapshot, verdict.value().expires()) + ".");
        Reading.use(ctx, new Reading(snapshot, at, new Reading.Preview(
                "Site as of " + when(snapshot, at) + " — preview", details, null, crossSite.token(ctx))));
    }

    /** A file of a previewed page bundle: read with the preview's view, so the draft's photo shows in its preview. */
    private void readBundleCookie(Context ctx, String token) {
        PreviewTokens.Verdict<PreviewTokens.Item> verdict = tokens.readItem(token);
        if (!verdict.isValid()) {
            return;
        }
        ContentSnapshot snapshot = store.snapshot();
        Optional<Page<?>> page = snapshot.types().named(verdict.value().type()).flatMap(t -> fromSource(snapshot, t, verdict.value().source()));
        if (page.isPresent() && ctx.path().startsWith(page.get().url() + "/")) {
            Reading.privateHeaders(ctx);
            Reading.use(ctx, new Reading(snapshot.showing(verdict.value().source()), store.now(),
                    new Reading.Preview("Preview — not published", List.of(), page.get().url(), null)));
        }
    }

    /** "Exit preview": clears the cookie and shows the same page as the public sees it. */
    public void exit(Context ctx) {
        Reading.privateHeaders(ctx);
        if (crossSite.check(ctx, ctx.formParam(CrossSiteForms.TOKEN_FIELD)) == CrossSiteForms.Verdict.CROSS_SITE) {
            refused(ctx, HttpStatus.FORBIDDEN, "Preview not closed",
                    "This request came from another website, so it was not followed. Use the Exit preview button on the site itself.");
            return;
        }
        clearCookie(ctx);
        String back = ctx.formParam("path");
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.startsWith(Reading.PREVIEW_PATH)
                && back.length() < 2000;
        Redirects.to(ctx, local ? back : "/", null, HttpStatus.SEE_OTHER);
    }

    private void clearCookie(Context ctx) {
        ctx.cookie(new Cookie(Reading.AS_OF_COOKIE, "", "/", 0, secureCookie, true, null, SameSite.LAX));
    }

    private Reading.Preview itemBanner(ContentSnapshot snapshot, ContentType<?> type, Page<?> page, Instant expires, Instant now) {
        Meta meta = page.meta();
        ZonedDateTime at = snapshot.at(now);
        boolean published = page.isVisible(at);
        List<String> details = new ArrayList<>();
        String what = "This " + type.singular();
        Instant publish = moment(meta.publishDate(), snapshot);
        Instant expiry = moment(meta.expiryDate(), snapshot);
        if (meta.isDraft()) {
            details.add(what + " is a draft: the public cannot see it until 'draft: true' is removed"
                    + (publish != null && publish.isAfter(now) ? ", and then from " + when(snapshot, publish) : "") + ".");
        } else if (publish != null && publish.isAfter(now)) {
            details.add(what + " is scheduled to appear at " + when(snapshot, publish) + ".");
        } else if (expiry != null && !expiry.isAfter(now)) {
            details.add(what + " was taken off the site at " + when(snapshot, expiry) + ".");
        } else if (published) {
            details.add(what + " is already published at " + page.url() + ".");
        }
        if (!meta.isDraft() && expiry != null && expiry.isAfter(now)) {
            details.add("It is scheduled to be taken off the site at " + when(snapshot, expiry) + ".");
        }
        details.add("This preview link works until " + when(snapshot, expires) + ". Links on this page lead to the public site.");
        return new Reading.Preview(published ? "Preview" : "Preview — not published", details, page.url(), null);
    }

    private static Instant moment(DateOrTime when, ContentSnapshot snapshot) {
        return when == null ? null : when.in(snapshot.site().zone());
    }

    static String when(ContentSnapshot snapshot, Instant instant) {
        return WHEN.format(snapshot.at(instant));
    }

    private void refuse(Context ctx, PreviewTokens.Verdict<?> verdict) {
        if (verdict.status() == PreviewTokens.Status.EXPIRED) {
            refused(ctx, HttpStatus.FORBIDDEN, "This preview link has expired",
                    "It worked until " + when(store.snapshot(), verdict.expired()) + ". Ask for a new one.");
        } else {
            refused(ctx, HttpStatus.FORBIDDEN, "This preview link is not valid",
                    "The link is incomplete or has been changed. Check that you copied all of it, or ask for a new one.");
        }
    }

    private void refused(Context ctx, HttpStatus status, String title, String explanation) {
        Reading.privateHeaders(ctx);
        ctx.status(status);
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("explanation", explanation);
        model.put("noindex", true);
        views.render(ctx, store.snapshot(), "preview/refused", model);
    }
}
