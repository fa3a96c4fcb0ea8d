package edu.rush.gme.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Problem documents (RFC 9457, {@code application/problem+json}): how the JSON API says no. */
public final class Problems {

    private Problems() {
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
