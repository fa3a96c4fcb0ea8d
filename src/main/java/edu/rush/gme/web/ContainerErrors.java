package edu.rush.gme.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import edu.rush.gme.content.ContentStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers Jetty gives by itself, before Javalin sees a request: a request line or headers too
 * long (414, 431) or malformed (400), a body too large or too slow (413, 408), a response it could
 * not send (500). They carry the security headers and say what happened in the site's style (a
 * minimal page with the site's stylesheet), or as a problem document under {@code /api/}.
 */
final class ContainerErrors extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Logger LOG = LoggerFactory.getLogger(ContainerErrors.class);

    private final HttpField[] securityHeaders;
    private final String stylesheet;
    private final Views views;
    private final ContentStore store;
    private final RequestBodies bodies;

    ContainerErrors(Map<String, String> securityHeaders, String stylesheet, Views views, ContentStore store, RequestBodies bodies) {
        this.bodies = bodies;
        this.securityHeaders = securityHeaders.entrySet().stream()
                .map(header -> new HttpField(header.getKey(), header.getValue()))
                .toArray(HttpField[]::new);
        this.stylesheet = stylesheet;
        this.views = views;
        this.store = store;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : 500;
        HttpURI uri = request.getHttpURI();
        boolean api = uri != null && uri.getPath() != null && uri.getPath().startsWith("/api/");
        HttpFields.Mutable headers = response.getHeaders();
        addHeaders(headers, api);
        response.setStatus(status);
        ErrorTexts texts = ErrorTexts.of(status);
        String own = status == 413 && uri != null ? bodies.tooLargeText(uri.getPath()) : null;
        if (own != null) {
            texts = new ErrorTexts(texts.title(), own);
        }
        byte[] body = (api ? problem(status, uri.getPath()) : page(status, texts)).getBytes(StandardCharsets.UTF_8);
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private void addHeaders(HttpFields.Mutable headers, boolean api) {
        for (HttpField field : securityHeaders) {
            headers.put(field);
        }
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put(HttpHeader.CONTENT_TYPE, api ? "application/problem+json" : "text/html; charset=utf-8");
    }

    /** The site's layout around the explanation; while content is loading (or if that fails), a minimal page. */
    String page(int status) {
        return page(status, ErrorTexts.of(status));
    }

    private String page(int status, ErrorTexts texts) {
        if (store.isLoaded()) {
            try {
                return views.renderWithoutRequest("errors/status",
                        Map.of("title", texts.title(), "explanation", texts.explanation(), "status", status));
            } catch (RuntimeException e) {
                LOG.error("error page for {} could not be rendered", status, e);
            }
        }
        return minimalPage(texts);
    }

    private String minimalPage(ErrorTexts texts) {
        String title = Entities.escape(texts.title());
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + stylesheet + "\">\n</head>\n<body>\n"
                + "<main id=\"main\"><div class=\"wrap page prose\">\n<h1>" + title + "</h1>\n"
                + "<p>" + Entities.escape(texts.explanation()) + "</p>\n"
                + "<p><a href=\"/\">Go to the home page</a></p>\n</div></main>\n</body>\n</html>\n";
    }

    private static String problem(int status, String path) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", ErrorTexts.of(status).title());
        problem.put("status", status);
        problem.put("detail", ErrorTexts.of(status).explanation());
        problem.put("instance", path);
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
