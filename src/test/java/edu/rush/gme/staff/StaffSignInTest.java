package edu.rush.gme.staff;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.Commands;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.DatabaseSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff workspace's door, as staff and attackers meet it: a set-password link that works once,
 * sign-in that answers the same for every kind of wrong, a session cookie a script cannot read,
 * rotated at each sign-in, ending when idle or old, every route checked for a session and a role,
 * every form for the session's own token, and nothing under /admin cached or indexed.
 */
class StaffSignInTest {

    static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path temp;

    private MutableClock clock;
    private TestSite site;
    private Settings settings;

    @BeforeEach
    void start() {
        ContentFixture content = ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .write("events/im-open-house.md", "---\ntitle: IM open house\nsummary: S.\nstart: 2026-12-08T18:00\nend: 2026-12-08T19:00\n"
                        + "format: virtual\nplatform: Zoom\njoinLink: https://zoom.example.org/j/1\nprograms: [alpha-im]\n---\nBody.\n");
        clock = new MutableClock(Instant.parse("2026-11-30T16:00:00Z"));
        settings = Settings.forFolders(content.dir(), Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("gme.db"), null, null));
        site = TestSite.start(settings, clock);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private StaffService staff() {
        return site.app().services().staff();
    }

    /** An account with its password set through its link; returns the link token (used up). */
    private String account(String email, Role role) {
        String token = staff().addOrReset(email, role, role == Role.COORDINATOR ? List.of("alpha-im") : List.of(), "test");
        assertThat(staff().setPassword(token, PASSWORD, "127.0.0.1")).isPresent();
        return token;
    }

