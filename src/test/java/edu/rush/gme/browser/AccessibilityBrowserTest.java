package edu.rush.gme.browser;

import edu.rush.gme.event.Event;
import java.util.List;
import edu.rush.gme.program.ProgramContent;
import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RealContent;
import edu.rush.gme.content.Page;
import edu.rush.gme.program.ProgramType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * axe-core's WCAG 2.1 A and AA rules on one page of every type at desktop width;
 * PhoneAccessibilityBrowserTest does the same at phone width, side by side with this class. Every
 * new page type joins the list. The pages are picked from the real content (the first program of
 * each type, the newest story), never named, so an editor's change cannot fail the build.
 */
class AccessibilityBrowserTest extends RealSiteInBrowser {

    static Stream<String> everyPageType() {
        Stream<String> programs = Stream.of(ProgramType.values()).map(type -> RealContent.first(type).url());
        // A program with facts missing shows "Not reported" in its own way.
        Stream<String> sparse = RealContent.programs().stream()
                .filter(p -> p.data().positionsPerYear() == null || p.data().director() == null).limit(1).map(Page::url);
        // A page listing programs from the catalog, a page citing its sources, a program still marked sample.
        Stream<String> pages = RealContent.snapshot().allVisible(RealContent.now()).stream()
                .filter(p -> p.data() instanceof edu.rush.gme.page.BasicPage b && !b.programListsOrEmpty().isEmpty()).limit(1).map(Page::url);
        Stream<String> cited = RealContent.snapshot().allVisible(RealContent.now()).stream()
                .filter(p -> p.data() instanceof edu.rush.gme.page.BasicPage b && !b.sourcesOrEmpty().isEmpty()).limit(1).map(Page::url);
        Stream<String> sample = RealContent.programs().stream().filter(p -> p.meta().isSample()).limit(1).map(Page::url);
        // An event still ahead and one that is over (with its recording, when it has one).
        java.time.ZoneId zone = RealContent.snapshot().site().zone();
        List<Page<Event>> events = RealContent.snapshot().list(Event.TYPE, RealContent.now());
        Stream<String> upcoming = events.stream().filter(e -> !e.data().isOver(RealContent.now(), zone)).limit(1).map(Page::url);
        Stream<String> over = events.stream().filter(e -> e.data().isOver(RealContent.now(), zone)).limit(1).map(Page::url);
        return Stream.of(Stream.of("/events", "/events?audience=international-graduates"), upcoming, over,
                Stream.of("/", "/about", "/resources", "/programs", "/programs/residency"), programs, sparse, pages, cited, sample,
                Stream.of("/programs?window=ahead&sort=deadline"),
                Stream.of("/news", RealContent.newestStory().url(), "/wellness", RealContent.firstInitiative().url(), "/no-such-page",
                        "/programs?type=fellowship&visa=H-1B&sort=deadline", "/programs?type=allied-health&visa=H-1B",
                        "/programs/compare?p=" + RealContent.firstSlugs(3), "/programs/compare?p=" + RealContent.firstSlugs(1),
                        "/programs/compare?p=" + RealContent.firstSlugs(5),
                        "/search", "/search?q=heart", "/search?q=zebra%20quantum", "/search?q=cardiolgy",
                        "/search?q=peds&kind=program&type=fellowship", "/inquiries/new",
                        "/inquiries/new?program=" + RealContent.first(ProgramType.RESIDENCY).slug(), "/api", "/admin/sign-in"),
                Stream.of(PREVIEW_OF_STORY, PREVIEW_EXPIRED, PREVIEW_AS_OF))
                .flatMap(paths -> paths);
    }

    /** Signed preview links, made for the site under test when the page is visited (they carry its key). */
    static final String PREVIEW_OF_STORY = "/preview/(a story)";
    static final String PREVIEW_EXPIRED = "/preview/(an expired link)";
    static final String PREVIEW_AS_OF = "/preview/as-of/(a week ahead, then the home page)";

    /** Opens a path of everyPageType in the browser, a preview link made for this site, and no preview left open after. */
    static void visit(org.openqa.selenium.chrome.ChromeDriver browser, edu.rush.gme.TestSite site, String path) {
        java.time.Instant now = RealContent.now();
        edu.rush.gme.preview.PreviewTokens tokens = new edu.rush.gme.preview.PreviewTokens(site.settings().preview().key(), () -> now);
        String url = switch (path) {
            case PREVIEW_OF_STORY -> "/preview/" + tokens.item("news", RealContent.newestStory().source(), java.time.Duration.ofDays(7));
            case PREVIEW_EXPIRED -> "/preview/" + new edu.rush.gme.preview.PreviewTokens(site.settings().preview().key(),
                    () -> now.minus(java.time.Duration.ofDays(9))).item("news", RealContent.newestStory().source(), java.time.Duration.ofDays(7));
            case PREVIEW_AS_OF -> "/preview/as-of/" + tokens.asOf(now.plus(java.time.Duration.ofDays(7)), java.time.Duration.ofDays(1));
            default -> path;
        };
        browser.get(site.url(url));
        if (path.startsWith("/preview/")) {
            // What is audited is the preview itself: the banner over the page, or the page that says the link has expired.
            assertThat(browser.findElements(org.openqa.selenium.By.cssSelector(path.equals(PREVIEW_EXPIRED) ? "h1" : "section.preview-banner")))
                    .as(path).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPageType")
    void every_page_type_has_no_wcag_violations_at_desktop_width(String path) {
        visit(browser, site, path);
        try {
            Browser.assertAccessible(browser, path + " at 1280px");
        } finally {
            browser.manage().deleteAllCookies();
        }
    }

    @Test
    void a_page_that_breaks_the_rules_is_reported() {
        browser.get("data:text/html;charset=utf-8," + URLEncoder.encode("""
                <!doctype html><html lang="en"><head><title>Broken on purpose</title></head>
                <body><main><h1>Broken</h1><img src="/x.png"><a href="/somewhere"></a>
                <p style="color:#bbb;background:#fff">Pale text</p></main></body></html>""", StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(Browser.axe(browser)).extracting(Browser.Violation::id)
                .as("axe still checks the page").contains("image-alt", "link-name", "color-contrast");
    }
}
