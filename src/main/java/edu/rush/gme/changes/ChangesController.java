package edu.rush.gme.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.db.Database;
import edu.rush.gme.db.DatabaseException;
import edu.rush.gme.web.Problems;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/changes?since=TOKEN}: what was created, updated or deleted since a token, in the
 * journal's order, at most {@value #LIMIT} at a time; without a token, every visible item as created.
 * Answers carry a strong ETag (If-None-Match gives 304) and must be revalidated ({@code no-cache}).
 */
public final class ChangesController {

    public static final String PATH = "/api/v1/changes";
    static final String SINCE = "since";
    /** Entries per answer; {@code more} says when another call would get more. */
    static final int LIMIT = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChangeJournal journal;
    private final Database database;
    private final ContentStore store;
    private final String baseUrl;

    public ChangesController(ChangeJournal journal, Database database, ContentStore store, String baseUrl) {
        this.journal = journal;
        this.database = database;
        this.store = store;
        this.baseUrl = baseUrl;
    }

    public void changes(Context ctx) {
        // The query is read here, strictly: a lenient parser drops a malformed pair (since=%zz), which
        // would turn a broken token into "no token" and answer with the whole listing.
        List<String> given = new ArrayList<>();
        String query = ctx.queryString();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            String value;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                String parameter = rawName.equals(SINCE) ? SINCE : shorten(rawName);
                problem(ctx, parameter, "'" + parameter + "' is not correctly percent-encoded");
                return;
            }
            if (!name.equals(SINCE)) {
                problem(ctx, name, "unknown parameter '" + shorten(name) + "': this address takes only 'since'");
                return;
            }
            given.add(value);
        }
        if (given.size() > 1) {
            problem(ctx, SINCE, "'since' may be given once");
            return;
        }
        ChangeToken since = null;
        if (given.size() == 1) {
            Optional<ChangeToken> token = ChangeToken.decode(given.get(0));
            if (token.isEmpty()) {
                problem(ctx, SINCE, "'since' must be the 'next' token of an earlier answer, got '" + shorten(given.get(0)) + "'");
                return;
            }
            since = token.get();
        }
        if (database.isOpening()) {
            unavailable(ctx, 2, "The database is opening; try again in a moment.");
            return;
        }
        ChangeJournal.Batch batch;
        try {
            journal.catchUp();
            batch = journal.read(since, LIMIT);
        } catch (ChangeJournal.UnknownToken e) {
            problem(ctx, SINCE, "'since' is not a token of this site's change journal: " + e.getMessage()
                    + "; start again without 'since'");
            return;
        } catch (DatabaseException e) {
            unavailable(ctx, 30, "The change journal cannot be read right now; try again later.");
            return;
        }
        byte[] body = json(batch, store.snapshot().site().zone());
        String etag = "\"" + HexFormat.of().formatHex(sha256(body), 0, 16) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType("application/json").result(body);
    }

    private byte[] json(ChangeJournal.Batch batch, ZoneId zone) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Change change : batch.changes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", change.type());
            entry.put("slug", change.slug());
            entry.put("change", change.change());
            entry.put("at", time(change.at(), zone));
            if (!change.change().equals(Change.DELETED) && change.path() != null) {
                entry.put("url", baseUrl + change.path());
                entry.put("item", baseUrl + item(change.type(), change.slug()));
            }
            changes.add(entry);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("changes", changes);
        answer.put("next", batch.next().encode());
        answer.put("more", batch.more());
        try {
            return JSON.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content API's address of an item: {@code /api/v1/{type}/{slug}} ({@code /api/v1/home} for the home page). */
    static String item(String type, String slug) {
        return "/api/v1/" + type + (slug.isEmpty() ? "" : "/" + slug);
    }

    /** A moment as an ISO date-time with the site's offset, e.g. {@code 2026-12-01T09:00:00-06:00}. */
    static String time(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** If-None-Match: any of its tags (weak or strong, compared weakly as RFC 9110 says) or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }

    private static void problem(Context ctx, String parameter, String detail) {
        Problems.send(ctx, HttpStatus.BAD_REQUEST, "Invalid changes parameter", detail, Map.of("parameter", parameter));
    }

    private static void unavailable(Context ctx, int seconds, String detail) {
        ctx.header("Retry-After", String.valueOf(seconds));
        Problems.send(ctx, HttpStatus.SERVICE_UNAVAILABLE, "Changes not available yet", detail, Map.of());
    }
}
