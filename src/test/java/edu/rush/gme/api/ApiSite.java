package edu.rush.gme.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import java.nio.file.Path;
import java.util.List;

/** A site for the content API's tests: one of every content type, with drafts and scheduled items beside the visible ones. */
final class ApiSite {

    static final String BASE_URL = "https://gme.example.edu";
    static final List<String> ORIGINS = List.of("https://events.example.org", "http://localhost:5173");
    static final ObjectMapper JSON = new ObjectMapper();

    private ApiSite() {
    }

    /** The fixture content (clock: 2026-11-27, Chicago): six programs and a draft one, four visible stories, a future one and a draft. */
    static ContentFixture content(Path parent) {
        return ContentFixture.finderCatalog(parent)
                .write("site.yaml", ContentFixture.SITE_YAML + """
                        contact:
                          office: Office of Graduate Medical Education
                          email: gme-office@example.org
                          phone: (312) 555-0100
                        """)
                .write("_index.md", """
                        ---
                        title: Welcome
                        hero:
                          heading: Train with us
                          text: Residencies and fellowships.
                        support:
                          heading: Support
                          text: We help.
                        ---
                        Home body.
                        """)
                .write("about.md", """
                        ---
                        title: About us
                        description: Who we are.
                        layout: about
                        ---
                        About **body** <script>alert(1)</script>
                        """)
                .write("resources.md", "---\ntitle: Resources\ndate: 2026-03-01\n---\nResources body.\n")
                .news("match-day", "2026-03-20", "Match Day")
                .news("new-fellowship", "2026-09-15", "New Fellowship")
                .news("wellness-week", "2026-10-01", "Wellness Week")
                .news("open-house", "2026-11-20", "Open House")
                .write("news/coming-soon.md", "---\ntitle: Coming Soon\ndate: 2026-12-01\npublishDate: 2026-12-01\nsummary: Not yet.\n---\nSecret future.\n")
                .write("news/half-done.md", "---\ntitle: Half Done\ndate: 2026-11-01\ndraft: true\nsummary: A draft.\n---\nSecret draft.\n")
                .write("wellness/peer-support.md", "---\ntitle: Peer Support\nsummary: Talk to a peer.\nledBy: Wellness Office\n---\nPeer body.\n")
                .write("events/winter-open-house.md", "---\ntitle: Winter open house\nsummary: Meet residents.\nstart: 2026-12-08T18:00\n"
                        + "end: 2026-12-08T19:30\nformat: virtual\nplatform: Zoom\njoinLink: https://meet.example.org/room\ncapacity: 50\n"
                        + "publishDate: 2026-11-01T09:00\n---\nAn hour with residents.\n")
                .program("draft-derm", "residency", "Dermatology", 3, "[J-1]", true, 5, false, "virtual", "2026-10-15", "draft: true");
    }

    static TestSite start(Path parent) {
        Settings settings = TestSite.settings(content(parent).dir(), BASE_URL).withApiOrigins(ORIGINS);
        return TestSite.start(settings);
    }

    static JsonNode json(TestSite.Response response) {
        try {
            return JSON.readTree(response.raw().body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
