package edu.rush.gme.preview;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;

/**
 * Signed, expiring preview links (JWT, HMAC-SHA256, nimbus-jose-jwt, as the form tokens are): one for
 * a page (its content type and source file), or one for the whole site at a later time. Anyone with
 * the link sees what it names until it expires; nothing else is needed, no account.
 */
public final class PreviewTokens {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);
    public static final Duration MAX_VALIDITY = Duration.ofDays(30);
    /** Longer tokens are not read at all (ours are about 300 characters). */
    static final int MAX_LENGTH = 2000;
    static final String ITEM = "gme-preview-item";
    static final String AS_OF = "gme-preview-as-of";
    private static final String SOURCE = "src";
    private static final String AT = "at";

    /** A page's preview: its content type's name and the file it comes from. */
    public record Item(String type, String source, Instant expires) {
    }

    /** The whole site as it will be at {@code at}. */
    public record AsOf(Instant at, Instant expires) {
    }

    public enum Status { VALID, EXPIRED, INVALID }

    /** What a link says: valid (with what it names), expired (signed here, with when), or invalid (anything else). */
    public record Verdict<T>(Status status, T value, Instant expired) {
        static <T> Verdict<T> invalid() {
            return new Verdict<>(Status.INVALID, null, null);
        }

        public boolean isValid() {
            return status == Status.VALID;
        }
    }

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final InstantSource clock;

    public PreviewTokens(byte[] key, InstantSource clock) {
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the preview key must be at least 32 bytes", e);
        }
        this.clock = clock;
    }

    /** The time links are issued and checked at. */
    public Instant now() {
        return clock.instant();
    }

    /** A link to one page, valid for {@code valid} (at most {@link #MAX_VALIDITY}). */
    public String item(String type, String source, Duration valid) {
        return sign(new JWTClaimsSet.Builder().audience(ITEM).subject(type).claim(SOURCE, source), valid);
    }

    /** A link to the whole site as it will be at {@code at}. */
    public String asOf(Instant at, Duration valid) {
        return sign(new JWTClaimsSet.Builder().audience(AS_OF).claim(AT, at.getEpochSecond()), valid);
    }

    public Verdict<Item> readItem(String token) {
        Verdict<JWTClaimsSet> read = read(token, ITEM);
        if (!read.isValid()) {
            return new Verdict<>(read.status(), null, read.expired());
        }
        JWTClaimsSet claims = read.value();
        Object source = claims.getClaim(SOURCE);
        if (claims.getSubject() == null || !(source instanceof String s) || s.isEmpty()) {
            return Verdict.invalid();
        }
        return new Verdict<>(Status.VALID, new Item(claims.getSubject(), s, claims.getExpirationTime().toInstant()), null);
    }

    public Verdict<AsOf> readAsOf(String token) {
        Verdict<JWTClaimsSet> read = read(token, AS_OF);
        if (!read.isValid()) {
            return new Verdict<>(read.status(), null, read.expired());
        }
        JWTClaimsSet claims = read.value();
        if (!(claims.getClaim(AT) instanceof Number at)) {
            return Verdict.invalid();
        }
        return new Verdict<>(Status.VALID, new AsOf(Instant.ofEpochSecond(at.longValue()), claims.getExpirationTime().toInstant()), null);
    }

    private String sign(JWTClaimsSet.Builder claims, Duration valid) {
        if (valid.isNegative() || valid.isZero() || valid.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("a preview link is valid for a minute to " + MAX_VALIDITY.toDays() + " days");
        }
        Instant now = clock.instant();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                claims.issueTime(Date.from(now)).expirationTime(Date.from(now.plus(valid))).build());
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    /**
     * The claims of a token signed here with HS256 for this kind of link; "expired" only for a token
     * that is otherwise good, so a forged one never learns more than "invalid".
     */
    private Verdict<JWTClaimsSet> read(String token, String audience) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Verdict.invalid();
        }
        try {
            SignedJWT parsed = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(parsed.getHeader().getAlgorithm()) || !parsed.verify(verifier)) {
                return Verdict.invalid();
            }
            JWTClaimsSet claims = parsed.getJWTClaimsSet();
            Date issued = claims.getIssueTime();
            Date expires = claims.getExpirationTime();
            if (claims.getAudience() == null || !claims.getAudience().equals(java.util.List.of(audience)) || issued == null || expires == null
                    || Duration.between(issued.toInstant(), expires.toInstant()).compareTo(MAX_VALIDITY.plusMinutes(1)) > 0) {
                return Verdict.invalid();
            }
            if (!clock.instant().isBefore(expires.toInstant())) {
                return new Verdict<>(Status.EXPIRED, null, expires.toInstant());
            }
            return new Verdict<>(Status.VALID, claims, null);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Verdict.invalid();
        }
    }
}
