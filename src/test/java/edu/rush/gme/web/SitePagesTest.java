package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every page type of the real site, served from the real content/ folder on a random port. */
class SitePagesTest {

    static final String MISSION = "The mission of RUSH GME is to prepare the next generation of physicians in a supportive learning "
            + "environment that emphasizes evidence-based medicine and to promote innovative programs that foster well-being, "
            + "diversity, inclusion and equity in its trainees.";
    static final String VISION = "To be nationally recognized for innovative training programs that transform residents and fellows "
            + "into excellent clinicians, researchers, educators, and leaders.";
    static final String SUPPORT = "The Office of Graduate Medical Education is here to support you. We handle the tracking, "
            + "documentation, licensure, orientation, payroll, benefits and verification for more than 825 residents and fellows "
            + "each year. Working closely with the coordinators of our 90 residency and fellowship training programs, we serve as "
            + "the principal liaison between the RUSH House Staff Association and RUSH management. We are your advocates and your resource.";
    static final String ACCREDITATION = "We support program accreditation by the Accreditation Council of Graduate Medical Education "
            + "and other boards and work with the Illinois Department of Financial and Professional Regulation and many other outside agencies.";

    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(Path.of("content"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static Response ok(String path) {
        Response response = site.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.header("Content-Type")).as(path).startsWith("text/html");
        return response;
    }

    @Test
    void home_page_shows_the_hero_mission_vision_and_support_in_the_seed_words() {
        Response home = ok("/");
        assertThat(home.page().selectFirst("h1").text()).isEqualTo("Take the next step in your medical career");
        assertThat(home.text())
                .contains("Residency and fellowship training is an exciting and challenging time for developing your clinical skills and defining your identity as a physician.")
                .contains("At RUSH University, we are fully committed to making sure you receive outstanding clinical experiences")
                .contains("Our Mission").contains(MISSION)
                .contains("Our Vision").contains(VISION)
                .contains("Supporting your success").contains(SUPPORT)
                .contains("825+").contains("90");
    }

    @Test
    void home_page_leads_to_the_four_entry_points() {
        Response home = ok("/");
        List<String> entries = home.page().select(".entry-points h3 a").eachText();
        assertThat(entries).containsExactly("Residency Programs", "Fellowship Programs", "Allied Health Residency Programs", "Other resources");
        assertThat(home.page().select(".entry-points h3 a").eachAttr("href"))
                .containsExactly("/programs/residency", "/programs/fellowship", "/programs/allied-health", "/resources");
    }

    @Test
    void home_page_lists_the_latest_news_and_wellness_stories() {
        Response home = ok("/");
        Element news = home.page().getElementById("news-heading").closest("section");
        assertThat(news.select("h3 a").eachText()).containsExactly(
                "An optimal residency training experience",
                "RUSH Earns Top 20 Spot on U.S. News Best Hospitals Honor Roll",
                "An Education in Virtual Recruitment");
        Element wellness = home.page().getElementById("wellness-heading").closest("section");
        assertThat(wellness.select("h3 a").eachText()).contains("Wellness Initiatives in Graduate Medical Education");
    }

    @Test
    void about_page_has_mission_vision_support_and_accreditation_word_for_word() {
        Response about = ok("/about");
        assertThat(about.page().select("h2").eachText()).contains("Our Mission", "Our Vision", "Supporting your success");
        assertThat(about.text()).contains(MISSION, VISION, SUPPORT, ACCREDITATION);
    }

    @Test
    void resources_page_is_other_resources() {
        Response resources = ok("/resources");
        assertThat(resources.page().selectFirst("h1").text()).isEqualTo("Other resources");
        assertThat(resources.text()).contains("House Staff Association");
        assertThat(resources.page().select(".sample-note")).isNotEmpty();
    }

    @Test
    void navigation_follows_the_seed_page_and_marks_the_current_section() {
        Response news = ok("/news");
        List<String> nav = news.page().select("nav[aria-label=Main] a").eachText();
        assertThat(nav).contains("Residency Programs", "Fellowship Programs", "Allied Health", "Other resources", "News", "Wellness", "About");
        assertThat(news.page().select("nav[aria-label=Main] a[aria-current=page]").eachText()).containsExactly("News");
    }

    @Test
    void programs_page_finds_all_ninety_programs_of_every_type() {
        Response programs = ok("/programs");
        assertThat(programs.page().selectFirst("h1").text()).isEqualTo("Find a program");
        assertThat(programs.page().select(".results .card__title").size()).isEqualTo(90);
        assertThat(programs.page().select("label[for^=f-type-]").eachText())
                .containsExactly("Residency Programs (35)", "Fellowship Programs (47)", "Allied Health Residency Programs (8)");
        assertThat(programs.text()).contains("Internal Medicine Residency", "Cardiovascular Disease Fellowship", "PGY1 Pharmacy Residency");
    }

    @Test
    void the_issue_catalog_is_complete() {
        List<String> titles = ok("/programs").page().select(".results .card__title").eachText();
        assertThat(titles).contains("Internal Medicine Residency", "Pediatrics Residency", "Internal Medicine–Pediatrics Residency",
                "Emergency Medicine Residency", "Family Medicine Residency", "General Surgery Residency", "Obstetrics and Gynecology Residency",
                "Orthopaedic Surgery Residency", "Otolaryngology–Head and Neck Surgery Residency", "Neurology Residency", "Child Neurology Residency",
                "Psychiatry Residency", "Dermatology Residency", "Diagnostic Radiology Residency", "Interventional Radiology Residency",
                "Anesthesiology Residency", "Physical Medicine and Rehabilitation Residency", "Pathology Residency", "Ophthalmology Residency",
                "Urology Residency", "Neurological Surgery Residency", "Plastic Surgery Residency", "Radiation Oncology Residency",
                "Transitional Year Residency", "Cardiovascular Disease Fellowship", "Interventional Cardiology Fellowship",
                "Clinical Cardiac Electrophysiology Fellowship", "Gastroenterology Fellowship", "Hematology and Medical Oncology Fellowship",
                "Infectious Disease Fellowship", "Nephrology Fellowship", "Pulmonary and Critical Care Medicine Fellowship",
                "Rheumatology Fellowship", "Endocrinology, Diabetes and Metabolism Fellowship", "Geriatric Medicine Fellowship",
                "Hospice and Palliative Medicine Fellowship", "Sleep Medicine Fellowship", "Sports Medicine Fellowship",
                "Addiction Medicine Fellowship", "Child and Adolescent Psychiatry Fellowship", "Neonatal-Perinatal Medicine Fellowship",
                "Pediatric Critical Care Medicine Fellowship", "Pediatric Hematology-Oncology Fellowship", "Maternal-Fetal Medicine Fellowship",
                "Reproductive Endocrinology and Infertility Fellowship", "Urogynecology and Reconstructive Pelvic Surgery Fellowship",
                "Hand Surgery Fellowship", "Adult Reconstructive Orthopaedics Fellowship", "Orthopaedic Sports Medicine Fellowship",
                "Neuroradiology Fellowship", "Vascular Neurology Fellowship", "Clinical Neurophysiology Fellowship",
                "Surgical Critical Care Fellowship", "Vascular Surgery Fellowship", "Pain Medicine Fellowship", "Dermatopathology Fellowship",
                "Cytopathology Fellowship", "PGY1 Pharmacy Residency", "PGY2 Critical Care Pharmacy Residency", "PGY2 Oncology Pharmacy Residency",
                "Clinical Psychology Internship", "Physician Assistant Surgical Residency", "Nurse Practitioner Fellowship",
                "Orthopaedic Physical Therapy Residency", "Medical Physics Residency");
    }

    @Test
    void each_program_type_has_its_own_list() {
        assertThat(ok("/programs/residency").page().select(".results .card__title").eachText())
                .hasSize(35).contains("Internal Medicine Residency", "Pediatrics Residency").doesNotContain("Gastroenterology Fellowship");
        assertThat(ok("/programs/fellowship").page().select(".results .card__title").eachText())
                .hasSize(47).contains("Gastroenterology Fellowship").doesNotContain("Pediatrics Residency");
        assertThat(ok("/programs/allied-health").page().select(".results .card__title").eachText())
                .hasSize(8).contains("PGY1 Pharmacy Residency");
    }

    @Test
    void program_page_shows_title_type_specialty_summary_facts_and_body() {
        Response program = ok("/programs/internal-medicine");
        assertThat(program.page().selectFirst("h1").text()).isEqualTo("Internal Medicine Residency");
        assertThat(program.text()).contains("Residency", "Internal Medicine", "A broad training in adult medicine", "3 years", "Training");
        assertThat(program.page().select(".facts dt").eachText())
                .startsWith("Program type", "Specialty", "Department", "Training sites", "Length", "Positions per year");
        assertThat(program.page().select(".sample-note")).isNotEmpty();
    }

    @Test
    void program_page_says_not_reported_for_a_missing_fact() {
        Response program = ok("/programs/neurology");
        assertThat(program.page().select(".facts__list div:has(dt:contains(Positions per year)) dd").text()).isEqualTo("Not reported");
        assertThat(program.page().select(".facts__list div:has(dt:contains(Program director)) dd").text()).isEqualTo("Not reported");
    }

    @Test
    void news_lists_the_seed_stories_newest_first_with_their_teasers() {
        Response news = ok("/news");
        assertThat(news.page().select("article h2").eachText()).containsExactly(
                "An optimal residency training experience",
                "RUSH Earns Top 20 Spot on U.S. News Best Hospitals Honor Roll",
                "An Education in Virtual Recruitment",
                "Resident Not in Waiting");
        assertThat(news.text())
                .contains("Learn why RUSH is a desired destination for medical residents and fellows.")
                .contains("For the second year in a row, RUSH University Medical Center has earned a top spot on U.S. News & World Report’s annual rankings of more than 3,000 hospitals.")
                .contains("With the pandemic forcing recruitment efforts online, medical schools and residency programs had to find creative solutions to communicate their culture and foster personal interactions.")
                .contains("An interventional radiology resident gets a once-in-a-lifetime education working on the front lines of the COVID-19 pandemic");
    }

    @Test
    void story_page_shows_headline_date_teaser_body_and_a_sample_label() {
        Response story = ok("/news/resident-not-in-waiting");
        assertThat(story.page().selectFirst("h1").text()).isEqualTo("Resident Not in Waiting");
        assertThat(story.page().selectFirst("time").attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(story.text()).contains("An interventional radiology resident gets a once-in-a-lifetime education");
        assertThat(story.page().select(".sample-note").text()).contains("Sample");
    }

    @Test
    void wellness_lists_the_seed_initiative_and_at_least_two_more() {
        Response wellness = ok("/wellness");
        List<String> titles = wellness.page().select("article h2").eachText();
        assertThat(titles).hasSizeGreaterThanOrEqualTo(3).first().isEqualTo("Wellness Initiatives in Graduate Medical Education");
        assertThat(wellness.text()).contains("From wellness rotations, to volunteer activities, to a FitBit challenge: how RUSH GME programs are working to preserve and improve the health of their dedicated residents and fellows");
    }

    @Test
    void wellness_page_describes_rotations_volunteering_and_the_fitbit_challenge() {
        Response page = ok("/wellness/wellness-initiatives-in-gme");
        assertThat(page.page().select("h2").eachText()).contains("Wellness rotations", "Volunteer activities", "A FitBit challenge");
    }

    @Test
    void unknown_paths_get_the_styled_not_found_page() {
        for (String path : List.of("/nope", "/programs/nope", "/news/nope", "/wellness/nope", "/news?page=99", "/news?page=abc", "/a/b/c")) {
            Response response = site.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.page().selectFirst("h1").text()).as(path).isEqualTo("Page not found");
            assertThat(response.page().select("header.site-header")).as(path).isNotEmpty();
        }
    }

    @Test
    void a_trailing_slash_redirects_to_the_canonical_address() {
        Response response = site.get("/about/");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("/about");
    }

    @Test
    void every_page_has_one_h1_a_title_a_canonical_link_a_skip_link_and_landmarks() {
        for (String path : List.of("/", "/about", "/resources", "/programs", "/programs/residency", "/programs/pediatrics",
                "/news", "/news/resident-not-in-waiting", "/wellness", "/wellness/peer-support", "/nope")) {
            Response response = site.get(path);
            assertThat(response.page().select("h1")).as(path).hasSize(1);
            assertThat(response.page().title()).as(path).isNotBlank();
            assertThat(response.page().select("link[rel=canonical]").attr("href")).as(path).startsWith("http");
            assertThat(response.page().select("a.skip-link[href=#main]")).as(path).hasSize(1);
            assertThat(response.page().select("body > header, body > main#main, body > footer")).as(path).hasSize(3);
            assertThat(response.page().select("script:not([src]):not([type=application/ld+json])")).as(path + " inline script").isEmpty();
            assertThat(response.page().select("script[src]")).as(path).allMatch(s -> s.hasAttr("defer") && s.attr("src").startsWith("/js/"));
        }
    }

    @Test
    void static_files_are_served_with_fingerprinted_addresses_that_never_change() {
        String css = ok("/").page().selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/css/site\\.[0-9a-f]{10}\\.css");
        Response fingerprinted = site.get(css);
        assertThat(fingerprinted.status()).isEqualTo(200);
        assertThat(fingerprinted.header("Content-Type")).startsWith("text/css");
        assertThat(fingerprinted.header("Cache-Control")).contains("immutable");
        assertThat(site.get("/css/site.css").header("Cache-Control")).contains("must-revalidate");
    }
}
