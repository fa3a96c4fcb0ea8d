package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.Commands;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What applicants search for and do not find reaches the database, and staff export it. */
class SearchMissesTest {

    @TempDir
    Path temp;

    private static String export(Settings settings, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Commands.exportSearchMisses(settings, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void searches_that_found_nothing_are_counted_in_the_database_and_exported() {
        Settings settings = Settings.forFolders(ContentFixture.finderCatalog(temp).dir(), Path.of("static"));
        try (TestSite site = TestSite.start(settings)) {
            site.get("/search?q=zebra+quantum");
            site.get("/search?q=Zebra+Quantum");
            site.get("/search?q=xylophone");
            site.get("/search?q=pediatrics");
            assertThat(site.app().searchMisses().flush()).isEqualTo(2);

            site.get("/search?q=zebra+quantum");
            assertThat(site.app().searchMisses().flush()).as("added to what is stored").isEqualTo(1);
        }

        String csv = export(settings);
        assertThat(csv.lines().toList()).containsExactly(
                "Search,Times,\"First (UTC)\",\"Last (UTC)\"",
                "\"zebra quantum\",3,2026-11-27T18:00:00Z,2026-11-27T18:00:00Z",
                "xylophone,1,2026-11-27T18:00:00Z,2026-11-27T18:00:00Z");
        assertThat(export(settings, "--since", "2026-11-28").lines()).hasSize(1);
    }

    @Test
    void what_is_not_yet_stored_is_written_at_shutdown() {
        Settings settings = Settings.forFolders(ContentFixture.finderCatalog(temp).dir(), Path.of("static"));
        try (TestSite site = TestSite.start(settings)) {
            site.get("/search?q=quidditch");
        }
        assertThat(export(settings)).contains("quidditch,1,");
    }
}
