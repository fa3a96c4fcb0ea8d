package edu.rush.gme.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for a test: Debian's binaries ({@code postgresql} package, installed by
 * .ci/run), a new cluster in a temporary folder on a free port, stopped and deleted at the end.
 * PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "gme";
    public static final String DATABASE = "gme_test";

    private final Path bin;
    private final Path dir;
    private int port;

    private PostgresServer(Path bin, Path dir) {
        this.bin = bin;
        this.dir = dir;
    }

    /** Starts a fresh server; skips the test where PostgreSQL is not installed (never on CI). */
    public static PostgresServer start() {
        Optional<Path> bin = findBinaries();
        if (bin.isEmpty()) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("PostgreSQL is not installed: .ci/run should have installed the postgresql package");
            }
            Assumptions.abort("PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)");
        }
        try {
            Path dir = Files.createTempDirectory("gme-postgres");
            if (isRoot()) {
                run(List.of("chown", "postgres:postgres", dir.toString()));
            }
            PostgresServer server = new PostgresServer(bin.get(), dir);
            server.initAndStart();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start PostgreSQL", e);
        }
    }

    private void initAndStart() {
        asPostgres(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER, "--auth=trust",
                "-E", "UTF8", "--locale=C", "--no-sync"));
        startOnAFreePort();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, null);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
    }

    /** The port was free when chosen, but another test's server may bind it first: then another port. */
    private void startOnAFreePort() {
        for (int attempt = 1; ; attempt++) {
            port = edu.rush.gme.TestSite.freePort();
            try {
                startServer();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Starts the server again after {@link #stopServer()} (a database outage in a test). */
    public void startServer() {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "30", "start", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"));
    }

    /** Stops the server at once (fast shutdown: open connections are cut). */
    public void stopServer() {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
    }

    public DatabaseSettings settings() {
        return new DatabaseSettings(jdbcUrl(DATABASE), USER, null);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            stopServer();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is not worth failing a test for
            }
        }
    }

    private static Optional<Path> findBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void asPostgres(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
