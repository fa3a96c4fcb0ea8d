package edu.rush.gme.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.DatabaseSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's form as the type's front matter schema makes it: each kind of control with the file's
 * value, saving a changed choice, date, moment, list or YAML value rewrites only that key; the program
 * picker's search (roles, matches, escaping); and the live preview's answer, the one page the editor
 * may show in a frame.
 */
class SchemaFormTest {

    static final String PROGRAM = """
            ---
            title: "Gamma Surgery Residency"
            type: residency   # the kind of program
            specialty: Surgery
            summary: Training in surgery.
            lengthYears: 5
            visas: [J-1]
            publishDate: 2026-12-01T09:00-06:00
            application:
              system: ERAS
              # the deadline moves every year
              deadline: 2026-10-15
            nrmpTracks:
              - code: "1234567C0"
                name: Categorical
            related: [alpha-im]
            verified: 2026-11-02
            ---
            About surgery.
            """;

    @TempDir
    Path temp;

    private TestSite site;
    private ContentFixture content;
    private final Map<Role, String> sessions = new EnumMap<>(Role.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void start() {
        content = ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .program("beta-peds", "residency", "Pediatrics", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .write("programs/gamma-surg.md", PROGRAM)
                .write("programs/tricky.md", "---\ntitle: \"Pediatric <b>Bold</b> & \\\"Quoted\\\" Fellowship\"\ntype: fellowship\nspecialty: Pediatrics\n"
                        + "summary: s\nlengthYears: 2\n---\nText.\n");
        for (int i = 0; i < 30; i++) {
            content.write("programs/internal-medicine-" + i + ".md", "---\ntitle: Internal Medicine Track " + i + "\ntype: residency\n"
                    + "specialty: Internal Medicine\nsummary: s\nlengthYears: 3\n---\nText.\n");
        }
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T16:00:00Z"));
        Settings settings = Settings.forFolders(content.dir(), Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("gme.db"), null, null));
        site = TestSite.start(settings, clock);
        StaffService staff = site.app().services().staff();
        for (Role role : List.of(Role.EDITOR, Role.PUBLISHER, Role.COORDINATOR)) {
            staff.setPassword(staff.addOrReset(role.key() + "@example.org", role, role == Role.COORDINATOR ? List.of("alpha-im") : List.of(), "test"),
                    StaffSignInTest.PASSWORD, "127.0.0.1");
            TestSite.Response signedIn = site.post("/admin/sign-in", Map.of("email", role.key() + "@example.org", "password", StaffSignInTest.PASSWORD));
            String cookie = signedIn.header("Set-Cookie");
            sessions.put(role, cookie.substring("gme_staff=".length(), cookie.indexOf(';')));
        }
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private TestSite.Response get(Role role, String path) {
        return site.get(path, "Cookie", "gme_staff=" + sessions.get(role));
    }

    private TestSite.Response post(Role role, String path, List<String[]> form, String... headers) {
        StringBuilder body = new StringBuilder();
        for (String[] pair : form) {
            body.append(body.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(pair[0], StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
        }
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", "gme_staff=" + sessions.get(role),
                "Origin", site.url(""), "Sec-Fetch-Site", "same-origin"));
        all.addAll(List.of(headers));
        return site.postBody(path, body.toString(), all.toArray(String[]::new));
    }

    /** The form as a browser sends it: every checked box, the selected option, each field's text (a textarea's first newline dropped). */
    private static List<String[]> form(Document page) {
        List<String[]> form = new ArrayList<>();
        for (Element input : page.select("form.editor input[name], form.editor textarea[name], form.editor select[name]")) {
            String name = input.attr("name");
            if (input.tagName().equals("textarea")) {
                String text = input.wholeText();
                form.add(new String[] {name, text.startsWith("\n") ? text.substring(1) : text});
            } else if (input.tagName().equals("select")) {
                Element selected = input.selectFirst("option[selected]");
                form.add(new String[] {name, selected == null ? "" : selected.attr("value")});
            } else if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
                form.add(new String[] {name, input.attr("value")});
            }
        }
        return form;
    }

    private static List<String[]> with(List<String[]> form, String name, String... values) {
        List<String[]> changed = new ArrayList<>(form.stream().filter(p -> !p[0].equals(name)).toList());
        for (String value : values) {
            changed.add(new String[] {name, value});
        }
        return changed;
    }

    private String file(String relative) throws IOException {
        return Files.readString(content.dir().resolve(relative), StandardCharsets.UTF_8);
    }

    @Test
    void every_kind_of_control_comes_from_the_schema_with_the_files_value() {
        Document page = get(Role.EDITOR, "/admin/edit?file=content/programs/gamma-surg.md").page();
        assertThat(page.select("input#f-title").attr("value")).isEqualTo("Gamma Surgery Residency");
        assertThat(page.select("select#f-type option[selected]").attr("value")).isEqualTo("residency");
        assertThat(page.select("select#f-type option").eachAttr("value")).containsExactly("", "residency", "fellowship", "allied-health");
        assertThat(page.select("input#f-lengthYears").attr("type")).isEqualTo("number");
        assertThat(page.select("input#f-lengthYears").attr("value")).isEqualTo("5");
        assertThat(page.select("input#f-draft").attr("type")).isEqualTo("checkbox");
        assertThat(page.select("#f-draft-hint").text()).contains("only a publisher can publish it");
        assertThat(page.select("input#f-verified").attr("type")).isEqualTo("date");
        assertThat(page.select("input#f-verified").attr("value")).isEqualTo("2026-11-02");
        // A moment written with an offset is shown in the site's zone (America/Chicago: -06:00 in December).
        assertThat(page.select("input#f-publishDate").attr("type")).isEqualTo("date");
        assertThat(page.select("input#f-publishDate").attr("value")).isEqualTo("2026-12-01");
        assertThat(page.select("input#f-publishDate-time").attr("value")).isEqualTo("09:00");
        assertThat(page.select("fieldset#f-visas input[type=checkbox]").eachAttr("value")).containsExactly("J-1", "H-1B");
        assertThat(page.select("fieldset#f-visas input[checked]").eachAttr("value")).containsExactly("J-1");
        assertThat(page.select("textarea#f-sites").attr("aria-describedby")).isEqualTo("f-sites-hint");
        // Objects and lists of objects: their YAML as written, comments included.
        assertThat(page.select("textarea#f-application").text()).contains("system: ERAS", "# the deadline moves every year", "deadline: 2026-10-15");
        // A list of flat entries (tracks): a row of inputs each, two empty rows to add, a Remove box each.
        assertThat(page.select("fieldset#f-nrmpTracks th").eachText()).containsExactly("Code", "Name", "Remove");
        assertThat(page.select("input#f-nrmpTracks-0-code").attr("value")).isEqualTo("1234567C0");
        assertThat(page.select("input#f-nrmpTracks-0-name").attr("aria-label")).isEqualTo("Name, entry 1");
        assertThat(page.select("input#f-nrmpTracks-0-remove").attr("aria-label")).isEqualTo("Remove entry 1");
        assertThat(page.select("fieldset#f-nrmpTracks tbody tr")).hasSize(3);
        assertThat(page.select("input#f-nrmpTracks-1-code").attr("value")).isEmpty();
        // Related programs: the slugs, one a line, with the chosen ones' titles; never the whole catalog.
        assertThat(page.select("textarea#f-related[data-picker]").first().wholeText()).isEqualTo("alpha-im\n");
        assertThat(page.select("[data-picker-chosen] li").text()).contains("Internal Medicine Residency");
        assertThat(page.select("option:contains(Pediatrics)")).isEmpty();
        assertThat(page.select("#f-related-hint").text()).contains("one a line", "Shown as related programs");
    }

    @Test
    void saving_a_changed_choice_date_moment_list_and_yaml_rewrites_only_those_keys() throws IOException {
        List<String[]> form = form(get(Role.PUBLISHER, "/admin/edit?file=content/programs/gamma-surg.md").page());
        // Unchanged, the form writes the file back byte for byte.
        assertThat(post(Role.PUBLISHER, "/admin/edit", form).status()).isEqualTo(303);
        assertThat(file("programs/gamma-surg.md")).isEqualTo(PROGRAM);

        form = form(get(Role.PUBLISHER, "/admin/edit?file=content/programs/gamma-surg.md").page());
        form = with(form, "f.type", "fellowship");
        form = with(form, "f.verified", "2026-11-30");
        form = with(form, "f.publishDate.time", "10:30");
        form = with(form, "f.visas", "J-1", "H-1B");
        form = with(form, "f.related", "alpha-im\nbeta-peds\n");
        form = with(form, "f.application", "system: ERAS\n# the deadline moves every year\ndeadline: 2026-10-01");
        TestSite.Response saved = post(Role.PUBLISHER, "/admin/edit", form);
        assertThat(saved.status()).as(saved.text()).isEqualTo(303);
        assertThat(file("programs/gamma-surg.md")).isEqualTo(PROGRAM
                .replace("type: residency   # the kind of program", "type: fellowship   # the kind of program")
                .replace("verified: 2026-11-02", "verified: 2026-11-30")
                .replace("publishDate: 2026-12-01T09:00-06:00", "publishDate: 2026-12-01T10:30")
                .replace("visas: [J-1]", "visas:\n  - J-1\n  - H-1B")
                .replace("related: [alpha-im]", "related:\n  - alpha-im\n  - beta-peds")
                .replace("deadline: 2026-10-15", "deadline: 2026-10-01"));
    }

    @Test
    void tracks_are_changed_added_and_removed_as_rows_without_javascript() throws IOException {
        List<String[]> form = form(get(Role.PUBLISHER, "/admin/edit?file=content/programs/gamma-surg.md").page());
        form = with(form, "f.nrmpTracks.0.name", "Categorical (surgery)");
        form = with(form, "f.nrmpTracks.1.code", "1234567P0");
        form = with(form, "f.nrmpTracks.1.name", "Preliminary: one year");
        TestSite.Response saved = post(Role.PUBLISHER, "/admin/edit", form);
        assertThat(saved.status()).as(saved.text()).isEqualTo(303);
        assertThat(file("programs/gamma-surg.md")).isEqualTo(PROGRAM.replace(
                "nrmpTracks:\n  - code: \"1234567C0\"\n    name: Categorical\n",
                "nrmpTracks:\n  - code: \"1234567C0\"\n    name: \"Categorical (surgery)\"\n  - code: \"1234567P0\"\n    name: \"Preliminary: one year\"\n"));
        Document page = get(Role.PUBLISHER, "/admin/edit?file=content/programs/gamma-surg.md").page();
        assertThat(page.select("input#f-nrmpTracks-1-name").attr("value")).isEqualTo("Preliminary: one year");

        // Removing both leaves an empty list; the form then offers the empty rows only.
        form = with(with(form(page), "f.nrmpTracks.0.remove", "true"), "f.nrmpTracks.1.remove", "true");
        assertThat(post(Role.PUBLISHER, "/admin/edit", form).status()).isEqualTo(303);
        assertThat(file("programs/gamma-surg.md")).contains("nrmpTracks: []\nrelated: [alpha-im]");
        assertThat(get(Role.PUBLISHER, "/admin/edit?file=content/programs/gamma-surg.md").page().select("fieldset#f-nrmpTracks tbody tr")).hasSize(2);
    }

    @Test
    void an_unknown_related_slug_typed_without_javascript_gets_validates_message() throws IOException {
        List<String[]> form = with(form(get(Role.PUBLISHER, "/admin/edit?file=content/programs/gamma-surg.md").page()), "f.related", "alpha-im\nno-such-program\n");
        TestSite.Response refused = post(Role.PUBLISHER, "/admin/edit", form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().select(".error-summary").text()).contains("content/programs/gamma-surg.md:", "no-such-program");
        assertThat(refused.page().select(".error-summary a").eachAttr("href")).contains("#f-related");
        assertThat(file("programs/gamma-surg.md")).isEqualTo(PROGRAM);
    }

    @Test
    void the_picker_answers_editors_with_the_best_twenty_matches() throws Exception {
        assertThat(site.get(ProgramPicker.PATH + "?q=internal").status()).isEqualTo(303);
        assertThat(get(Role.COORDINATOR, ProgramPicker.PATH + "?q=internal").status()).isEqualTo(403);
        TestSite.Response answer = get(Role.EDITOR, ProgramPicker.PATH + "?q=internal");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        JsonNode results = JSON.readTree(answer.raw().body()).get("results");
        assertThat(results).hasSize(20);
        assertThat(results.get(0).get("title").asText()).isEqualTo("Internal Medicine Residency");
        // A word of the title, then a word and a slug's start, in any order.
        assertThat(titles(get(Role.PUBLISHER, ProgramPicker.PATH + "?q=surg"))).containsExactly("Gamma Surgery Residency");
        assertThat(titles(get(Role.EDITOR, ProgramPicker.PATH + "?q=track+medicine+29"))).containsExactly("Internal Medicine Track 29");
        assertThat(titles(get(Role.EDITOR, ProgramPicker.PATH + "?q=beta"))).containsExactly("Pediatrics Residency");
        assertThat(titles(get(Role.EDITOR, ProgramPicker.PATH + "?q=nothing+like+this"))).isEmpty();
        // A title with markup comes back as the text it is; the page that lists it escapes it.
        TestSite.Response tricky = get(Role.EDITOR, ProgramPicker.PATH + "?q=%3Cb%3E");
        assertThat(titles(get(Role.EDITOR, ProgramPicker.PATH + "?q=bold"))).containsExactly("Pediatric <b>Bold</b> & \"Quoted\" Fellowship");
        assertThat(tricky.status()).isEqualTo(200);
        content.write("programs/gamma-surg.md", PROGRAM.replace("related: [alpha-im]", "related: [tricky]"));
        site.app().store().reload();
        Document page = get(Role.EDITOR, "/admin/edit?file=content/programs/gamma-surg.md").page();
        assertThat(page.select("[data-picker-chosen] b")).isEmpty();
        assertThat(page.select("[data-picker-chosen] li").text()).contains("Pediatric <b>Bold</b>");
    }

    private static List<String> titles(TestSite.Response answer) throws IOException {
        List<String> titles = new ArrayList<>();
        JSON.readTree(answer.raw().body()).get("results").forEach(r -> titles.add(r.get("title").asText()));
        return titles;
    }

    @Test
    void the_live_preview_is_the_one_answer_framed_by_the_site_itself() throws IOException {
        TestSite.Response editor = get(Role.EDITOR, "/admin/edit?file=content/programs/gamma-surg.md");
        assertThat(editor.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(editor.header("X-Frame-Options")).isEqualTo("DENY");
        List<String[]> form = with(form(editor.page()), "f.title", "Gamma Surgery, typed just now");
        TestSite.Response checked = post(Role.EDITOR, "/admin/edit/preview", form, "X-Editor-Check", "1");
        assertThat(checked.status()).isEqualTo(200);
        JsonNode answer = JSON.readTree(checked.raw().body());
        assertThat(answer.get("problems")).isEmpty();
        String preview = answer.get("preview").asText();
        assertThat(preview).startsWith("/admin/edit/preview?draft=");

        TestSite.Response framed = get(Role.EDITOR, preview);
        assertThat(framed.status()).isEqualTo(200);
        assertThat(framed.page().select("h1").text()).isEqualTo("Gamma Surgery, typed just now");
        assertThat(framed.text()).contains("Preview — not saved");
        assertThat(framed.header("Content-Security-Policy")).contains("frame-ancestors 'self'").doesNotContain("frame-ancestors 'none'")
                .contains("script-src 'self'", "default-src 'self'");
        assertThat(framed.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(framed.header("Cache-Control")).contains("no-store");
        // Another signed-in browser cannot see it; the public site never gets framed.
        assertThat(get(Role.PUBLISHER, preview).page().select("h1").text()).isEqualTo("Nothing to preview yet");
        assertThat(site.get("/programs/gamma-surg").header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(site.get("/programs/gamma-surg").header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(file("programs/gamma-surg.md")).isEqualTo(PROGRAM);

        // A text with a problem: the problems, and no new preview.
        JsonNode broken = JSON.readTree(post(Role.EDITOR, "/admin/edit/preview", with(form, "f.verified", "2026-02-30"), "X-Editor-Check", "1").raw().body());
        assertThat(broken.get("problems").toString()).contains("content/programs/gamma-surg.md:");
        assertThat(broken.has("preview")).isFalse();

        // Without JavaScript, Preview (a new tab) is the same page, framable the same way.
        TestSite.Response tab = post(Role.EDITOR, "/admin/edit/preview", form);
        assertThat(tab.status()).isEqualTo(200);
        assertThat(tab.page().select("h1").text()).isEqualTo("Gamma Surgery, typed just now");
        assertThat(tab.header("Content-Security-Policy")).contains("frame-ancestors 'self'");
    }
}
