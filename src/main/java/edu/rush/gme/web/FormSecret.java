package edu.rush.gme.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The key that signs form tokens ({@code GME_FORM_SECRET}); never printed. Unset, each start of the
 * server makes a random one. Several servers behind one proxy must share it, or a form shown by one
 * is "expired" at another.
 */
public record FormSecret(String value) {

    public static final FormSecret RANDOM_PER_START = new FormSecret(null);

    public FormSecret {
        if (value != null && value.length() < 32) {
            throw new IllegalArgumentException("GME_FORM_SECRET must be at least 32 characters (a random string), got " + value.length());
        }
    }

    /** 32 bytes to sign with. */
    byte[] key() {
        if (value == null) {
            return FormTokens.randomSecret();
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value == null ? "random per start" : "***";
    }
}
