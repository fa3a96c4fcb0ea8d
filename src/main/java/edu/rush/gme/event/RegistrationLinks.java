package edu.rush.gme.event;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;

/**
 * The registrant's own link (JWT, HMAC-SHA256, nimbus-jose-jwt, as form and preview tokens): it names
 * one registration by its reference and is the only way to see its join link or cancel it. Signed,
 * so nobody can make one for someone else's registration; sent only to the registrant's address
 * and shown only on the page that follows a new registration. It does not expire: it stays good as
 * long as the registration (after the event it only shows that the event is over).
 */
public final class RegistrationLinks {

    static final String AUDIENCE = "gme-registration";
    /** Longer tokens are not read at all (ours are about 130 characters). */
    static final int MAX_LENGTH = 500;

    private final MACSigner signer;
    private final MACVerifier verifier;

    /** @param key at least 32 bytes (the site's signing secret); these links are signed with a key derived from it for them alone */
    public RegistrationLinks(byte[] key) {
        byte[] own = derive(key);
        try {
            this.signer = new MACSigner(own);
            this.verifier = new MACVerifier(own);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the signing key must be at least 32 bytes", e);
        }
    }

    /** HMAC-SHA256 of a label under the site's secret: a token of another kind never verifies as a registrant's link. */
    private static byte[] derive(byte[] key) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal("gme-registration-links".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("the signing key cannot be used", e);
        }
    }

    /** The token for a registration's own page. */
    public String token(String reference) {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder().audience(AUDIENCE).subject(reference).build());
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    /** The reference a token signed here names; empty for anything else. */
    public Optional<String> reference(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT parsed = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(parsed.getHeader().getAlgorithm()) || !parsed.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = parsed.getJWTClaimsSet();
            if (!List.of(AUDIENCE).equals(claims.getAudience()) || claims.getSubject() == null) {
                return Optional.empty();
            }
            return Optional.of(claims.getSubject());
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
