package edu.rush.gme.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.PostgresServer;
import edu.rush.gme.inquiry.Inquiry;
import edu.rush.gme.inquiry.InquiryService;
import edu.rush.gme.staff.StaffService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coordinators' queries, the answered mark (migration V13) and the audit log's filters on PostgreSQL. */
class PostgresCoordinatorTest {

    @TempDir
    Path temp;

    @Test
    void selects_marks_and_filters_on_postgresql() {
        try (PostgresServer postgres = PostgresServer.start();
             TestSite site = TestSite.start(Settings.forFolders(CoordinatorPagesTest.content(temp).dir(), Path.of("static"))
                     .withDatabase(postgres.settings()))) {
            InquiryService inquiries = site.app().services().inquiries();
            Inquiry alpha = CoordinatorPagesTest.ask(inquiries, "alpha-im", "Internal Medicine", "Ada Alpha", "Is 100% of the_time on call?");
            CoordinatorPagesTest.ask(inquiries, "zeta-pharm", "Pharmacy", "Paul Pharmacy", "Research month?");
            Inquiry office = CoordinatorPagesTest.ask(inquiries, null, "GME office", "Olga Office", "Parking?");

            assertThat(inquiries.select(new InquiryService.Selection(List.of("alpha-im"), null, null, List.of()), 0, 50).inquiries())
                    .extracting(Inquiry::reference).containsExactly(alpha.reference());
            assertThat(inquiries.select(new InquiryService.Selection(List.of(), null, null, List.of()), 0, 50).total()).isZero();
            assertThat(inquiries.select(new InquiryService.Selection(null, "office", null, List.of()), 0, 50).inquiries())
                    .extracting(Inquiry::reference).containsExactly(office.reference());
            assertThat(inquiries.select(new InquiryService.Selection(null, null, null, List.of("ADA", "100%", "the_time")), 0, 50).total()).isEqualTo(1);
            assertThat(inquiries.select(new InquiryService.Selection(null, null, null, List.of("n_c")), 0, 50).total()).isZero();

            assertThat(inquiries.markAnswered(alpha.reference(), "im-coordinator@example.org")).isTrue();
            Inquiry answered = inquiries.find(alpha.reference()).orElseThrow();
            assertThat(answered.answeredBy()).isEqualTo("im-coordinator@example.org");
            assertThat(answered.answeredAt()).isNotNull();
            assertThat(inquiries.select(new InquiryService.Selection(null, null, true, List.of()), 0, 50).total()).isEqualTo(1);
            assertThat(inquiries.markNotAnswered(alpha.reference())).isTrue();
            assertThat(inquiries.find(alpha.reference()).orElseThrow().isAnswered()).isFalse();
            assertThat(inquiries.markAnswered("Q-00000000", "x@example.org")).isFalse();

            StaffService staff = site.app().services().staff();
            staff.audit(null, "saved", "one", null);
            staff.audit(null, "published", "two", null);
            Instant now = edu.rush.gme.ContentFixture.CLOCK.instant();
            assertThat(staff.auditLog(new StaffService.AuditFilter(null, "saved", now.minusSeconds(3600), now.plusSeconds(3600)), 0, 10).entries())
                    .extracting(StaffService.AuditEntry::detail).containsExactly("one");
            assertThat(staff.auditLog(new StaffService.AuditFilter("%", null, null, null), 0, 10).total()).isZero();
            assertThat(staff.auditActions()).contains("saved", "published");
        }
    }
}
