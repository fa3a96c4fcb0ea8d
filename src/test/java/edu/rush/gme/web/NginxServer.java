package edu.rush.gme.web;

import edu.rush.gme.TestSite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's real nginx in front of servers started by a test, with the repository's own
 * {@code deploy/nginx/gme-http.conf} and {@code gme-locations.conf} (what production runs), in a
 * temporary folder on a free port. The main file around them is what deploy/nginx/nginx.conf is,
 * with this machine's paths, the test's upstream ports and its static mirror's folder.
 */
public final class NginxServer implements AutoCloseable {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Path dir;
    private final Process process;
    private final int port;

    private NginxServer(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** Starts nginx in front of the given instances' ports, with no static mirror; skips the test where nginx is not installed (never on CI). */
    public static NginxServer inFrontOf(int... upstreamPorts) {
        return inFrontOf(null, upstreamPorts);
    }

    /** As {@link #inFrontOf(int...)}, answering from the static mirror in {@code mirrorDir} (the instances' GME_MIRROR_DIR; null: none). */
    public static NginxServer inFrontOf(Path mirrorDir, int... upstreamPorts) {
        if (!Files.isExecutable(NGINX)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("nginx is not installed: .ci/run should have installed the nginx package");
            }
            Assumptions.abort("nginx not found at " + NGINX + " (apt-get install nginx)");
        }
        try {
            Path dir = Files.createTempDirectory("gme-nginx");
            for (int attempt = 1; ; attempt++) {
                int port = TestSite.freePort();
                Path root = (mirrorDir == null ? dir.resolve("no-mirror") : mirrorDir.toAbsolutePath()).resolve("current");
                Files.writeString(dir.resolve("nginx.conf"), config(dir, port, root, upstreamPorts));
                Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                        "-e", dir.resolve("error.log").toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("output.log").toFile()).start();
                if (awaitListening(process, port)) {
                    return new NginxServer(dir, process, port);
                }
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                if (attempt == 3) {
                    throw new IllegalStateException("nginx did not start:\n" + Files.readString(dir.resolve("output.log"))
                            + readIfThere(dir.resolve("error.log")));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start nginx", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String config(Path dir, int port, Path root, int... upstreamPorts) {
        Path deploy = Path.of("deploy", "nginx").toAbsolutePath();
        String upstreams = java.util.Arrays.stream(upstreamPorts)
                .mapToObj(p -> "        server 127.0.0.1:" + p + " max_fails=1 fail_timeout=5s;")
                .collect(Collectors.joining("\n"));
        // As root, nginx's workers would run as nobody, who cannot use a temporary folder made by root.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user + """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                events {
                    worker_connections 256;
                }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    proxy_cache_path %1$s/cache levels=1:2 keys_zone=gme:1m max_size=64m inactive=10m use_temp_path=off;
                    upstream gme {
                %2$s
                        keepalive 8;
                    }
                    include %3$s/gme-http.conf;
                    server {
                        listen 127.0.0.1:%4$d;
                        root %5$s;
                        include %3$s/gme-locations.conf;
                    }
                }
                """.formatted(dir, upstreams, deploy, port, root);
    }

    private static boolean awaitListening(Process process, int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    private static String readIfThere(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** What nginx logged (warnings and errors), for a failing assertion's message. */
    public String errorLog() {
        try {
            return readIfThere(dir.resolve("error.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            all.forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a test for
        }
    }
}
