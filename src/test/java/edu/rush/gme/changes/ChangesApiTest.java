package edu.rush.gme.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.App;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.DatabaseSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/v1/changes: a mirror keeps up with the site by asking what changed since its last token. */
class ChangesApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** Two stories, one scheduled to appear and one to go at 09:00 the next day, a draft and a page, on 2026-11-27 at noon in Chicago. */
    static ContentFixture content(Path parent) {
        return ContentFixture.minimal(parent)
                .write("about.md", "---\ntitle: About us\n---\nWho we are.\n")
                .news("alpha", "2026-11-20", "Alpha story")
                .news("beta", "2026-11-21", "Beta story")
                .write("news/gamma.md", "---\ntitle: Gamma story\ndate: 2026-11-28\nsummary: S.\npublishDate: 2026-11-28T09:00\n---\nAt nine.\n")
                .write("news/omega.md", "---\ntitle: Omega story\ndate: 2026-11-19\nsummary: S.\nexpiryDate: 2026-11-28T09:00\n---\nUntil nine.\n")
                .write("news/delta.md", "---\ntitle: Delta story\ndate: 2026-11-22\nsummary: S.\ndraft: true\n---\nNot yet.\n");
    }

    static Settings settings(Path contentDir, Path databaseFile) {
        return Settings.forFolders(contentDir, Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + databaseFile, null, null));
    }

    /** One answer of the endpoint, parsed. */
    record Answer(int status, JsonNode json, TestSite.Response raw) {
        List<String> entries() {
            List<String> entries = new ArrayList<>();
            json.get("changes").forEach(c -> entries.add(c.get("change").asText() + " " + c.get("type").asText() + "/" + c.get("slug").asText()));
            return entries;
        }

        String next() {
            return json.get("next").asText();
        }

        boolean more() {
            return json.get("more").asBoolean();
        }
    }

    static Answer changes(TestSite site, String since) {
        TestSite.Response response = site.get("/api/v1/changes" + (since == null ? "" : "?since=" + URLEncoder.encode(since, StandardCharsets.UTF_8)));
        try {
            return new Answer(response.status(), JSON.readTree(response.raw().body()), response);
        } catch (java.io.IOException e) {
            throw new AssertionError(response.raw().body(), e);
        }
    }

    /** Everything after a token, following `more` to the end. */
    static List<String> allSince(TestSite site, String since, List<String> tokens) {
        List<String> entries = new ArrayList<>();
        Answer answer;
        String token = since;
        do {
            answer = changes(site, token);
            assertThat(answer.status()).as(answer.raw().raw().body()).isEqualTo(200);
            entries.addAll(answer.entries());
            token = answer.next();
        } while (answer.more());
        tokens.add(token);
        return entries;
    }

    static String token(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decoded(String token) {
        return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    }

    @Test
    void the_first_call_lists_what_is_visible_then_each_edit_delete_draft_and_scheduled_moment_is_told_once() throws Exception {
        ContentFixture content = content(temp);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T18:00:00Z"));
        try (TestSite site = TestSite.start(settings(content.dir(), temp.resolve("gme.db")), clock)) {
            Answer first = changes(site, null);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.raw().header("Content-Type")).startsWith("application/json");
            assertThat(first.entries()).containsExactly("created news/alpha", "created news/beta", "created news/omega", "created pages/about");
            assertThat(first.more()).isFalse();
            JsonNode alpha = first.json().get("changes").get(0);
            assertThat(alpha.get("url").asText()).isEqualTo("http://localhost/news/alpha");
            assertThat(alpha.get("item").asText()).isEqualTo("http://localhost/api/v1/news/alpha");
            assertThat(java.time.OffsetDateTime.parse(alpha.get("at").asText()).getOffset()).hasToString("-06:00");

            // Cheap to ask again: the same answer has the same strong ETag, and If-None-Match gets 304.
            String etag = first.raw().header("ETag");
            assertThat(etag).matches("\"[0-9a-f]{32}\"");
            assertThat(first.raw().header("Cache-Control")).isEqualTo("no-cache");
            assertThat(changes(site, null).raw().header("ETag")).isEqualTo(etag);
            TestSite.Response notModified = site.get("/api/v1/changes", "If-None-Match", etag);
            assertThat(notModified.status()).isEqualTo(304);
            assertThat(notModified.raw().body()).isEmpty();
            assertThat(notModified.header("ETag")).isEqualTo(etag);

            String token = first.next();
            Answer nothing = changes(site, token);
            assertThat(nothing.entries()).isEmpty();
            assertThat(nothing.next()).isEqualTo(token);

            // An edit is an update; a file saved again with the same bytes is not.
            content.news("alpha", "2026-11-20", "Alpha story, corrected");
            Files.setLastModifiedTime(content.dir().resolve("news/beta.md"), java.nio.file.attribute.FileTime.from(Instant.parse("2026-11-27T17:00:00Z")));
            site.app().store().reload();
            Answer edited = changes(site, token);
            assertThat(edited.entries()).containsExactly("updated news/alpha");
            token = edited.next();

            // A deleted file and a page made a draft are deleted; deleted entries have no url or item.
            Files.delete(content.dir().resolve("news/beta.md"));
            content.write("about.md", "---\ntitle: About us\ndraft: true\n---\nWho we are.\n");
            site.app().store().reload();
            Answer deleted = changes(site, token);
            assertThat(deleted.entries()).containsExactly("deleted pages/about", "deleted news/beta");
            assertThat(deleted.json().get("changes").get(0).has("url")).isFalse();
            assertThat(deleted.json().get("changes").get(0).has("item")).isFalse();
            token = deleted.next();

            // 08:59 in Chicago: nothing; 09:00: the scheduled story is created and the expiring one deleted, with no reload.
            clock.advance(Duration.ofHours(20).plusMinutes(59));
            assertThat(changes(site, token).entries()).isEmpty();
            clock.advance(Duration.ofMinutes(1));
            Answer scheduled = changes(site, token);
            assertThat(scheduled.entries()).containsExactly("created news/gamma", "deleted news/omega");
            token = scheduled.next();

            // The draft published.
            content.write("news/delta.md", "---\ntitle: Delta story\ndate: 2026-11-22\nsummary: S.\n---\nNow.\n");
            site.app().store().reload();
            assertThat(changes(site, token).entries()).containsExactly("created news/delta");

            // Asked again from the start of the journal: each change exactly once, in order.
            String journal = decoded(first.next()).split("\\.")[1];
            assertThat(allSince(site, token("c." + journal + ".0"), new ArrayList<>())).containsExactly(
                    "created pages/about", "created news/alpha", "created news/beta", "created news/omega",
                    "updated news/alpha",
                    "deleted pages/about", "deleted news/beta",
                    "created news/gamma", "deleted news/omega",
                    "created news/delta");
            // And the first call now lists the current state.
            assertThat(changes(site, null).entries()).containsExactly("created news/alpha", "created news/delta", "created news/gamma");
        }
    }

    @Test
    void after_a_month_only_an_items_latest_change_is_kept_and_old_tokens_still_converge() throws Exception {
        ContentFixture content = ContentFixture.minimal(temp).news("alpha", "2026-11-20", "Alpha story").news("beta", "2026-11-21", "Beta story");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T18:00:00Z"));
        try (TestSite site = TestSite.start(settings(content.dir(), temp.resolve("gme.db")), clock)) {
            Answer first = changes(site, null);
            String journal = decoded(first.next()).split("\\.")[1];
            String oldToken = first.next();
            content.news("alpha", "2026-11-20", "Alpha story, second version");
            site.app().store().reload();
            assertThat(changes(site, oldToken).entries()).containsExactly("updated news/alpha");

            // Ten days on, another edit: within the month, both edits are kept.
            clock.advance(Duration.ofDays(10));
            content.news("alpha", "2026-11-20", "Alpha story, third version");
            site.app().store().reload();
            String fromStart = token("c." + journal + ".0");
            assertThat(allSince(site, fromStart, new ArrayList<>()))
                    .containsExactly("created news/alpha", "created news/beta", "updated news/alpha", "updated news/alpha");

            // Forty-five days on: alpha's three changes, all older than 30 days, go when its fourth is appended;
            // beta's only change stays.
            clock.advance(Duration.ofDays(35));
            content.news("alpha", "2026-11-20", "Alpha story, fourth version");
            site.app().store().reload();
            assertThat(allSince(site, fromStart, new ArrayList<>())).containsExactly("created news/beta", "updated news/alpha");
            // A mirror still holding the first token gets alpha's latest state, once.
            assertThat(allSince(site, oldToken, new ArrayList<>())).containsExactly("updated news/alpha");
        }
    }

    @Test
    void a_changed_image_of_a_page_bundle_is_an_update_of_its_page() {
        ContentFixture content = ContentFixture.minimal(temp)
                .write("news/visit/index.md", "---\ntitle: Visit day\ndate: 2026-11-20\nsummary: S.\nimage: photo.jpg\nimageAlt: Residents at the visit day\n---\nPhotos.\n")
                .write("news/visit/photo.jpg", "first picture");
        try (TestSite site = TestSite.start(settings(content.dir(), temp.resolve("gme.db")))) {
            String token = changes(site, null).next();
            content.write("news/visit/photo.jpg", "second picture");
            site.app().store().reload();
            Answer changed = changes(site, token);
            assertThat(changed.entries()).containsExactly("updated news/visit");
            // A new image in the bundle is a change too; the same bytes saved again are not.
            content.write("news/visit/map.png", "a map");
            site.app().store().reload();
            token = changes(site, changed.next()).next();
            content.write("news/visit/map.png", "a map");
            site.app().store().reload();
            assertThat(changes(site, token).entries()).isEmpty();
        }
    }

    @Test
    void tokens_read_back_what_they_say_and_nothing_else() {
        ChangeToken position = ChangeToken.position("0123456789abcdef", 42);
        ChangeToken home = ChangeToken.listing("0123456789abcdef", 7, "home", "");
        ChangeToken page = ChangeToken.listing("0123456789abcdef", 0, "pages", "about-us");
        for (ChangeToken token : List.of(position, home, page)) {
            assertThat(token.encode()).matches("[A-Za-z0-9_-]+");
            assertThat(ChangeToken.decode(token.encode())).contains(token);
        }
        assertThat(ChangeToken.decode(token("c.0123456789abcdef.9223372036854775807"))).isPresent();
        assertThat(ChangeToken.decode(token("c.0123456789abcdef.9223372036854775808"))).isEmpty();
        assertThat(ChangeToken.decode(token("c.0123456789ABCDEF.1"))).isEmpty();
        assertThat(ChangeToken.decode("=".repeat(10))).isEmpty();
    }

    @Test
    void a_restart_on_the_same_database_keeps_tokens_valid_and_repeats_nothing() {
        ContentFixture content = content(temp);
        Path database = temp.resolve("gme.db");
        String token;
        try (TestSite site = TestSite.start(settings(content.dir(), database))) {
            token = changes(site, null).next();
        }
        content.news("beta", "2026-11-21", "Beta story, edited while the server was down");
        try (TestSite site = TestSite.start(settings(content.dir(), database))) {
            Answer after = changes(site, token);
            assertThat(after.entries()).containsExactly("updated news/beta");
            token = after.next();
        }
        try (TestSite site = TestSite.start(settings(content.dir(), database))) {
            Answer again = changes(site, token);
            assertThat(again.entries()).as("nothing changed, nothing repeated").isEmpty();
            assertThat(again.next()).isEqualTo(token);
        }
    }

    @Test
    void two_servers_on_one_database_record_each_change_once() throws Exception {
        ContentFixture content = content(temp);
        Path database = temp.resolve("gme.db");
        try (TestSite one = TestSite.start(settings(content.dir(), database));
             TestSite two = TestSite.start(settings(content.dir(), database))) {
            String token = changes(one, null).next();
            assertThat(changes(two, token).entries()).isEmpty();
            content.news("alpha", "2026-11-20", "Alpha story, corrected");
            content.news("epsilon", "2026-11-26", "Epsilon story");
            // Both servers read the edit and record at the same time.
            Thread first = new Thread(() -> one.app().store().reload());
            Thread second = new Thread(() -> two.app().store().reload());
            first.start();
            second.start();
            first.join();
            second.join();
            List<String> fromOne = changes(one, token).entries();
            List<String> fromTwo = changes(two, token).entries();
            assertThat(fromOne).containsExactly("updated news/alpha", "created news/epsilon");
            assertThat(fromTwo).isEqualTo(fromOne);
        }
    }

    @Test
    void a_long_listing_and_a_long_run_of_changes_come_in_pages_of_500() {
        ContentFixture content = ContentFixture.minimal(temp);
        for (int i = 0; i < 1050; i++) {
            content.write("news/story-" + i + ".md", "---\ntitle: Story " + i + "\ndate: 2026-11-01\nsummary: S.\n---\nB.\n");
        }
        try (TestSite site = TestSite.start(settings(content.dir(), temp.resolve("gme.db")))) {
            Answer first = changes(site, null);
            assertThat(first.entries()).hasSize(500);
            assertThat(first.more()).isTrue();
            List<String> tokens = new ArrayList<>();
            List<String> rest = allSince(site, first.next(), tokens);
            assertThat(rest).hasSize(550);
            List<String> all = new ArrayList<>(first.entries());
            all.addAll(rest);
            assertThat(all).doesNotHaveDuplicates().hasSize(1050);

            for (int i = 0; i < 600; i++) {
                try {
                    Files.delete(content.dir().resolve("news/story-" + i + ".md"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            site.app().store().reload();
            Answer page1 = changes(site, tokens.get(0));
            assertThat(page1.entries()).hasSize(500).allMatch(entry -> entry.startsWith("deleted news/story-"));
            assertThat(page1.more()).isTrue();
            Answer page2 = changes(site, page1.next());
            assertThat(page2.entries()).hasSize(100);
            assertThat(page2.more()).isFalse();
            assertThat(changes(site, page2.next()).entries()).isEmpty();
        }
    }

    @Test
    void hostile_tokens_and_parameters_get_a_problem_naming_them_never_a_500() {
        try (TestSite site = TestSite.start(settings(content(temp).dir(), temp.resolve("gme.db")))) {
            String next = changes(site, null).next();
            String journal = decoded(next).split("\\.")[1];
            long last = Long.parseLong(decoded(next).split("\\.")[2]);
            List<String> hostile = List.of("", "garbage", "!!!!", "%%%", "x".repeat(5000), "9".repeat(40),
                    token("c." + journal + "." + (last + 1)),
                    token("c." + journal + ".99999999999999999999"),
                    token("c." + journal + ".-1"),
                    token("c." + journal + ".007"),
                    token("c.0000000000000000.0"),
                    token("c." + journal),
                    token("l." + journal + ".0.news/../../etc"),
                    token("l." + journal + ".0.NEWS/a"),
                    token("l." + journal + "." + (last + 5) + ".news/a"),
                    token("c." + journal + ".1' OR '1'='1"),
                    token("'; DROP TABLE content_change; --"),
                    "'; DROP TABLE content_change; --",
                    "<script>alert(1)</script>",
                    token("c." + journal + ".1\u0000"),
                    next + "A",
                    next.substring(1),
                    "Yy4" + "\u00e9");
            for (String since : hostile) {
                Answer answer = changes(site, since);
                assertThat(answer.status()).as(since).isEqualTo(400);
                assertThat(answer.raw().header("Content-Type")).as(since).startsWith("application/problem+json");
                assertThat(answer.json().get("parameter").asText()).as(since).isEqualTo("since");
                assertThat(answer.json().get("detail").asText()).as(since).contains("since");
            }
            TestSite.Response unknown = site.get("/api/v1/changes?since=" + next + "&limit=10");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.raw().body()).contains("\"parameter\":\"limit\"");
            TestSite.Response twice = site.get("/api/v1/changes?since=" + next + "&since=" + next);
            assertThat(twice.status()).isEqualTo(400);
            assertThat(site.get("/api/v1/changes?since").status()).isEqualTo(400);
            for (String query : List.of("since=%zz", "since=%", "since=%00", "%zz=1", "since=" + "%E9")) {
                edu.rush.gme.RawHttp.Answer raw = edu.rush.gme.RawHttp.send(site.app().port(),
                        "GET /api/v1/changes?" + query + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 5000);
                assertThat(raw.status()).as(query).isEqualTo(400);
            }
            assertThat(changes(site, next).status()).as("the journal is intact").isEqualTo(200);
        }
    }

    @Test
    void while_the_database_is_not_open_the_answer_is_503_with_retry_after() {
        try (edu.rush.gme.TestSite.ReservedPort nobody = new edu.rush.gme.TestSite.ReservedPort()) {
            Settings settings = Settings.forFolders(content(temp).dir(), Path.of("static"))
                    .withDatabase(new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + nobody.port() + "/gme", "gme", "x"));
            App app = App.create(settings, ContentFixture.CLOCK).start();
            try {
                app.store().snapshot();
                java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/v1/changes")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
                assertThat(response.statusCode()).isEqualTo(503);
                java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port() + "/news/alpha")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as("pages do not wait for the journal").isEqualTo(200);
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void a_recording_waiting_for_the_first_content_does_not_hold_up_the_load() throws Exception {
        ContentFixture content = content(temp);
        edu.rush.gme.db.Database database = edu.rush.gme.db.Database.open(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("gme.db"), null, null));
        database.awaitOpen();
        edu.rush.gme.content.ContentStore store = new edu.rush.gme.content.ContentStore(
                new edu.rush.gme.content.ContentLoader(content.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES), ContentFixture.CLOCK);
        ChangeJournal journal = new ChangeJournal(database, store, ContentFixture.CLOCK, (connection, id, changes, initial) -> { }, () -> { });
        try {
            // The database is open before the content: the journal's first recording waits for the first snapshot...
            journal.start();
            Thread.sleep(200);
            // ...and the load, which tells the journal about itself, must not wait for that recording.
            java.util.concurrent.CompletableFuture<Void> load = java.util.concurrent.CompletableFuture.runAsync(store::reload);
            load.get(10, java.util.concurrent.TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!journal.isCurrent() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(journal.isCurrent()).isTrue();
        } finally {
            journal.close();
            database.close();
        }
    }
}
