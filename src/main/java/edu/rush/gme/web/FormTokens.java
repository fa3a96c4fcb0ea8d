package edu.rush.gme.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.InstantSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/**
 * Signed form tokens (JWT, HMAC-SHA256, nimbus-jose-jwt): a form carries one, issued for the visitor's
 * address and valid for a day, so a post from a browser that says nothing of where it comes from can
 * still be told from one another website made. Without sessions there is nothing else to bind it to.
 */
public final class FormTokens {

    /** How long a form may stay open before it is sent (a long question takes a while to write). */
    static final Duration VALID_FOR = Duration.ofHours(24);
    private static final String AUDIENCE = "form";

    /** What a token says about a post. */
    public enum Check {
        /** Signed here, for this visitor, not yet expired. */
        VALID,
        /** Signed here, but expired or issued to another address (a phone that changed networks): ask again. */
        STALE,
        /** Absent, malformed or not signed here. */
        FORGED
    }

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final byte[] secret;
    private final InstantSource clock;

    /** @param secret at least 32 bytes; a random one per start when none is configured */
    public FormTokens(byte[] secret, InstantSource clock) {
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the form secret must be at least 32 bytes", e);
        }
        this.secret = secret.clone();
        this.clock = clock;
    }

    /** A secret for one run of the server: tokens from before a restart turn stale, which only asks the visitor again. */
    public static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** A token for a form shown to this client (its rate-limit key: an address, or an IPv6 /64). */
    public String issue(String client) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(AUDIENCE)
                .subject(fingerprint(client))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALID_FOR)))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    public Check check(String token, String client) {
        if (token == null || token.isBlank() || token.length() > 2000) {
            return Check.FORGED;
        }
        try {
            SignedJWT parsed = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(parsed.getHeader().getAlgorithm()) || !parsed.verify(verifier)) {
                return Check.FORGED;
            }
            JWTClaimsSet claims = parsed.getJWTClaimsSet();
            if (!claims.getAudience().contains(AUDIENCE) || claims.getExpirationTime() == null) {
                return Check.FORGED;
            }
            boolean fresh = clock.instant().isBefore(claims.getExpirationTime().toInstant());
            return fresh && fingerprint(client).equals(claims.getSubject()) ? Check.VALID : Check.STALE;
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Check.FORGED;
        }
    }

    /** The client's key, keyed with the secret: the page carries no address, and none can be guessed from it. */
    private String fingerprint(String client) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(secret);
            digest.update(String.valueOf(client).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
