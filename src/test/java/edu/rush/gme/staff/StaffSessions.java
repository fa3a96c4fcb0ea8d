package edu.rush.gme.staff;

import edu.rush.gme.TestSite;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Staff accounts signed in on a test site, one per role, as the workspace's tests use them. */
final class StaffSessions {

    private final TestSite site;
    private final Map<Role, String> cookies = new EnumMap<>(Role.class);

    StaffSessions(TestSite site, Role... roles) {
        this.site = site;
        StaffService staff = site.app().services().staff();
        for (Role role : roles) {
            staff.setPassword(staff.addOrReset(role.key() + "@example.org", role, List.of(), "test"), StaffSignInTest.PASSWORD, "127.0.0.1");
            TestSite.Response signedIn = site.post("/admin/sign-in", Map.of("email", role.key() + "@example.org", "password", StaffSignInTest.PASSWORD));
            String cookie = signedIn.header("Set-Cookie");
            cookies.put(role, cookie.substring("gme_staff=".length(), cookie.indexOf(';')));
        }
    }

    /** The session cookie's value. */
    String cookie(Role role) {
        return cookies.get(role);
    }

    TestSite.Response get(Role role, String path) {
        return site.get(path, "Cookie", "gme_staff=" + cookies.get(role));
    }

    /** A form from a page of the site, as a current browser sends it. */
    TestSite.Response post(Role role, String path, Map<String, String> form) {
        return site.post(path, form, "Content-Type", "application/x-www-form-urlencoded", "Cookie", "gme_staff=" + cookies.get(role),
                "Origin", site.url(""), "Sec-Fetch-Site", "same-origin");
    }

    /** The session's form token, read off the dashboard. */
    String csrf(Role role) {
        return get(role, "/admin").page().select("input[name=csrf]").first().attr("value");
    }

    /** The editor's form as the browser would send it (one value per name; a textarea's first newline dropped as browsers do). */
    static Map<String, String> editorForm(org.jsoup.nodes.Document page) {
        Map<String, String> form = new java.util.HashMap<>();
        for (org.jsoup.nodes.Element input : page.select("form.editor input[name], form.editor textarea[name], form.editor select[name]")) {
            String name = input.attr("name");
            if (input.tagName().equals("textarea")) {
                String text = input.wholeText();
                form.put(name, text.startsWith("\n") ? text.substring(1) : text);
            } else if (input.tagName().equals("select")) {
                org.jsoup.nodes.Element selected = input.selectFirst("option[selected]");
                if (selected != null) {
                    form.put(name, selected.attr("value"));
                }
            } else if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
                form.put(name, input.attr("value"));
            }
        }
        return form;
    }
}
