package edu.rush.gme.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Site-wide settings from {@code content/site.yaml}: the office's name, navigation, contact
 * details, time zone, mission and vision, and the home page's entry points.
 */
public record SiteConfig(
        String name,
        String shortName,
        String organization,
        String description,
        String timeZone,
        @JsonProperty("sample_content") Boolean sampleContent,
        String mission,
        String vision,
        Contact contact,
        List<Link> navigation,
        List<EntryPoint> entryPoints,
        List<Link> footerLinks,
        Integer newsPerPage) implements FrontMatter {

    /** Used when site.yaml is missing or broken, so the site still starts (the problem is reported). */
    public static final SiteConfig FALLBACK = new SiteConfig("Graduate Medical Education", "GME", null, null,
            "America/Chicago", false, null, null, null, List.of(), List.of(), List.of(), 10);

    /**
     * How to reach the office.
     *
     * @param answerTime how soon questions sent through the site are usually answered, in words
     *                   ("two working days"); left out, the confirmation page promises no time
     */
    public record Contact(String office, String email, String phone, List<String> address, String answerTime) {
    }

    /** A navigation or footer link. */
    public record Link(String title, String url) {
    }

    /** A card on the home page leading into a part of the site. */
    public record EntryPoint(String title, String summary, String url) {
    }

    /** The office's name from the contact details, else the site's name. */
    public String officeName() {
        return contact != null && contact.office() != null ? contact.office() : name;
    }

    /** The organization and the site, "RUSH University Graduate Medical Education"; the site's name alone without one. */
    public String fullName() {
        return organization == null ? name : organization + " " + name;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone == null ? "America/Chicago" : timeZone);
    }

    public int newsPageSize() {
        return newsPerPage == null ? 10 : newsPerPage;
    }

    public List<Link> navigation() {
        return navigation == null ? List.of() : navigation;
    }

    public List<EntryPoint> entryPoints() {
        return entryPoints == null ? List.of() : entryPoints;
    }

    public List<Link> footerLinks() {
        return footerLinks == null ? List.of() : footerLinks;
    }

    @Override
    public List<FieldProblem> validate(Meta ignored) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.require(problems, "name", name);
        FieldProblem.require(problems, "mission", mission);
        FieldProblem.require(problems, "vision", vision);
        FieldProblem.checkZone(problems, "timeZone", timeZone);
        FieldProblem.checkRange(problems, "newsPerPage", newsPerPage, 1, 100);
        if (contact != null) {
            FieldProblem.checkEmail(problems, "contact.email", contact.email());
        }
        checkLinks(problems, "navigation", navigation());
        checkLinks(problems, "footerLinks", footerLinks());
        for (int i = 0; i < entryPoints().size(); i++) {
            EntryPoint entry = entryPoints().get(i);
            String at = "entryPoints[" + i + "]";
            FieldProblem.require(problems, at + ".title", entry.title());
            FieldProblem.require(problems, at + ".summary", entry.summary());
            checkUrl(problems, at + ".url", entry.url());
        }
        return problems;
    }

    private static void checkLinks(List<FieldProblem> problems, String field, List<Link> links) {
        for (int i = 0; i < links.size(); i++) {
            FieldProblem.require(problems, field + "[" + i + "].title", links.get(i).title());
            checkUrl(problems, field + "[" + i + "].url", links.get(i).url());
        }
    }

    private static void checkUrl(List<FieldProblem> problems, String field, String url) {
        if (url == null || url.isBlank()) {
            problems.add(FieldProblem.missing(field));
        } else if (!url.startsWith("/") && !url.startsWith("https://") && !url.startsWith("http://") && !url.startsWith("mailto:")) {
            problems.add(new FieldProblem(field, "'" + field + "' must be a site path starting with '/' or a full https:// address, got \"" + url + "\""));
        }
    }
}
