package edu.rush.gme.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.db.Database;
import edu.rush.gme.outbox.Outbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Change notices to the receivers in {@link WebhookSettings}: for each recording of the journal, one
 * small JSON notice per receiver, written to {@code webhook_outbox} in the recording's transaction and
 * delivered by the shared {@link Outbox} worker (retried with growing pauses for about a day, so a
 * receiver that is down misses nothing). Each notice is signed as Stripe signs its events:
 * {@code GME-Signature: t=UNIX_SECONDS,v1=HEX(HMAC-SHA256(secret, t + "." + body))}, and carries
 * {@code GME-Webhook-Id}, the same on every attempt, by which a receiver drops a duplicate.
 */
public final class Webhooks implements ChangeJournal.Recorder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    static final String TABLE = "webhook_outbox";
    /** A recording with more changes than this is told in several notices. */
    static final int CHANGES_PER_NOTICE = 100;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A notice waiting in the outbox: where it goes and what it says. */
    record Notice(String url, String body) {
    }

    private final Database database;
    private final WebhookSettings settings;
    private final String baseUrl;
    private final Supplier<ZoneId> zone;
    private final Clock clock;
    private final Outbox<Notice> outbox;
    private final HttpClient client;

    /**
     * @param baseUrl the site's public address, for the items' absolute URLs
     * @param zone    the site's time zone (notices give times with its offset)
     */
    public Webhooks(Database database, WebhookSettings settings, String baseUrl, Supplier<ZoneId> zone, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.zone = zone;
        this.clock = clock;
        this.client = settings.configured()
                ? HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build() : null;
        this.outbox = new Outbox<>(database, clock, new Delivery(), settings.configured(), "webhook-delivery", LOG);
    }

    public boolean configured() {
        return settings.configured();
    }

    /**
     * Enqueues the notices of a recording, in its transaction. The very first recording of a new journal
     * lists what was already published, which receivers read from {@code /api/v1/changes}: no notice.
     */
    @Override
    public void recorded(Connection connection, String journal, List<Change> changes, boolean initial) throws SQLException {
        if (!settings.configured()) {
            return;
        }
        if (initial) {
            LOG.info("the change journal starts with {} published item(s); receivers read them from /api/v1/changes, no notice is sent", changes.size());
            return;
        }
        Instant now = clock.instant();
        for (int from = 0; from < changes.size(); from += CHANGES_PER_NOTICE) {
            List<Change> part = changes.subList(from, Math.min(changes.size(), from + CHANGES_PER_NOTICE));
            for (URI url : settings.urls()) {
                String id = Outbox.newToken();
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO webhook_outbox (message_token, created_at, url, body, next_attempt_at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, id);
                    database.setInstant(insert, 2, now);
                    insert.setString(3, url.toString());
                    insert.setString(4, body(id, now, part));
                    database.setInstant(insert, 5, now);
                    insert.executeUpdate();
                }
            }
        }
    }

    /** The notice: {@code {id, at, changes: [{type, slug, change, url}]}}, the url absent for a deleted item. */
    private String body(String id, Instant at, List<Change> changes) {
        ZoneId siteZone = zone.get();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Change change : changes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", change.type());
            entry.put("slug", change.slug());
            entry.put("change", change.change());
            if (change.path() != null) {
                entry.put("url", baseUrl + change.path());
            }
            list.add(entry);
        }
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("id", id);
        notice.put("at", ChangesController.time(at, siteZone));
        notice.put("changes", list);
        try {
            return JSON.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature header's value for a body sent at a time: {@code t=SECONDS,v1=HEX}. */
    static String signature(String secret, long seconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((seconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Notices as a kind of outbox message: posted over HTTP, delivered on any 2xx answer. */
    private final class Delivery implements Outbox.Kind<Notice> {
        @Override
        public String table() {
            return TABLE;
        }

        @Override
        public String columns() {
            return "url, body";
        }

        @Override
        public Notice read(ResultSet row) throws SQLException {
            return new Notice(row.getString("url"), row.getString("body"));
        }

        @Override
        public String describe(Outbox.Row<Notice> row) {
            return "webhook notice #" + row.id() + " to " + row.message().url();
        }

        @Override
        public void deliver(Outbox.Row<Notice> row, Runnable accepted) throws Exception {
            String body = row.message().body();
            HttpRequest request = HttpRequest.newBuilder(URI.create(row.message().url()))
                    .timeout(RESPONSE_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "GME-Webhooks/1")
                    .header("GME-Webhook-Id", row.token())
                    .header("GME-Signature", signature(settings.secret(), clock.instant().getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("the receiver answered HTTP " + response.statusCode());
            }
            accepted.run();
        }
    }

    public void start() {
        outbox.start();
    }

    /** Asks the worker to deliver now (a recording with notices was just committed). */
    public void nudge() {
        outbox.nudge();
    }

    /** Delivers every notice that is due; returns how many were delivered. */
    public int deliverDue() {
        return outbox.deliverDue();
    }

    /** How many notices wait and how many were given up on (for /readyz). */
    public Outbox.Counts counts() {
        return outbox.counts();
    }

    @Override
    public void close() {
        outbox.close();
    }
}
