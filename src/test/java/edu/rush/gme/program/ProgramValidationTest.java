package edu.rush.gme.program;

import edu.rush.gme.App;
import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.content.ContentException;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentProblem;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.FrontMatterReader;
import edu.rush.gme.content.SourceText;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of the program fact model, with the exact message and line a coordinator sees. */
class ProgramValidationTest {

    private static final String BASE = """
            ---
            title: Test Residency
            type: residency
            specialty: Testing
            summary: S
            """;

    @TempDir
    Path temp;

    private static List<String> problems(String moreYaml) {
        return problems(BASE, moreYaml);
    }

    private static List<String> problems(String base, String moreYaml) {
        try {
            new FrontMatterReader().read(SourceText.split("content/programs/test.md", base + moreYaml + "---\n"), Program.class);
            return List.of();
        } catch (ContentException e) {
            return e.problems().stream().map(ContentProblem::toString).toList();
        }
    }

    @Test
    void accepts_a_complete_program() {
        assertThat(problems("""
                sites: [RUSH University Medical Center]
                lengthYears: 3
                positionsPerYear: 12
                entryLevel: PGY-1
                accreditation:
                  acgmeId: "1401621133"
                  accreditor: ACGME
                nrmpTracks:
                  - code: 1147140C0
                    name: Categorical
                  - code: 1147140P1
                    name: Preliminary
                application:
                  system: ERAS
                  opens: 2026-06-04
                  deadline: 2026-10-15
                  signals: true
                interviews:
                  format: hybrid
                  months: [October, november]
                visas: [J-1, H-1B]
                requirements:
                  usmle: true
                  comlex: true
                  minimumScores: no cutoff
                  yearsSinceGraduation: 5
                  usceRequired: false
                director: Program Director
                coordinator:
                  name: Program Coordinator
                  email: coordinator@example.org
                  phone: (312) 555-0100
                tags: [primary care]
                cycle: 2026-2027
                verified: 2026-09-01
                website: https://www.rushu.rush.edu/education-and-training/graduate-medical-education
                sources:
                  - https://www.rushu.rush.edu/education-and-training/graduate-medical-education
                """)).isEmpty();
    }

    @Test
    void the_website_and_every_source_are_web_addresses() {
        assertThat(problems("website: www.rush.edu\nsources:\n  - https://www.rush.edu/\n  - ftp://files.example\n")).containsExactly(
                "content/programs/test.md:6:1: 'website' must be a web address starting with https:// or http://, got \"www.rush.edu\"",
                "content/programs/test.md:9:5: 'sources[1]' must be a web address starting with https:// or http://, got \"ftp://files.example\"");
    }

    @Test
    void the_next_cycles_window_comes_after_this_cycle() {
        assertThat(problems("cycle: 2026-2027\napplication:\n  next:\n    cycle: 2026-2027\n    opens: 2027-06-01\n    deadline: 2027-05-01\n"))
                .containsExactly(
                        "content/programs/test.md:9:5: 'application.next.cycle' must come after 'cycle' (2026-2027), got \"2026-2027\"",
                        "content/programs/test.md:11:5: 'application.next.deadline' must be after 'application.next.opens'");
        assertThat(problems("cycle: 2026-2027\napplication:\n  next:\n    opens: 2027-06-01\n")).containsExactly(
                "content/programs/test.md:8:3: missing required field 'application.next.cycle'");
    }

    @Test
    void an_acgme_id_has_ten_digits() {
        assertThat(problems("accreditation:\n  acgmeId: 140162113\n")).containsExactly(
                "content/programs/test.md:7:3: 'accreditation.acgmeId' must be the 10-digit ACGME program id (write it in quotes so leading zeros are kept), got \"140162113\"");
    }

    @Test
    void an_allied_health_program_names_its_accreditor_not_an_acgme_id() {
        String allied = BASE.replace("type: residency", "type: allied-health");
        assertThat(problems(allied, "accreditation:\n  acgmeId: \"1401621133\"\n")).containsExactly(
                "content/programs/test.md:1:1: missing required field 'accreditation.accreditor'".replace("1:1", "6:1"),
                "content/programs/test.md:7:3: 'accreditation.acgmeId' is for ACGME programs; an allied health program names its accreditor instead, like 'accreditor: ASHP'");
    }

