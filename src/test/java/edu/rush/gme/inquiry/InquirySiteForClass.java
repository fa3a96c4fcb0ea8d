package edu.rush.gme.inquiry;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One site over the inquiry fixture (and its SQLite file) for a whole test class. Each test begins a
 * day after the one before, so the rate limit has forgotten earlier questions, and {@link #stored()}
 * holds only the inquiries of the test that asks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InquirySiteForClass {

    final MutableClock clock = new MutableClock(ContentFixture.CLOCK.instant());
    TestSite site;
    private Instant began;

    @BeforeAll
    void start(@TempDir Path temp) {
        site = TestSite.start(TestSite.monitored(Settings.forFolders(ContentFixture.inquiryCatalog(temp).dir(), Path.of("static"))), clock);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @BeforeEach
    void nextDay() {
        clock.advance(Duration.ofDays(1));
        began = clock.instant();
    }

    /** The inquiries this test sent. */
    List<Inquiry> stored() {
        return site.app().services().inquiries().list(began, null);
    }
}
