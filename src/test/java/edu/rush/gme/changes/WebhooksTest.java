package edu.rush.gme.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks: a receiver (the JDK's HTTP server) gets a signed notice for each change, late if it was down, never lost. */
class WebhooksTest {

    static final String SECRET = "test-webhook-secret-0123456789";

    @TempDir
    Path temp;

    /** What the receiver got: each request's headers and body, and the status it answers with. */
    record Received(String id, String signature, String contentType, String body) {
        JsonNode json() {
            try {
                return ChangesApiTest.JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError(body, e);
            }
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private HttpServer receiver;

    private URI startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("GME-Webhook-Id"), exchange.getRequestHeaders().getFirst("GME-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/gme");
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static Settings settings(Path contentDir, URI... receivers) {
        return TestSite.monitored(ChangesApiTest.settings(contentDir, contentDir.getParent().resolve("gme.db"))).withWebhooks(WebhookSettings.of(SECRET, receivers));
    }

    /** What a receiver does with the GME-Signature header: recompute the HMAC over "t.body" and compare. */
    static boolean verify(String header, String body, String secret) throws Exception {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = kv[1];
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
        return v1 != null && java.security.MessageDigest.isEqual(expected, java.util.HexFormat.of().parseHex(v1));
    }

    private void waitForNotices(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (received.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " notices within 15 seconds, got " + received);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void an_edit_reaches_the_receiver_signed_and_a_receiver_that_was_down_gets_it_later_with_the_same_id() throws Exception {
        URI hooks = startReceiver();
        ContentFixture content = ChangesApiTest.content(temp);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T18:00:00Z"));
        try (TestSite site = TestSite.start(settings(content.dir(), hooks), clock)) {
            assertThat(ChangesApiTest.changes(site, null).entries()).hasSize(4);
            Thread.sleep(300);
            assertThat(received).as("what was published before the journal began is read from /api/v1/changes, not sent").isEmpty();

            content.news("alpha", "2026-11-20", "Alpha story, corrected");
            site.app().store().reload();
            waitForNotices(1);
            Received notice = received.get(0);
            assertThat(notice.contentType()).isEqualTo("application/json");
            assertThat(notice.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
            assertThat(verify(notice.signature(), notice.body(), SECRET)).as("signed with the secret").isTrue();
            assertThat(verify(notice.signature(), notice.body(), "another-secret-0123456789")).isFalse();
            assertThat(verify(notice.signature(), notice.body().replace("alpha", "alphb"), SECRET)).as("a changed body fails").isFalse();
            JsonNode json = notice.json();
            assertThat(json.get("id").asText()).isEqualTo(notice.id());
            assertThat(json.get("at").asText()).isEqualTo("2026-11-27T12:00:00-06:00");
            assertThat(json.get("changes").toString())
                    .isEqualTo("[{\"type\":\"news\",\"slug\":\"alpha\",\"change\":\"updated\",\"url\":\"http://localhost/news/alpha\"}]");

            // The receiver is down (answers 503): the notice waits and is tried again after a minute.
            answer.set(503);
            java.nio.file.Files.delete(content.dir().resolve("news/beta.md"));
            site.app().store().reload();
            waitForNotices(2);
            Received failed = received.get(1);
            assertThat(failed.json().get("changes").toString()).isEqualTo("[{\"type\":\"news\",\"slug\":\"beta\",\"change\":\"deleted\"}]");
            Webhooks webhooks = site.app().services().webhooks();
            waitFor(() -> webhooks.counts().waiting() == 1);
            assertThat(site.monitor("/readyz").raw().body()).contains("\"webhooksWaiting\":1", "\"webhooksFailed\":0");
            answer.set(200);
            assertThat(webhooks.deliverDue()).as("not before its pause is over").isZero();
            clock.advance(Duration.ofMinutes(1));
            webhooks.deliverDue(); // (or the worker's own look, whichever comes first)
            waitForNotices(3);
            Received retried = received.get(2);
            assertThat(retried.id()).as("the same notice, the same id: a receiver drops a duplicate by it").isEqualTo(failed.id());
            assertThat(retried.body()).isEqualTo(failed.body());
            assertThat(verify(retried.signature(), retried.body(), SECRET)).isTrue();
            assertThat(webhooks.counts()).isEqualTo(new edu.rush.gme.outbox.Outbox.Counts(0, 0));
            assertThat(webhooks.deliverDue()).as("delivered once").isZero();
            assertThat(received).hasSize(3);
        }
    }

    @Test
    void a_receiver_that_is_not_running_at_first_gets_the_notice_once_it_is() throws Exception {
        try (TestSite.ReservedPort down = new TestSite.ReservedPort()) {
            URI hooks = URI.create("http://127.0.0.1:" + down.port() + "/hooks/gme");
            ContentFixture content = ChangesApiTest.content(temp);
            MutableClock clock = new MutableClock(Instant.parse("2026-11-27T18:00:00Z"));
            try (TestSite site = TestSite.start(settings(content.dir(), hooks), clock)) {
                ChangesApiTest.changes(site, null);
                content.news("alpha", "2026-11-20", "Alpha story, corrected");
                site.app().store().reload();
                Webhooks webhooks = site.app().services().webhooks();
                waitFor(() -> webhooks.counts().waiting() == 1);
                assertThat(webhooks.deliverDue()).as("nothing listens there").isZero();

                down.close();
                receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", down.port()), 0);
                receiver.createContext("/hooks", exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    received.add(new Received(exchange.getRequestHeaders().getFirst("GME-Webhook-Id"),
                            exchange.getRequestHeaders().getFirst("GME-Signature"), exchange.getRequestHeaders().getFirst("Content-Type"),
                            new String(body, StandardCharsets.UTF_8)));
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                receiver.start();
                clock.advance(Duration.ofMinutes(1));
                webhooks.deliverDue();
                waitForNotices(1);
                assertThat(received.get(0).json().get("changes").get(0).get("slug").asText()).isEqualTo("alpha");
                assertThat(verify(received.get(0).signature(), received.get(0).body(), SECRET)).isTrue();
                waitFor(() -> webhooks.counts().waiting() == 0);
            }
        }
    }

    @Test
    void a_receiver_that_never_answers_well_is_given_up_on_after_a_day_and_readyz_says_so() throws Exception {
        URI hooks = startReceiver();
        answer.set(500);
        ContentFixture content = ChangesApiTest.content(temp);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T18:00:00Z"));
        try (TestSite site = TestSite.start(settings(content.dir(), hooks), clock)) {
            ChangesApiTest.changes(site, null);
            content.news("alpha", "2026-11-20", "Alpha story, corrected");
            site.app().store().reload();
            waitForNotices(1);
            Webhooks webhooks = site.app().services().webhooks();
            for (int attempt = 1; attempt < edu.rush.gme.outbox.Outbox.MAX_ATTEMPTS; attempt++) {
                clock.advance(Duration.ofHours(6));
                webhooks.deliverDue();
            }
            assertThat(received).hasSize(edu.rush.gme.outbox.Outbox.MAX_ATTEMPTS);
            assertThat(webhooks.counts()).isEqualTo(new edu.rush.gme.outbox.Outbox.Counts(0, 1));
            assertThat(site.monitor("/readyz").raw().body()).contains("\"webhooksFailed\":1");
        }
    }

    @Test
    void a_story_scheduled_a_few_seconds_ahead_is_announced_when_it_goes_live_with_no_request() throws Exception {
        URI hooks = startReceiver();
        Instant live = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(6);
        ContentFixture content = ContentFixture.minimal(temp)
                .news("older", "2026-11-20", "Older story")
                .write("news/soon.md", "---\ntitle: Soon\ndate: 2026-11-01\nsummary: S.\npublishDate: "
                        + live.atOffset(ZoneOffset.UTC).toLocalDateTime() + "Z\n---\nNow.\n");
        try (TestSite site = TestSite.start(settings(content.dir(), hooks), Clock.systemUTC())) {
            assertThat(ChangesApiTest.changes(site, null).entries()).containsExactly("created news/older");
            assertThat(Instant.now()).as("the test started in time").isBefore(live);
            waitForNotices(1);
            assertThat(Instant.now()).isAfterOrEqualTo(live);
            assertThat(received.get(0).json().get("changes").toString())
                    .isEqualTo("[{\"type\":\"news\",\"slug\":\"soon\",\"change\":\"created\",\"url\":\"http://localhost/news/soon\"}]");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 seconds");
            }
            Thread.sleep(20);
        }
    }
}
