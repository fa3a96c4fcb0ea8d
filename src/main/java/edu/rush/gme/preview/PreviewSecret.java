package edu.rush.gme.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs preview links ({@code GME_PREVIEW_SECRET}); never printed. Unset, one is made
 * the first time it is needed and kept in the data folder ({@code data/preview.key}), so links
 * printed by the {@code preview} command work on the server started from the same folder, and
 * survive restarts. Several servers behind one proxy must share one value.
 *
 * @param value the secret as configured, or null to use {@code file}
 * @param file  where the secret is kept when none is configured
 */
public record PreviewSecret(String value, Path file) {

    public static final String VARIABLE = "GME_PREVIEW_SECRET";
    static final String FILE_NAME = "preview.key";

    public PreviewSecret {
        if (value != null && value.length() < 32) {
            throw new IllegalArgumentException(VARIABLE + " must be at least 32 characters (a random string), got " + value.length());
        }
        if (value == null && file == null) {
            throw new IllegalArgumentException("a preview secret needs a value or a file to keep one in");
        }
    }

    /** From the settings: the configured value, else a file in the data folder. */
    public static PreviewSecret from(String value, Path dataDir) {
        return new PreviewSecret(value == null || value.isEmpty() ? null : value, dataDir.resolve(FILE_NAME));
    }

    /** A random secret held in memory only (tests, the warm-up run). */
    public static PreviewSecret random() {
        return new PreviewSecret(newSecret(), null);
    }

    /** 32 bytes to sign with: a digest of the configured value, or of the one kept in the file (made now if missing). */
    public byte[] key() {
        String secret = value != null ? value : readOrCreate(file);
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String readOrCreate(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try {
                String secret = newSecret();
                Files.writeString(file, secret + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the folder's own permissions apply.
                }
                return secret;
            } catch (FileAlreadyExistsException kept) {
                String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (secret.length() < 32) {
                    throw new IllegalStateException(file + " must hold a secret of at least 32 characters; delete it to have a new one made"
                            + " (links already shared stop working)");
                }
                return secret;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the preview secret could not be kept in " + file + ": set " + VARIABLE + " or make the folder writable", e);
        }
    }

    @Override
    public String toString() {
        return value != null ? "***" : "kept in " + file;
    }
}
