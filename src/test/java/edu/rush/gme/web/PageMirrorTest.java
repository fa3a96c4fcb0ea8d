package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.web.PageCache.CachedPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static mirror's files (generations, the atomic swap, writing, sweeping), what goes in, and nginx's headers for it. */
class PageMirrorTest {

    @TempDir
    Path temp;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void generations_are_named_by_their_state_alone_so_every_instance_names_them_alike() {
        String state = "3f9c0a1b2c3d|2026-11-30#4|http://localhost|/css/site.abc.css|classes";
        assertThat(MirrorFiles.generation(state)).isEqualTo(MirrorFiles.generation(state)).matches("g-[0-9a-f]{20}");
        assertThat(MirrorFiles.generation(state.replace("#4", "#5"))).isNotEqualTo(MirrorFiles.generation(state));
        assertThat(MirrorFiles.generation(state.replace("2026-11-30", "2026-12-01"))).isNotEqualTo(MirrorFiles.generation(state));
    }

    @Test
    void entering_a_generation_swaps_the_current_link_in_one_rename() throws Exception {
        MirrorFiles files = new MirrorFiles(temp);
        assertThat(files.current()).isNull();
        files.enter("g-one");
        assertThat(files.write("g-one", "/news/story", bytes("<p>one</p>"), bytes("gz-one"))).isTrue();
        assertThat(Files.readString(temp.resolve("current/news/story/index.html"))).isEqualTo("<p>one</p>");
        files.enter("g-two");
        assertThat(files.current()).isEqualTo("g-two");
        // A relative link: the folder may be mounted elsewhere in nginx's container.
        assertThat(Files.readSymbolicLink(temp.resolve("current"))).isEqualTo(Path.of("g-two"));
        assertThat(temp.resolve("current/news/story/index.html")).doesNotExist();
        // Entering the same one again (the other instance) changes nothing; no temporary link is left.
        files.enter("g-two");
        try (Stream<Path> entries = Files.list(temp)) {
            assertThat(entries.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("current", "g-one", "g-two");
        }
    }

    @Test
    void a_page_and_its_gzip_are_written_once_under_their_address() throws Exception {
        MirrorFiles files = new MirrorFiles(temp);
        files.enter("g-one");
        assertThat(files.write("g-one", "/", bytes("home"), bytes("home-gz"))).isTrue();
        assertThat(files.write("g-one", "/news/story", bytes("story"), bytes("story-gz"))).isTrue();
        assertThat(Files.readString(temp.resolve("g-one/index.html"))).isEqualTo("home");
        assertThat(Files.readString(temp.resolve("g-one/index.html.gz"))).isEqualTo("home-gz");
        assertThat(Files.readString(temp.resolve("g-one/news/story/index.html.gz"))).isEqualTo("story-gz");
        // The same generation is the same bytes: what is there stays (another instance wrote it).
        assertThat(files.write("g-one", "/news/story", bytes("other"), bytes("other-gz"))).isTrue();
        assertThat(Files.readString(temp.resolve("g-one/news/story/index.html"))).isEqualTo("story");
        try (Stream<Path> all = Files.walk(temp.resolve("g-one"))) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void only_plain_addresses_become_files() throws Exception {
        MirrorFiles files = new MirrorFiles(temp);
        files.enter("g-one");
        for (String path : List.of("/news/", "/../etc", "/news/../x", "/.hidden", "/news/.git", "/news/index.html", "/news/a%20b", "/news/a b",
                "/news//story", "/ü", "", "news")) {
            assertThat(MirrorFiles.mirrorable(path)).as(path).isFalse();
            assertThat(files.write("g-one", path, bytes("x"), bytes("x"))).as(path).isFalse();
        }
        assertThat(MirrorFiles.mirrorable("/programs/internal-medicine")).isTrue();
        assertThat(MirrorFiles.mirrorable("/news/2026_story.v2~x")).isTrue();
        try (Stream<Path> all = Files.walk(temp.resolve("g-one"))) {
            assertThat(all.count()).as("nothing written").isEqualTo(1);
        }
    }

    @Test
    void a_swept_generation_is_never_made_again_by_a_late_write() throws Exception {
        MirrorFiles files = new MirrorFiles(temp);
        files.enter("g-old");
        files.enter("g-new");
        Files.setLastModifiedTime(temp.resolve("g-old"), FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(files.sweep("g-new", Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(temp.resolve("g-old")).doesNotExist();
        assertThat(files.write("g-old", "/news/story", bytes("late"), bytes("late"))).isFalse();
        assertThat(temp.resolve("g-old")).doesNotExist();
    }

    @Test
    void sweeping_keeps_the_current_the_own_and_recently_used_generations() throws Exception {
        MirrorFiles files = new MirrorFiles(temp);
        for (String generation : List.of("g-a", "g-b", "g-c", "g-d")) {
            files.enter(generation);
            files.write(generation, "/news/story", bytes(generation), bytes(generation));
        }
        // g-d is current; g-a is this instance's own (it is behind); g-b was used a moment ago by another instance; g-c long ago.
        Instant longAgo = Instant.now().minusSeconds(120);
        for (String generation : List.of("g-a", "g-c", "g-d")) {
            Files.setLastModifiedTime(temp.resolve(generation), FileTime.from(longAgo));
        }
        Files.createSymbolicLink(temp.resolve(".current-dead"), Path.of("g-c"));
        Files.getFileAttributeView(temp.resolve(".current-dead"), java.nio.file.attribute.BasicFileAttributeView.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).setTimes(FileTime.from(longAgo), null, null);
        assertThat(files.sweep("g-a", Duration.ofSeconds(30))).isEqualTo(2);
        try (Stream<Path> entries = Files.list(temp)) {
            assertThat(entries.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("current", "g-a", "g-b", "g-d");
        }
    }

    private static CachedPage page(String contentType, String cacheControl, Map<String, String> headers, Instant expires) {
        return new CachedPage(contentType, bytes("<p>x</p>"), bytes("gz"), "\"e\"", cacheControl, headers, expires, "/news/{slug}");
    }

    @Test
    void only_html_pages_kept_for_everyone_with_nothing_of_their_own_go_in() {
        assertThat(PageMirror.keeps(page("text/html; charset=utf-8", "no-cache", Map.of(), null))).isTrue();
        assertThat(PageMirror.keeps(page("application/rss+xml; charset=utf-8", "no-cache", Map.of(), null))).as("feeds stay with the server").isFalse();
        assertThat(PageMirror.keeps(page("text/html; charset=utf-8", "no-cache", Map.of(), Instant.now()))).as("live state").isFalse();
        assertThat(PageMirror.keeps(page("text/html; charset=utf-8", "no-cache", Map.of("Link", "<x>"), null))).as("own headers").isFalse();
        assertThat(PageMirror.keeps(page("text/html; charset=utf-8", "public, max-age=60", Map.of(), null))).as("the API's").isFalse();
    }

    /** The mirror's headers as deploy/nginx/gme-locations.conf adds them, with gme-http.conf's maps for this scheme. */
    private static Map<String, String> nginxHeaders(String scheme) throws Exception {
        String http = Files.readString(Path.of("deploy/nginx/gme-http.conf"));
        String locations = Files.readString(Path.of("deploy/nginx/gme-locations.conf"));
        String mirrorLocation = locations.substring(locations.indexOf("location / {"), locations.indexOf("location @app {"));
        Map<String, String> headers = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^\\s*add_header (\\S+) (\"[^\"]*\"|\\$\\w+) always;").matcher(mirrorLocation);
        while (line.find()) {
            String value = line.group(2);
            value = value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
            Matcher variable = Pattern.compile("\\$(gme_\\w+)").matcher(value);
            StringBuilder resolved = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(resolved, Matcher.quoteReplacement(mapValue(http, variable.group(1), scheme)));
            }
            variable.appendTail(resolved);
            if (!resolved.isEmpty()) {
                // nginx sends no header whose value is empty
                headers.put(line.group(1), resolved.toString());
            }
        }
        return headers;
    }

    private static String mapValue(String http, String variable, String scheme) {
        Matcher map = Pattern.compile("map \\$scheme \\$" + variable + " \\{([^}]*)\\}").matcher(http);
        assertThat(map.find()).as("map for $" + variable + " in gme-http.conf").isTrue();
        Matcher entry = Pattern.compile("(?m)^\\s*(\\S+)\\s+\"([^\"]*)\";").matcher(map.group(1));
        String fallback = null;
        while (entry.find()) {
            if (entry.group(1).equals(scheme)) {
                return entry.group(2);
            }
            if (entry.group(1).equals("default")) {
                fallback = entry.group(2);
            }
        }
        return fallback;
    }

    @Test
    void nginx_adds_exactly_the_servers_security_headers_to_mirror_answers_over_http_and_https() throws Exception {
        for (boolean https : new boolean[] {false, true}) {
            Map<String, String> expected = new LinkedHashMap<>(new SecurityHeaders(https).headers());
            expected.put("Cache-Control", PageCache.REVALIDATE);
            expected.put("Vary", "Accept-Encoding");
            expected.put("X-Cache-Status", "MIRROR");
            assertThat(nginxHeaders(https ? "https" : "http")).as(https ? "https" : "http").containsExactlyInAnyOrderEntriesOf(expected);
        }
    }

    @Test
    void a_mirror_folder_the_server_cannot_make_stops_the_start_with_the_reason() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
        edu.rush.gme.Settings settings = edu.rush.gme.Settings.forFolders(edu.rush.gme.ContentFixture.minimal(temp).dir(), Path.of("static"))
                .withMirrorDir(file.resolve("mirror"));
        edu.rush.gme.App app = edu.rush.gme.App.create(settings, java.time.Clock.systemUTC());
        try {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(app::start);
            Throwable cause = thrown;
            while (cause != null && !(cause instanceof java.io.IOException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("the reason, for the log").isNotNull();
            assertThat(cause.getMessage()).startsWith("GME_MIRROR_DIR " + file.resolve("mirror").toAbsolutePath() + " cannot be made (")
                    .endsWith("set it to a folder this server can write");
        } finally {
            app.stop();
        }
    }
}
