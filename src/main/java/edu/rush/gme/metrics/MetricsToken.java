package edu.rush.gme.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The token that opens {@code /metrics} and {@code /readyz}'s details ({@code GME_METRICS_TOKEN}), sent
 * as {@code Authorization: Bearer <token>}. Unset: metrics are off ({@code /metrics} is 404) and
 * readiness answers only its status. Compared in constant time (digests of equal length), never printed.
 */
public final class MetricsToken {

    public static final String VARIABLE = "GME_METRICS_TOKEN";
    public static final MetricsToken NONE = new MetricsToken(null);
    static final int MIN_LENGTH = 16;
    private static final String BEARER = "Bearer ";

    private final byte[] digest;

    private MetricsToken(String token) {
        this.digest = token == null ? null : sha256(token);
    }

    /** From the environment's value: blank means unset; a set one must be 16 characters or more. */
    public static MetricsToken from(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        if (value.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException(VARIABLE + " must be at least " + MIN_LENGTH + " characters (a random string), or unset to turn metrics off");
        }
        return new MetricsToken(value.strip());
    }

    /** Metrics on: a token is set. */
    public boolean isSet() {
        return digest != null;
    }

    /** Whether an Authorization header carries this token (never, when none is set). */
    public boolean opens(String authorization) {
        if (digest == null || authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetricsToken token && java.util.Arrays.equals(digest, token.digest);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return digest == null ? "none" : "***";
    }
}
