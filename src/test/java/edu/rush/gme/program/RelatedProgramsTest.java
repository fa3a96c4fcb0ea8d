package edu.rush.gme.program;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Related programs" on a program page: a short list, the next step in training first (a residency's
 * own fellowships, a fellowship's residency), then programs linked to it, its siblings, its department
 * and its specialty.
 */
class RelatedProgramsTest {

    @TempDir
    static Path temp;

    static TestSite site;

    @BeforeAll
    static void start() {
        ContentFixture content = ContentFixture.minimal(temp);
        program(content, "im", "Internal Medicine Residency", "residency", "Internal Medicine", "Department of Internal Medicine", "[]");
        program(content, "peds", "Pediatrics Residency", "residency", "Pediatrics", "Department of Pediatrics", "[]");
        program(content, "med-peds", "Internal Medicine-Pediatrics Residency", "residency", "Internal Medicine-Pediatrics",
                "Departments of Internal Medicine and Pediatrics", "[im, peds]");
        // Seven fellowships after internal medicine, each in its own division.
        for (String specialty : List.of("Cardiology", "Endocrinology", "Gastroenterology", "Infectious Disease", "Nephrology",
                "Pulmonary Disease", "Rheumatology")) {
            String slug = specialty.toLowerCase().replace(' ', '-');
            program(content, slug, specialty + " Fellowship", "fellowship", specialty, "Division of " + specialty, "[im]");
        }
        program(content, "ep", "Clinical Cardiac Electrophysiology Fellowship", "fellowship", "Clinical Cardiac Electrophysiology",
                "Division of Cardiology", "[cardiology]");
        program(content, "heart-failure", "Advanced Heart Failure Fellowship", "fellowship", "Advanced Heart Failure",
                "Division of Cardiology", "[cardiology]");
        program(content, "peds-cardiology", "Pediatric Cardiology Fellowship", "fellowship", "Pediatric Cardiology",
                "Department of Pediatrics", "[peds]");
        program(content, "neonatology", "Neonatal-Perinatal Medicine Fellowship", "fellowship", "Neonatal-Perinatal Medicine",
                "Department of Pediatrics", "[]");
        program(content, "nicu-np", "Neonatal Nurse Practitioner Fellowship", "allied-health", "Neonatal-Perinatal Medicine",
                "Department of Nursing", "[]");
        program(content, "pharmacy", "Pharmacy Residency", "allied-health", "Pharmacy", "Department of Pharmacy", "[]");
        site = TestSite.start(content.dir());
    }

    private static void program(ContentFixture content, String slug, String title, String type, String specialty, String department,
                                String related) {
        content.write("programs/" + slug + ".md", "---\ntitle: " + title + "\ntype: " + type + "\nspecialty: " + specialty
                + "\ndepartment: " + department + "\nsummary: About " + title + ".\nrelated: " + related + "\n"
                + (type.equals("allied-health") ? "accreditation:\n  accreditor: ASHP\n" : "") + "---\nAbout.\n");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static List<String> related(String slug) {
        var response = site.get("/programs/" + slug);
        assertThat(response.status()).isEqualTo(200);
        return response.page().select(".related a").eachText();
    }

    @Test
    void a_residency_lists_its_own_fellowships_first_and_at_most_six() {
        assertThat(related("im")).containsExactly("Cardiology Fellowship", "Endocrinology Fellowship", "Gastroenterology Fellowship",
                "Infectious Disease Fellowship", "Nephrology Fellowship", "Pulmonary Disease Fellowship");
    }

    @Test
    void a_fellowship_lists_its_residency_first_then_linked_programs_then_siblings() {
        assertThat(related("cardiology")).containsExactly("Internal Medicine Residency", "Advanced Heart Failure Fellowship",
                "Clinical Cardiac Electrophysiology Fellowship", "Endocrinology Fellowship", "Gastroenterology Fellowship",
                "Infectious Disease Fellowship");
        assertThat(related("ep")).containsExactly("Cardiology Fellowship", "Advanced Heart Failure Fellowship");
    }

    @Test
    void a_residency_names_its_fellowships_then_programs_that_name_it_then_its_department() {
        assertThat(related("peds")).containsExactly("Pediatric Cardiology Fellowship", "Internal Medicine-Pediatrics Residency",
                "Neonatal-Perinatal Medicine Fellowship");
    }

    @Test
    void without_links_the_list_is_the_department_then_the_specialty_and_nothing_unrelated() {
        assertThat(related("neonatology")).containsExactly("Pediatric Cardiology Fellowship", "Pediatrics Residency",
                "Neonatal Nurse Practitioner Fellowship");
        assertThat(site.get("/programs/pharmacy").page().select("#related-heading")).isEmpty();
    }

    @Test
    void programs_confirmed_from_rush_come_before_those_still_marked_sample(@org.junit.jupiter.api.io.TempDir java.nio.file.Path own) {
        ContentFixture content = ContentFixture.minimal(own);
        program(content, "solo-im", "Internal Medicine Residency", "residency", "Internal Medicine", "Department of Medicine", "[]");
        program(content, "b-confirmed", "Nephrology Fellowship", "fellowship", "Nephrology", "Department of Medicine", "[solo-im]");
        program(content, "a-sample", "Allergy Fellowship", "fellowship", "Allergy", "Department of Medicine", "[solo-im]");
        content.write("programs/a-sample.md", "---\ntitle: Allergy Fellowship\ntype: fellowship\nspecialty: Allergy\n"
                + "department: Department of Medicine\nsummary: About.\nrelated: [solo-im]\nsample: true\n---\nAbout.\n");
        try (TestSite small = TestSite.start(content.dir())) {
            var page = small.page("/programs/solo-im");
            assertThat(page.select(".related a").eachText()).containsExactly("Nephrology Fellowship", "Allergy Fellowship");
            assertThat(page.select(".related li").get(1).text()).isEqualTo("Allergy Fellowship Fellowship · not yet confirmed");
        }
    }
}
