package edu.rush.gme;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The real server started on a random port over a content folder, and a browser-like client for it. */
public final class TestSite implements AutoCloseable {

    private final App app;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestSite(App app) {
        this.app = app;
    }

    public static TestSite start(Path contentDir) {
        return start(Settings.forFolders(contentDir, Path.of("static")));
    }

    public static TestSite start(Settings settings) {
        return start(settings, ContentFixture.CLOCK);
    }

    /** Starts the server and waits until its first content snapshot is loaded, as a load balancer would. */
    public static TestSite start(Settings settings, java.time.Clock clock) {
        App app = App.create(settings, clock).start();
        app.store().snapshot();
        return new TestSite(app);
    }

    /** Settings that watch the content folder and reload it when a file changes, as a running site does. */
    public static Settings watching(Path contentDir) {
        Settings plain = Settings.forFolders(contentDir, Path.of("static"));
        return new Settings(plain.host(), plain.port(), plain.contentDir(), plain.staticDir(), plain.baseUrl(), false,
                plain.pageCacheBytes(), true);
    }

    /** Settings for a site over these folders, with the given public base URL. */
    public static Settings settings(Path contentDir, String baseUrl) {
        Settings plain = Settings.forFolders(contentDir, Path.of("static"));
        return new Settings(plain.host(), plain.port(), plain.contentDir(), plain.staticDir(), baseUrl, false, plain.pageCacheBytes(), false);
    }

    public App app() {
        return app;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /** What a visitor gets for a path: status, headers, body and the parsed page. */
    public record Response(int status, HttpResponse<String> raw, Document page) {
        public String text() {
            return page.body().text();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return get(path, HttpRequest.newBuilder(URI.create(url(path))));
    }

    /** A GET with extra request headers, given as name, value, name, value... */
    public Response get(String path, String... headers) {
        return get(path, HttpRequest.newBuilder(URI.create(url(path))).headers(headers));
    }

    /** The raw bytes of a response, for compressed bodies. */
    public HttpResponse<byte[]> bytes(String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
            if (headers.length > 0) {
                request.headers(headers);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response, Jsoup.parse(response.body(), url(path)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
