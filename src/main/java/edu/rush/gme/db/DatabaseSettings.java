package edu.rush.gme.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where inquiries and registrations are kept: a JDBC URL, SQLite ({@code jdbc:sqlite:data/gme.db},
 * the default: a file next to the site) or PostgreSQL ({@code jdbc:postgresql://host/db}).
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String DEFAULT_URL = "jdbc:sqlite:data/gme.db";

    public DatabaseSettings {
        if (url == null || !(url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException("GME_DATABASE_URL must be a jdbc:sqlite: or jdbc:postgresql: URL, got '" + url + "'");
        }
    }

    public static DatabaseSettings from(Map<String, String> env) {
        return new DatabaseSettings(env.getOrDefault("GME_DATABASE_URL", DEFAULT_URL),
                env.get("GME_DATABASE_USER"), env.get("GME_DATABASE_PASSWORD"));
    }

    /** A fresh SQLite file in a temporary folder: tests and the start-up training run. */
    public static DatabaseSettings temporarySqlite() {
        try {
            Path dir = Files.createTempDirectory("gme-db");
            // Deleted at exit in reverse order of registration: the files, then the folder.
            dir.toFile().deleteOnExit();
            for (String file : new String[] {"gme.db", "gme.db-wal", "gme.db-shm"}) {
                dir.resolve(file).toFile().deleteOnExit();
            }
            return new DatabaseSettings("jdbc:sqlite:" + dir.resolve("gme.db"), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Database.Dialect dialect() {
        return url.startsWith("jdbc:sqlite:") ? Database.Dialect.SQLITE : Database.Dialect.POSTGRESQL;
    }

    /** The SQLite file, when the URL names one (not {@code :memory:}). */
    Path sqliteFile() {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        rest = query >= 0 ? rest.substring(0, query) : rest;
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        return rest.isEmpty() || rest.startsWith(":memory:") ? null : Path.of(rest);
    }

    /** Never prints the password (settings are logged at start-up). */
    @Override
    public String toString() {
        return url.replaceAll("password=[^&;]*", "password=***") + (user == null ? "" : " as " + user);
    }
}
