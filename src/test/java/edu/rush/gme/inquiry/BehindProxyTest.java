package edu.rush.gme.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.web.TrustedProxies;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behind a proxy the limit counts the address the proxy saw, which a client cannot forge. */
class BehindProxyTest {

    @TempDir
    Path temp;

    @Test
    void a_forged_forwarded_address_does_not_escape_the_limit() {
        Settings settings = Settings.forFolders(ContentFixture.inquiryCatalog(temp).dir(), Path.of("static")).withProxies(TrustedProxies.one());
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

    @Test
    void a_forged_header_line_before_the_one_the_proxy_added_does_not_escape_the_limit() {
        // HAProxy's "option forwardfor" adds its own X-Forwarded-For line after whatever the client sent.
        Settings settings = Settings.forFolders(ContentFixture.inquiryCatalog(temp).dir(), Path.of("static")).withProxies(TrustedProxies.one());
        try (TestSite site = TestSite.start(settings)) {
            for (int i = 0; i < 8; i++) {
                int status = site.post("/inquiries", InquiryFormTest.question("alpha-im"), "Content-Type", "application/x-www-form-urlencoded",
                        "X-Forwarded-For", "10.0.0." + i, "X-Forwarded-For", "198.51.100.7").status();
                assertThat(status).as("post " + (i + 1)).isEqualTo(i < 5 ? 303 : 429);
            }
        }
    }

    @Test
    void behind_a_proxy_that_writes_rfc_7239_forwarded_the_for_node_it_added_counts() {
        Settings settings = Settings.forFolders(ContentFixture.inquiryCatalog(temp).dir(), Path.of("static"))
                .withProxies(new TrustedProxies(1, TrustedProxies.Header.FORWARDED));
        try (TestSite site = TestSite.start(settings)) {
            for (int i = 0; i < 6; i++) {
                int status = site.post("/inquiries", InquiryFormTest.question("alpha-im"), "Content-Type", "application/x-www-form-urlencoded",
                        "Forwarded", "for=10.0.0." + i, "Forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https",
                        "X-Forwarded-For", "10.1.1." + i).status();
                assertThat(status).as("post " + (i + 1)).isEqualTo(i < 5 ? 303 : 429);
            }
            assertThat(site.post("/inquiries", InquiryFormTest.question("alpha-im"), "Content-Type", "application/x-www-form-urlencoded",
                    "Forwarded", "for=2001:db8:cafe:1::17").status()).as("another /64").isEqualTo(303);
        }
    }
}
