package edu.rush.gme.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Problem documents (RFC 9457, {@code application/problem+json}): how the JSON API says no. */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /**
     * The body of a JSON form (an inquiry, a registration) as an object; null once it has answered
     * 415 (not sent as application/json) or 400 (not JSON, or not an object). {@code what} names it
     * in the messages ("the inquiry").
     */
    public static JsonNode jsonObject(Context ctx, String what) {
        // The raw header: Jetty's getContentType() throws on a charset it does not know.
        String contentType = ctx.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            send(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send " + what + " as JSON with Content-Type: application/json", Map.of());
            return null;
        }
        try {
            // Bytes, not text: Jackson detects UTF-8/16/32 itself, and a made-up charset cannot break it.
            JsonNode body = JSON.readTree(ctx.bodyAsBytes());
            if (body == null || !body.isObject()) {
                send(ctx, HttpStatus.BAD_REQUEST, "Malformed request", "The body must be a JSON object", Map.of());
                return null;
            }
            return body;
        } catch (JsonProcessingException e) {
            send(ctx, HttpStatus.BAD_REQUEST, "Malformed request", "The body is not valid JSON: " + e.getOriginalMessage(), Map.of());
        } catch (java.io.IOException e) {
            send(ctx, HttpStatus.BAD_REQUEST, "Malformed request", "The body could not be read", Map.of());
        }
        return null;
    }

    /** One entry of a problem's {@code errors}: {@code field}, then {@code detail}, in that order on every run. */
    public static Map<String, String> fieldError(String field, String detail) {
        Map<String, String> error = new java.util.LinkedHashMap<>();
        error.put("field", field);
        error.put("detail", detail);
        return error;
    }

    /** 422 with one entry per field in {@code errors} ({@code field}, {@code detail}); the detail is the one message, or how many fields need attention. */
    public static void invalidFields(Context ctx, String title, Map<String, String> fields) {
        List<Map<String, String>> errors = fields.entrySet().stream()
                .map(error -> fieldError(error.getKey(), error.getValue())).toList();
        send(ctx, HttpStatus.UNPROCESSABLE_CONTENT, title,
                errors.size() == 1 ? errors.get(0).get("detail") : errors.size() + " fields need attention", Map.of("errors", errors));
    }

    /** 429 with Retry-After, for a client the limiter refused. */
    public static void tooMany(Context ctx, String title, String what, SubmissionLimiter.Decision decision) {
        ctx.header("Retry-After", String.valueOf(decision.retryAfterSeconds()));
        send(ctx, HttpStatus.TOO_MANY_REQUESTS, title, "Too many " + what + " from this address; try again in " + decision.waitText(), Map.of());
    }

    /** Answers with a problem document; {@code extra} adds members such as the offending parameter. */
    public static void send(Context ctx, HttpStatus status, String title, String detail, Map<String, ?> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.getCode());
        problem.put("detail", detail);
        problem.putAll(extra);
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).json(problem).contentType("application/problem+json");
    }
}
