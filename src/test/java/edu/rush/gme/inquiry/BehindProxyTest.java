package edu.rush.gme.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behind a proxy the limit counts the address the proxy saw, which a client cannot forge. */
class BehindProxyTest {

    @TempDir
    Path temp;

    @Test
    void a_forged_forwarded_address_does_not_escape_the_limit() {
        Settings settings = Settings.forFolders(ContentFixture.inquiryCatalog(temp).dir(), Path.of("static")).withBehindProxy(true);
        try (TestSite site = TestSite.start(settings)) {
            for (int i = 0; i < 5; i++) {
                assertThat(site.post("/inquiries", InquiryFormTest.question("alpha-im"),
                        "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "10.0.0." + i + ", 198.51.100.7").status())
                        .isEqualTo(303);
            }
            assertThat(site.post("/inquiries", InquiryFormTest.question("alpha-im"),
                    "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "10.9.9.9, 198.51.100.7").status())
                    .as("same proxy-seen address, whatever the client wrote before it").isEqualTo(429);
            assertThat(site.post("/inquiries", InquiryFormTest.question("alpha-im"),
                    "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "198.51.100.8").status())
                    .as("another applicant behind the same proxy").isEqualTo(303);
        }
    }
}
