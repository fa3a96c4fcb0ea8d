package edu.rush.gme;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import edu.rush.gme.db.PostgresServer;
import edu.rush.gme.mail.MailSettings;
import edu.rush.gme.search.SearchMisses;
import edu.rush.gme.web.TrustedProxies;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL and one content folder, as production runs them behind a proxy
 * (docs/architecture.md, "Several servers on one database"): whichever server a request reaches, the
 * site answers as one. Each server is the real application on its own random port; both read the
 * same folder with their own watcher, send mail through one real SMTP server (GreenMail) and trust
 * one proxy, so each request says which client it comes from.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    @TempDir
    static Path temp;

    private static PostgresServer postgres;
    /** The mail server's port, held closed until the outboxes' race: every mail waits till then. */
    private static TestSite.ReservedPort smtpPort;
    private static GreenMail smtp;
    private static ContentFixture content;
    private static TestSite one;
    private static TestSite two;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
        smtpPort = new TestSite.ReservedPort();
        content = ContentFixture.inquiryCatalog(temp).write("events/open-house.md", """
                ---
                title: Open House
                summary: Meet the program.
                start: 2026-12-08T18:00
                end: 2026-12-08T19:00
                format: virtual
                platform: Zoom
                joinLink: https://meet.example.org/open-house
                programs: [alpha-im]
                capacity: 5
                ---
                What happens at the open house.
                """);
        Settings settings = TestSite.watching(content.dir())
                .withDatabase(postgres.settings())
                .withMail(MailSettings.local(smtpPort.port(), "gme-web@example.org"))
                .withProxies(TrustedProxies.one());
        one = TestSite.start(settings);
        two = TestSite.start(settings);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {one, two, smtpPort, smtp == null ? null : smtp::stop, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
    }

    @Test
    @Order(1)
    void one_client_sending_questions_to_both_servers_is_limited_once_for_both() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(ask(i % 2 == 0 ? one : two, "203.0.113.7").status());
        }
        assertThat(statuses).as("five questions in ten minutes per client, counted by both servers together")
                .containsExactly(303, 303, 303, 303, 303, 429);
        assertThat(ask(one, "203.0.113.7").status()).as("the first server refuses too").isEqualTo(429);
        assertThat(ask(two, "198.51.100.20").status()).as("another client has its own allowance").isEqualTo(303);
    }

    @Test
    @Order(2)
    void registrations_split_across_both_servers_at_once_never_take_more_seats_than_the_event_has() throws Exception {
        List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestSite site = i % 2 == 0 ? one : two;
            String body = "{\"name\": \"Applicant " + i + "\", \"email\": \"applicant" + i + "@example.org\", \"applicantType\": \"us-do\","
                    + " \"programs\": [\"alpha-im\"]}";
            // Twelve people, each from their own address: the registration limit per address plays no part.
            HttpRequest request = HttpRequest.newBuilder(URI.create(site.url("/api/v1/events/open-house/registrations")))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "192.0.2." + (10 + i))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            tasks.add(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = atOnce(tasks);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
        assertThat(answers.stream().filter(answer -> answer.body().contains("\"status\":\"confirmed\""))).hasSize(5);
        assertThat(answers.stream().filter(answer -> answer.body().contains("\"status\":\"waitlisted\""))).hasSize(7);
        assertThat(count("SELECT count(*) FROM event_registration WHERE event_slug = 'open-house' AND status = 'confirmed'")).isEqualTo(5);
    }

    @Test
    @Order(3)
    void every_mail_both_outboxes_hold_is_sent_once_though_both_servers_deliver_at_the_same_moment() throws Exception {
        long mails = count("SELECT count(*) FROM mail_outbox");
        assertThat(mails).as("the questions, receipts and registrations above").isGreaterThanOrEqualTo(12 + 12);
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE sent_at IS NOT NULL")).as("the mail server was down").isZero();
        // The mail server comes up, every mail is due at once, and both servers deliver at the same moment.
        smtpPort.close();
        smtp = new GreenMail(new ServerSetup(smtpPort.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        one.app().services().database().inTransaction(connection -> {
            try (PreparedStatement due = connection.prepareStatement("UPDATE mail_outbox SET next_attempt_at = ?")) {
                one.app().services().database().setInstant(due, 1, ContentFixture.CLOCK.instant());
                return due.executeUpdate();
            }
        });
        List<Integer> delivered = atOnce(List.<Callable<Integer>>of(
                () -> one.app().services().outbox().deliverDue(), () -> two.app().services().outbox().deliverDue()));
        long deadline = System.currentTimeMillis() + 20_000;
        while (count("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL") > 0) {
            // A batch holds 50: more than that, or a background worker that took a few, and the rest follow.
            assertThat(System.currentTimeMillis()).as("every mail sent").isLessThan(deadline);
            atOnce(List.<Callable<Integer>>of(() -> one.app().services().outbox().deliverDue(), () -> two.app().services().outbox().deliverDue()));
        }
        assertThat(delivered.get(0) + delivered.get(1)).as("both servers delivered some").isPositive();
        assertThat(smtp.waitForIncomingEmail(5_000, (int) mails)).isTrue();
        Thread.sleep(300);
        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> ids = new HashSet<>();
        for (MimeMessage mail : received) {
            ids.add(mail.getMessageID());
        }
        assertThat(received).as("each mail once, though two workers deliver").hasSize((int) mails);
        assertThat(ids).hasSize((int) mails);
    }

    @Test
    @Order(4)
    void a_search_that_found_nothing_counts_once_whichever_server_answered_it() {
        for (TestSite site : List.of(one, two, two)) {
            assertThat(site.get("/search?q=quidditch").status()).isEqualTo(200);
        }
        one.app().searchMisses().flush();
        two.app().searchMisses().flush();
        assertThat(SearchMisses.read(one.app().services().database(), null)).singleElement()
                .satisfies(entry -> assertThat(entry.count()).isEqualTo(3));
    }

    @Test
    @Order(5)
    void a_file_written_to_the_shared_folder_reaches_both_servers_and_is_journaled_once() throws Exception {
        assertThat(one.get("/news/two-servers").status()).isEqualTo(404);
        content.news("two-servers", "2026-11-20", "Two Servers");
        long deadline = System.currentTimeMillis() + 10_000;
        for (TestSite site : List.of(one, two)) {
            while (site.get("/news/two-servers").status() != 200) {
                assertThat(System.currentTimeMillis()).as("the story on " + site.url("/")).isLessThan(deadline);
                Thread.sleep(50);
            }
            assertThat(site.page("/news/two-servers").select("h1").text()).isEqualTo("Two Servers");
        }
        // Each server records what it saw change before answering the change feed: the second finds it recorded.
        for (TestSite site : List.of(one, two)) {
            assertThat(site.get("/api/v1/changes").status()).isEqualTo(200);
        }
        assertThat(count("SELECT count(*) FROM content_change WHERE slug = 'two-servers'")).isEqualTo(1);
    }

    private static TestSite.Response ask(TestSite site, String client) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("program", "alpha-im");
        form.put("name", "Ada Lovelace");
        form.put("email", "ada@example.com");
        form.put("applicantType", "img");
        form.put("graduationYear", "2023");
        form.put("message", "Do you sponsor H-1B visas for PGY-1 residents?");
        form.put("website", "");
        return site.post("/inquiries", form, "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", client);
    }

    private static long count(String sql) {
        return one.app().services().database().inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
