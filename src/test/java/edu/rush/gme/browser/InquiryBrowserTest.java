package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RealContent;
import edu.rush.gme.content.Page;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * "Ask this program a question" in real Chromium: from the program page to the form with the program
 * chosen, a mistake shown in an error summary that takes the focus, then the question sent. Each
 * state of the form passes axe's WCAG 2.1 AA rules.
 */
class InquiryBrowserTest extends RealSiteInBrowser {

    @Test
    void asks_a_program_a_question_after_correcting_a_mistake() {
        Page<Program> program = RealContent.first(ProgramType.RESIDENCY);
        browser.get(site.url(program.url()));
        browser.findElement(By.linkText("Ask this program a question")).click();
        waitForUrl("/inquiries/new?program=" + program.slug());
        assertThat(new Select(browser.findElement(By.id("program"))).getFirstSelectedOption().getText()).isEqualTo(program.title());
        Browser.assertAccessible(browser, "empty form");

        browser.findElement(By.id("name")).sendKeys("Sample Applicant");
        browser.findElement(By.id("email")).sendKeys("applicant@example");
        assertThat(browser.findElement(By.id("message-count")).getText()).isEqualTo("You have 5,000 characters remaining");
        browser.findElement(By.id("message")).sendKeys("Do you accept COMLEX Level 2 instead of USMLE Step 2?");
        assertThat(browser.findElement(By.id("message-count")).getText()).isEqualTo("You have 4,947 characters remaining");
        browser.findElement(By.cssSelector("label[for=applicantType-us-do]")).click();
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();

        waiting().until(driver -> !driver.findElements(By.cssSelector(".error-summary")).isEmpty());
        WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(browser.switchTo().activeElement()).as("the error summary takes the focus").isEqualTo(summary);
        assertThat(summary.getText()).contains("There is a problem", "Enter an e-mail address in the correct format, like name@example.com");
        assertThat(browser.findElement(By.id("message")).getAttribute("value")).isEqualTo("Do you accept COMLEX Level 2 instead of USMLE Step 2?");
        assertThat(browser.findElement(By.id("applicantType-us-do")).isSelected()).isTrue();
        Browser.assertAccessible(browser, "form with an error");

        summary.findElement(By.linkText("Enter an e-mail address in the correct format, like name@example.com")).click();
        WebElement email = browser.switchTo().activeElement();
        assertThat(email.getAttribute("id")).as("the summary's link moves to the field").isEqualTo("email");
        email.clear();
        email.sendKeys("applicant@example.com");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();

        waitForUrl("/inquiries/Q-");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Question sent");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(program.title(), "a•••@example.com", "Your reference: Q-");
        Browser.assertAccessible(browser, "confirmation");
    }

    @Test
    void a_question_another_website_posts_is_refused_with_a_page_that_says_why() {
        // A page of another origin (here a data: URL) whose form posts to the site, as a forged form would.
        browser.get("data:text/html;charset=utf-8," + URLEncoder.encode("""
                <!doctype html><html lang="en"><head><title>Another site</title></head><body><main>
                <form method="post" action="%s"><input type="hidden" name="program" value="%s">
                <input type="hidden" name="email" value="someone@example.com"><input type="hidden" name="message" value="Forged">
                <button type="submit">Win a prize</button></form></main></body></html>"""
                .formatted(site.url("/inquiries"), RealContent.first(ProgramType.RESIDENCY).slug()), StandardCharsets.UTF_8).replace("+", "%20"));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForUrl("/inquiries");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Question not sent");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("came to us from another website");
        Browser.assertAccessible(browser, "refused cross-site post");
    }

    @Test
    void the_pages_that_say_a_request_was_refused_are_accessible() {
        browser.get(site.url("/about/?x=" + "a".repeat(5000)));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Address too long");
        Browser.assertAccessible(browser, "414 in the site's layout");

        browser.get(site.url("/?x=" + "a".repeat(40_000)));
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("refused by Jetty itself").isEqualTo("Address too long");
        Browser.assertAccessible(browser, "Jetty's own 414");
    }
}
