package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.staff.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A new administrator's first minutes in real Chromium, by keyboard only: the set-password link, a
 * mistake, the password set, a wrong sign-in, the right one, the workspace's pages, sign-out. Every
 * state passes axe's WCAG 2.1 AA rules.
 */
class StaffBrowserTest extends RealSiteInBrowser {

    static final String PASSWORD = "plum orchard lantern quietly";

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** Tabs until the element with this id has the focus (at most 40 times). */
    private void tabTo(String id) {
        for (int i = 0; i < 40 && !id.equals(focused().getAttribute("id")); i++) {
            focused().sendKeys(Keys.TAB);
        }
        assertThat(focused().getAttribute("id")).isEqualTo(id);
    }

    @Test
    void an_administrator_sets_a_password_signs_in_and_out_by_keyboard() {
        String token = site.app().services().staff().addOrReset("gme-admin@example.org", Role.ADMIN, List.of(), "test");
        browser.get(site.url("/admin/set-password/" + token));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Set your password");
        Browser.assertAccessible(browser, "set-password form");

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        tabTo("password");
        focused().sendKeys("too short");
        tabTo("repeat");
        focused().sendKeys("too short", Keys.ENTER);
        waiting().until(driver -> !driver.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(focused()).as("the error summary takes the focus").isEqualTo(browser.findElement(By.cssSelector(".error-summary")));
        Browser.assertAccessible(browser, "set-password form with an error");

        tabTo("password");
        focused().sendKeys(PASSWORD);
        tabTo("repeat");
        focused().sendKeys(PASSWORD, Keys.ENTER);
        waiting().until(driver -> driver.getCurrentUrl().contains("/admin/sign-in"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Your password is set");
        Browser.assertAccessible(browser, "sign-in form");

        tabTo("email");
        focused().sendKeys("gme-admin@example.org");
        tabTo("password");
        focused().sendKeys("not my password", Keys.ENTER);
        waiting().until(driver -> !driver.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("The e-mail address or the password is not right");
        Browser.assertAccessible(browser, "sign-in form after a wrong password");

        tabTo("password");
        focused().sendKeys(PASSWORD, Keys.ENTER);
        waiting().until(driver -> driver.getCurrentUrl().endsWith("/admin"));
        assertThat(browser.findElement(By.cssSelector(".lead")).getText()).contains("Signed in as gme-admin@example.org, administrator");
        Browser.assertAccessible(browser, "workspace home");

        browser.get(site.url("/admin/content?type=programs"));
        assertThat(browser.findElement(By.tagName("caption")).getText()).contains("files");
        Browser.assertAccessible(browser, "content list");
        browser.get(site.url("/admin/content?type=no-such-type"));
        Browser.assertAccessible(browser, "content list with a filter it cannot read");

        browser.get(site.url("/admin/staff"));
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("gme-admin@example.org", "Administrator");
        Browser.assertAccessible(browser, "staff accounts");
        browser.get(site.url("/admin/audit"));
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("signed-in", "sign-in-failed", "password-set");
        Browser.assertAccessible(browser, "audit log");

        browser.get(site.url("/admin"));
        WebElement signOut = browser.findElement(By.cssSelector(".admin-bar button[type=submit]"));
        for (int i = 0; i < 60 && !focused().equals(signOut); i++) {
            focused().sendKeys(Keys.TAB);
        }
        assertThat(focused()).as("sign out is reached by keyboard").isEqualTo(signOut);
        focused().sendKeys(Keys.ENTER);
        waiting().until(driver -> driver.getCurrentUrl().contains("/admin/sign-in"));
        browser.get(site.url("/admin"));
        assertThat(browser.getCurrentUrl()).contains("/admin/sign-in?next=");
        browser.manage().deleteAllCookies();
    }
}