    /** Signs in through the form; returns the session cookie's value. */
    private String signIn(String email, String password) {
        TestSite.Response response = site.post("/admin/sign-in", Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(303);
        String cookie = response.header("Set-Cookie");
        assertThat(cookie).startsWith("gme_staff=");
        return cookie.substring("gme_staff=".length(), cookie.indexOf(';'));
    }

    private TestSite.Response get(String path, String session) {
        return session == null ? site.get(path) : site.get(path, "Cookie", "gme_staff=" + session);
    }

    private TestSite.Response post(String path, String session, Map<String, String> form) {
        return site.post(path, form, "Content-Type", "application/x-www-form-urlencoded", "Cookie", "gme_staff=" + session,
                "Origin", site.url(""), "Sec-Fetch-Site", "same-origin");
    }

    private static String csrf(TestSite.Response page) {
        return page.page().select("input[name=csrf]").first().attr("value");
    }

    @Test
    void a_set_password_link_works_once_and_checks_the_password() {
        String token = staff().addOrReset("editor@example.org", Role.EDITOR, List.of(), "test");
        TestSite.Response form = site.get("/admin/set-password/" + token);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("editor@example.org", "At least 12 characters");
        assertThat(form.header("Cache-Control")).isEqualTo("no-store");
        assertThat(form.header("X-Robots-Tag")).contains("noindex");

        TestSite.Response tooShort = site.post("/admin/set-password/" + token, Map.of("password", "short", "repeat", "short"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.page().select(".error-summary").text()).contains("at least 12 characters");
        assertThat(tooShort.page().select("#password").attr("aria-invalid")).isEqualTo("true");
        TestSite.Response different = site.post("/admin/set-password/" + token, Map.of("password", PASSWORD, "repeat", PASSWORD + "!"));
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.text()).contains("The two passwords are not the same");

        TestSite.Response set = site.post("/admin/set-password/" + token, Map.of("password", PASSWORD, "repeat", PASSWORD));
        assertThat(set.status()).isEqualTo(303);
        assertThat(set.header("Location")).isEqualTo("/admin/sign-in?done=password-set");
        assertThat(site.get("/admin/sign-in?done=password-set").text()).contains("Your password is set");

        assertThat(site.get("/admin/set-password/" + token).status()).isEqualTo(404);
        assertThat(site.post("/admin/set-password/" + token, Map.of("password", PASSWORD, "repeat", PASSWORD)).status()).isEqualTo(404);
        assertThat(site.get("/admin/set-password/not-a-token").status()).isEqualTo(404);
        // Three days later an unused link is no good either.
        String late = staff().addOrReset("late@example.org", Role.EDITOR, List.of(), "test");
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        assertThat(site.get("/admin/set-password/" + late).status()).isEqualTo(404);
    }

    @Test
    void wrong_passwords_and_unknown_addresses_get_the_same_answer_and_the_right_one_a_private_session() {
        account("editor@example.org", Role.EDITOR);
        TestSite.Response wrong = site.post("/admin/sign-in", Map.of("email", "editor@example.org", "password", "not the password at all"));
        TestSite.Response unknown = site.post("/admin/sign-in", Map.of("email", "nobody@example.org", "password", "not the password at all"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.page().select(".error-summary").text()).isEqualTo(unknown.page().select(".error-summary").text())
                .contains("The e-mail address or the password is not right");
        // The address stays in the form; the password never comes back.
        assertThat(wrong.page().select("#email").attr("value")).isEqualTo("editor@example.org");
        assertThat(wrong.page().select("#password").attr("value")).isEmpty();
        TestSite.Response empty = site.post("/admin/sign-in", Map.of("email", "", "password", ""));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.text()).contains("Enter your e-mail address", "Enter your password");

        TestSite.Response good = site.post("/admin/sign-in", Map.of("email", "Editor@Example.org", "password", PASSWORD));
        assertThat(good.status()).isEqualTo(303);
        assertThat(good.header("Location")).isEqualTo("/admin");
        String cookie = good.header("Set-Cookie");
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/admin").doesNotContain("Secure");
        String session = cookie.substring("gme_staff=".length(), cookie.indexOf(';'));
        TestSite.Response home = get("/admin", session);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("Signed in as editor@example.org, editor");
        assertThat(home.header("Cache-Control")).isEqualTo("no-store");
        assertThat(home.header("X-Robots-Tag")).contains("noindex");
        assertThat(home.page().select("meta[name=robots]").attr("content")).contains("noindex");

        // A new session id at every sign-in.
        assertThat(signIn("editor@example.org", PASSWORD)).isNotEqualTo(session);
        // After signing in, only workspace addresses are followed: never another site.
        TestSite.Response elsewhere = site.post("/admin/sign-in?next=//evil.example.com/", Map.of("email", "editor@example.org", "password", PASSWORD));
        assertThat(elsewhere.header("Location")).isEqualTo("/admin");
        TestSite.Response back = site.post("/admin/sign-in?next=/admin/staff", Map.of("email", "editor@example.org", "password", PASSWORD));
        assertThat(back.header("Location")).isEqualTo("/admin/staff");
        // The audit log has each attempt, the unknown address too.
        assertThat(staff().auditLog(20)).extracting(StaffService.AuditEntry::action)
                .contains(StaffService.SIGNED_IN, StaffService.SIGN_IN_FAILED, StaffService.PASSWORD_SET, StaffService.ACCOUNT_ADDED);
    }

    @Test
    void sessions_end_when_idle_when_old_and_when_signed_out_here_or_everywhere() {
        account("editor@example.org", Role.EDITOR);
        String session = signIn("editor@example.org", PASSWORD);
        clock.advance(Duration.ofMinutes(29));
        assertThat(get("/admin", session).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        TestSite.Response idle = get("/admin", session);
        assertThat(idle.status()).isEqualTo(303);
        assertThat(idle.header("Location")).isEqualTo("/admin/sign-in?next=%2Fadmin");

        // In use every twenty minutes, a session still ends twelve hours after sign-in.
        String busy = signIn("editor@example.org", PASSWORD);
        for (int i = 0; i < 35; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(get("/admin", busy).status()).as("after %d minutes", (i + 1) * 20).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(get("/admin", busy).status()).isEqualTo(303);

        String here = signIn("editor@example.org", PASSWORD);
        String there = signIn("editor@example.org", PASSWORD);
        TestSite.Response signedOut = post("/admin/sign-out", here, Map.of("csrf", csrf(get("/admin", here))));
        assertThat(signedOut.status()).isEqualTo(303);
        assertThat(signedOut.header("Set-Cookie")).startsWith("gme_staff=;").contains("Expires=Thu, 01 Jan 1970");
        assertThat(get("/admin", here).status()).isEqualTo(303);
        assertThat(get("/admin", there).status()).isEqualTo(200);

        String third = signIn("editor@example.org", PASSWORD);
        assertThat(get("/admin", third).text()).contains("signed in on 2 browsers");
        post("/admin/sign-out-everywhere", third, Map.of("csrf", csrf(get("/admin", third))));
        assertThat(get("/admin", there).status()).isEqualTo(303);
        assertThat(get("/admin", third).status()).isEqualTo(303);
    }

    @Test
    void a_form_needs_its_own_sessions_token() {
        account("editor@example.org", Role.EDITOR);
        account("publisher@example.org", Role.PUBLISHER);
        String mine = signIn("editor@example.org", PASSWORD);
        String theirs = signIn("publisher@example.org", PASSWORD);
        String theirToken = csrf(get("/admin", theirs));
        assertThat(post("/admin/sign-out", mine, Map.of()).status()).isEqualTo(403);
        assertThat(post("/admin/sign-out", mine, Map.of("csrf", theirToken)).status()).isEqualTo(403);
        assertThat(post("/admin/sign-out", mine, Map.of("csrf", "forged")).text()).contains("nothing was changed");
        assertThat(get("/admin", mine).status()).as("still signed in").isEqualTo(200);
        // Without a session a form changes nothing and says so.
        assertThat(post("/admin/sign-out-everywhere", "no-such-session", Map.of("csrf", theirToken)).status()).isEqualTo(401);
        // A sign-in posted from another site is refused.
        TestSite.Response crossSite = site.post("/admin/sign-in", Map.of("email", "editor@example.org", "password", PASSWORD),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "https://evil.example.com", "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.header("Set-Cookie")).isNull();
    }

    @Test
    void ten_failures_lock_an_address_for_a_while_on_every_server_whether_or_not_it_has_an_account() {
        account("editor@example.org", Role.EDITOR);
        for (int i = 0; i < StaffService.FAILURES_BEFORE_LOCK; i++) {
            assertThat(staff().signIn("editor@example.org", "wrong guess " + i, "203.0.113." + i)).isInstanceOf(StaffService.Refused.class);
            assertThat(staff().signIn("ghost@example.org", "wrong guess " + i, "203.0.113." + i)).isInstanceOf(StaffService.Refused.class);
        }
        TestSite.Response locked = site.post("/admin/sign-in", Map.of("email", "editor@example.org", "password", PASSWORD));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotNull();
        assertThat(locked.text()).contains("Too many sign-in attempts");
        assertThat(site.post("/admin/sign-in", Map.of("email", "ghost@example.org", "password", PASSWORD)).status()).isEqualTo(429);
        clock.advance(StaffService.LOCK_WINDOW.plusSeconds(1));
        assertThat(site.post("/admin/sign-in", Map.of("email", "editor@example.org", "password", PASSWORD)).status()).isEqualTo(303);
    }

    @Test
    void every_route_checks_its_role_on_the_server() {
        Map<Role, String> sessions = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            account(role.key() + "@example.org", role);
            sessions.put(role, signIn(role.key() + "@example.org", PASSWORD));
        }
        StaffController controller = new StaffController(null, null, null, null, null, false,
                edu.rush.gme.WorkspacePanels.of(site.app().store(), site.app().services(), null), () -> 0, clock);
        List<StaffController.Route> routes = new java.util.ArrayList<>(controller.routes());
        routes.addAll(new HistoryController(null, null, null, null).routes());
        routes.addAll(new ContentEditor(null, null, null, Map.of(), ContentSaves.Listener.NONE, clock).routes());
        routes.addAll(new ProgramPicker(null).routes());
        routes.addAll(new edu.rush.gme.coordinator.CoordinatorController(null, null, null, null, null).routes());
        // A coordinator's item pages name an inquiry and an event of their own program.
        String reference = site.app().services().inquiries().receive(new edu.rush.gme.inquiry.NewInquiry("alpha-im", "Internal Medicine", null,
                "Ada", "ada@example.com", null, null, "A question.", false), "form").reference();
        for (StaffController.Route route : routes) {
            if (!route.access().signedIn()) {
                continue;
            }
            String path = route.path().replace("{reference}", reference).replace("{slug}", "im-open-house");
            // Nobody: a page sends to the sign-in, a form changes nothing.
            TestSite.Response nobody = route.method().equals("GET") ? site.get(path) : site.post(path, Map.of());
            assertThat(nobody.status()).as("%s %s without a session", route.method(), path).isEqualTo(route.method().equals("GET") ? 303 : 401);
            for (Role role : Role.values()) {
                boolean allowed = route.access().role() == null || role.allows(route.access().role());
                String session = sessions.get(role);
                if (route.method().equals("GET")) {
                    TestSite.Response answer = get(path, session);
                    assertThat(answer.status()).as("GET %s as %s", path, role).isEqualTo(allowed ? 200 : 403);
                    assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
                } else if (!allowed) {
                    assertThat(post(path, session, Map.of("csrf", csrf(get("/admin", session)))).status()).as("POST %s as %s", path, role).isEqualTo(403);
                }
            }
        }
        assertThat(get("/admin/staff", sessions.get(Role.ADMIN)).text()).contains("editor@example.org", "Program coordinator", "alpha-im");
        assertThat(get("/admin/audit", sessions.get(Role.ADMIN)).text()).contains("signed-in", "coordinator@example.org");
        // Even an address under /admin that does not exist is neither cached nor indexed.
        TestSite.Response missing = site.get("/admin/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("X-Robots-Tag")).contains("noindex");
    }

    @Test
    void behind_https_the_session_cookie_is_secure() {
        try (TestSite secure = TestSite.start(settings.withBaseUrl("https://gme.example.org"), clock)) {
            StaffService staff = secure.app().services().staff();
            staff.setPassword(staff.addOrReset("editor@example.org", Role.EDITOR, List.of(), "test"), PASSWORD, null);
            TestSite.Response signedIn = secure.post("/admin/sign-in", Map.of("email", "editor@example.org", "password", PASSWORD));
            assertThat(signedIn.status()).isEqualTo(303);
            assertThat(signedIn.header("Set-Cookie")).contains("Secure", "HttpOnly");
        }
    }

    @Test
    void add_staff_prints_a_link_and_refuses_what_it_cannot_do() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run(settings, clock, List.of("add-staff", "coordinator@example.org", "--role", "coordinator", "--programs", "alpha-im"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("coordinator@example.org (program coordinator)", "/admin/set-password/");
        String link = printed.lines().filter(line -> line.contains("/admin/set-password/")).findFirst().orElseThrow();
        assertThat(site.get(link.substring(link.indexOf("/admin/"))).status()).isEqualTo(200);

        assertThat(run("add-staff", "x@example.org", "--role", "owner")).contains("unknown role 'owner'");
        assertThat(run("add-staff", "x@example.org", "--role", "coordinator")).contains("a coordinator needs --programs");
        assertThat(run("add-staff", "x@example.org", "--role", "coordinator", "--programs", "no-such")).contains("no program has the slug 'no-such'");
        assertThat(run("add-staff", "not an address", "--role", "editor")).contains("is not an e-mail address");
        assertThat(run("add-staff", "--role", "editor")).contains("the e-mail address is missing");
    }

    private String run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run(settings, clock, List.of(args), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        return err.toString(StandardCharsets.UTF_8);
    }
}
