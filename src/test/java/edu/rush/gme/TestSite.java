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
    private final Settings settings;
    /** HTTP/1.1 as a browser speaks it to a plain-HTTP site (no h2c upgrade headers beside "Connection: close"). */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private TestSite(App app, Settings settings) {
        this.app = app;
        this.settings = settings;
    }

    public static TestSite start(Path contentDir) {
        return start(Settings.forFolders(contentDir, Path.of("static")));
    }

    public static TestSite start(Settings settings) {
        return start(settings, ContentFixture.CLOCK);
    }

    /** Starts the server and waits until its content is loaded and its database open, as a load balancer would. */
    public static TestSite start(Settings settings, java.time.Clock clock) {
        App app = App.create(settings, clock).start();
        app.store().snapshot();
        app.services().database().awaitOpen();
        return new TestSite(app, settings);
    }

    /** The metrics token of {@link #monitored}: opens /metrics and readiness's details. */
    public static final String METRICS_TOKEN = "a-test-metrics-token-4417";

    /** These settings with metrics on, opened by {@link #METRICS_TOKEN}. */
    public static Settings monitored(Settings settings) {
        return settings.withMetricsToken(edu.rush.gme.metrics.MetricsToken.from(METRICS_TOKEN));
    }

    /** A GET as monitoring sends it, with the metrics token (the site must run {@link #monitored} settings). */
    public Response monitor(String path) {
        return get(path, "Authorization", "Bearer " + METRICS_TOKEN);
    }

    /** Settings that watch the content folder and reload it when a file changes, as a running site does. */
    public static Settings watching(Path contentDir) {
        return Settings.forFolders(contentDir, Path.of("static")).withWatching(true);
    }

    /** Settings for a site over these folders, with the given public base URL. */
    public static Settings settings(Path contentDir, String baseUrl) {
        return Settings.forFolders(contentDir, Path.of("static")).withBaseUrl(baseUrl);
    }

    /**
     * A port nothing listens on right now, for a server that cannot be started on port 0 (PostgreSQL):
     * another server may take it before that one binds it, so be ready to try again.
     */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A port held for a server that a test starts later (a mail server that is down at first): bound,
     * so that no other test's server takes it meanwhile, but not listening, so connections are refused
     * as on a port nobody listens on. Close it just before starting the server on it.
     */
    public static final class ReservedPort implements AutoCloseable {
        private final java.net.Socket socket = new java.net.Socket();

        public ReservedPort() {
            try {
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    public App app() {
        return app;
    }

    /** The settings it runs with (the key its preview links are signed with, among others). */
    public Settings settings() {
        return settings;
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

    /** The page at this path, which must answer 200. */
    public org.jsoup.nodes.Document page(String path) {
        Response response = get(path);
        org.assertj.core.api.Assertions.assertThat(response.status()).as(path).isEqualTo(200);
        return response.page();
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
            return client.send(closing(request).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form sent as a browser sends it (application/x-www-form-urlencoded); redirects are not followed. */
    public Response post(String path, java.util.Map<String, String> form) {
        return post(path, form, "Content-Type", "application/x-www-form-urlencoded");
    }

    /**
     * A form with the request headers given as name, value, name, value... (Content-Type among them),
     * sent as a current browser sends it from a page of the site: with {@code Origin} and
     * {@code Sec-Fetch-Site: same-origin}, unless the headers given say otherwise.
     */
    public Response post(String path, java.util.Map<String, String> form, String... headers) {
        boolean saysWhereFrom = false;
        for (int i = 0; i < headers.length; i += 2) {
            saysWhereFrom |= headers[i].equalsIgnoreCase("Origin") || headers[i].equalsIgnoreCase("Sec-Fetch-Site");
        }
        if (saysWhereFrom) {
            return postAsOldBrowser(path, form, headers);
        }
        String[] browser = java.util.Arrays.copyOf(headers, headers.length + 4);
        browser[headers.length] = "Origin";
        browser[headers.length + 1] = url("");
        browser[headers.length + 2] = "Sec-Fetch-Site";
        browser[headers.length + 3] = "same-origin";
        return postAsOldBrowser(path, form, browser);
    }

    /** A form with exactly the headers given: as a browser too old to say where a post comes from. */
    public Response postAsOldBrowser(String path, java.util.Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(path, HttpRequest.newBuilder(URI.create(url(path))).headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A body as given (a form with a name repeated, as checkboxes send it), with exactly the headers given. */
    public Response postBody(String path, String body, String... headers) {
        return send(path, HttpRequest.newBuilder(URI.create(url(path))).headers(headers).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON body to the API with the given content type. */
    public Response postJson(String path, String contentType, String json) {
        return send(path, HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Whether requests may say "Connection: close" (the pom allows that header for the JDK's client).
     * Jetty's graceful stop waits a second for each idle kept-alive connection; closed ones cost nothing.
     */
    private static final boolean CLOSE_CONNECTIONS = java.util.Arrays.asList(
            System.getProperty("jdk.httpclient.allowRestrictedHeaders", "").toLowerCase(java.util.Locale.ROOT).split(",")).contains("connection");

    private static HttpRequest.Builder closing(HttpRequest.Builder request) {
        return CLOSE_CONNECTIONS ? request.setHeader("Connection", "close") : request;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public Response get(String path, HttpRequest.Builder request) {
        return send(path, request.GET());
    }

    private Response send(String path, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(closing(request).build(), HttpResponse.BodyHandlers.ofString());
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