    @Test
    void an_nrmp_code_has_institution_specialty_track_letter_and_digit() {
        assertThat(problems("nrmpTracks:\n  - code: 1147140X0\n    name: Categorical\n  - code: 114714C0\n    name: Preliminary\n")).containsExactly(
                "content/programs/test.md:7:5: 'nrmpTracks[0].code' must be an NRMP code like 1147140C0 (4-digit institution, 3-digit specialty, one of the letters C, M, P, A, R, F, S, a track digit), got \"1147140X0\"",
                "content/programs/test.md:9:5: 'nrmpTracks[1].code' must be an NRMP code like 1147140C0 (4-digit institution, 3-digit specialty, one of the letters C, M, P, A, R, F, S, a track digit), got \"114714C0\"");
    }

    @Test
    void a_track_needs_a_code_and_a_name() {
        assertThat(problems("nrmpTracks:\n  - name: Categorical\n")).containsExactly(
                "content/programs/test.md:7:5: missing required field 'nrmpTracks[0].code'");
    }

    @Test
    void the_application_system_is_one_of_the_known_services() {
        assertThat(problems("application:\n  system: CAS\n")).containsExactly(
                "content/programs/test.md:7:11: 'application.system' must be one of ERAS, SF Match, PhORCAS, other, got \"CAS\"");
    }

    @Test
    void the_deadline_comes_after_applications_open() {
        assertThat(problems("application:\n  opens: 2026-10-01\n  deadline: 2026-09-01\n")).containsExactly(
                "content/programs/test.md:8:3: 'application.deadline' must be after 'application.opens'");
    }

    @Test
    void interviews_have_a_known_format_and_real_months() {
        assertThat(problems("interviews:\n  format: zoom\n")).containsExactly(
                "content/programs/test.md:7:11: 'interviews.format' must be one of virtual, in-person, hybrid, got \"zoom\"");
        assertThat(problems("interviews:\n  months: [October, Octember]\n")).containsExactly(
                "content/programs/test.md:7:21: 'interviews.months[1]' must be a month name like October, got \"Octember\"");
    }

    @Test
    void visas_are_j1_or_h1b() {
        assertThat(problems("visas: [J-1, F-1]\n")).containsExactly(
                "content/programs/test.md:6:14: 'visas[1]' must be one of J-1, H-1B, got \"F-1\"");
    }

    @Test
    void entry_level_cycle_and_contact_have_their_shapes() {
        assertThat(problems("entryLevel: PGY1\ncycle: 2026-2028\ncoordinator:\n  email: not-an-address\n")).containsExactly(
                "content/programs/test.md:6:1: 'entryLevel' must be PGY-1 to PGY-8, got \"PGY1\"",
                "content/programs/test.md:7:1: 'cycle' must be two consecutive years like 2026-2027, got \"2026-2028\"",
                "content/programs/test.md:9:3: 'coordinator.email' must be an e-mail address, got \"not-an-address\"");
    }

    @Test
    void numbers_stay_in_range() {
        assertThat(problems("lengthYears: 0\npositionsPerYear: 500\nrequirements:\n  yearsSinceGraduation: -1\n")).containsExactly(
                "content/programs/test.md:6:1: 'lengthYears' must be from 1 to 8, got 0",
                "content/programs/test.md:7:1: 'positionsPerYear' must be from 1 to 200, got 500",
                "content/programs/test.md:9:3: 'requirements.yearsSinceGraduation' must be from 0 to 40, got -1");
    }

    @Test
    void related_programs_must_exist_and_a_wrong_one_is_reported_at_its_line() {
        ContentSnapshot snapshot = new ContentLoader(ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[]", true, 5, false, "virtual", "2026-10-15", null)
                .program("delta-cards", "fellowship", "Cardiology", 3, "[]", true, null, false, "virtual", "2026-08-31",
                        "related:\n  - alpha-im\n  - no-such-program\n  - delta-cards")
                .dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load();

        assertThat(snapshot.problems()).extracting(ContentProblem::toString).containsExactly(
                "content/programs/delta-cards.md:22:5: 'related[1]': no program has the slug 'no-such-program'",
                "content/programs/delta-cards.md:23:5: 'related[2]': a program cannot be related to itself");
        assertThat(snapshot.find(ProgramContent.TYPE, "delta-cards", ContentFixture.CLOCK.instant())).get()
                .extracting(p -> p.data().related()).isEqualTo(List.of("alpha-im"));
    }
}
