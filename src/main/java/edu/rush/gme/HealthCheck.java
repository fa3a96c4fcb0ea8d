package edu.rush.gme;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's health check: exits 0 when the server on this machine answers /healthz. Written
 * in Java so the runtime image needs no curl or wget.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        Settings settings = Settings.fromEnvironment();
        int port = settings.port() == 0 ? Settings.DEFAULT_PORT : settings.port();
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("health check failed: " + e);
            System.exit(1);
        }
    }
}
