package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RealContent;
import edu.rush.gme.content.Page;
import edu.rush.gme.event.Event;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Events as an applicant abroad sees them: the time in Chicago, and their own added by script; and
 * the list's filters used with the keyboard alone. The event is picked from the real content.
 */
class EventBrowserTest extends RealSiteInBrowser {

    private String upcomingEvent() {
        java.time.ZoneId zone = RealContent.snapshot().site().zone();
        java.util.Optional<String> url = RealContent.snapshot().list(Event.TYPE, RealContent.now()).stream()
                .filter(e -> !e.data().isOver(RealContent.now(), zone)).findFirst().map(Page::url);
        // Editors may leave no event ahead; EventPagesTest covers the page over fixtures either way.
        org.junit.jupiter.api.Assumptions.assumeTrue(url.isPresent(), "no upcoming event in content/");
        return url.get();
    }

    @Test
    void a_visitor_in_another_zone_sees_the_time_in_chicago_and_in_their_own_zone() {
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Kolkata"));
        browser.get(site.url(upcomingEvent()));
        String when = browser.findElement(By.cssSelector(".event__facts dd")).getText();
        assertThat(when).matches(".*(CST|CDT).*").contains("(your time:").contains("GMT+5:30");
    }

    @Test
    void a_visitor_in_chicago_sees_no_second_time() {
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/Chicago"));
        browser.get(site.url(upcomingEvent()));
        assertThat(browser.findElements(By.cssSelector(".local-time"))).isEmpty();
    }

    @Test
    void the_filters_work_from_the_keyboard() {
        browser.get(site.url("/events"));
        var audience = browser.findElement(By.id("e-audience"));
        audience.sendKeys(Keys.ARROW_DOWN);
        String chosen = audience.getDomProperty("value");
        audience.sendKeys(Keys.TAB, Keys.TAB, Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().contains("audience=" + chosen));
        assertThat(browser.findElement(By.id("e-audience")).getDomProperty("value")).isEqualTo(chosen);
    }
}
