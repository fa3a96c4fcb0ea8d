package edu.rush.gme.changes;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a client is in the journal, as an opaque token (base64url of a short text): either "every change
 * after number {@code seq}" ({@code c.JOURNAL.SEQ}), or, while the first call's listing of every
 * visible item is paged, "the listing as of {@code seq}, after this item" ({@code l.JOURNAL.SEQ.TYPE/SLUG}).
 * {@code JOURNAL} is the journal's random id, so a token from another database is refused, not misread.
 *
 * @param afterType null for a journal position
 */
record ChangeToken(String journal, long seq, String afterType, String afterSlug) {

    /** Longer than any token this server makes; anything longer is refused unread. */
    static final int MAX_LENGTH = 600;
    private static final Pattern POSITION = Pattern.compile("c\\.([0-9a-f]{16})\\.(0|[1-9][0-9]{0,18})");
    private static final Pattern LISTING = Pattern.compile("l\\.([0-9a-f]{16})\\.(0|[1-9][0-9]{0,18})\\.([a-z0-9-]{1,64})/([^/\\p{Cntrl}]{0,200})");

    static ChangeToken position(String journal, long seq) {
        return new ChangeToken(journal, seq, null, null);
    }

    static ChangeToken listing(String journal, long seq, String afterType, String afterSlug) {
        return new ChangeToken(journal, seq, afterType, afterSlug);
    }

    boolean isListing() {
        return afterType != null;
    }

    String encode() {
        String text = isListing() ? "l." + journal + "." + seq + "." + afterType + "/" + afterSlug : "c." + journal + "." + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The token a client sent, or empty when it is not one this server could have made. */
    static Optional<ChangeToken> decode(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String text;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
        try {
            Matcher position = POSITION.matcher(text);
            if (position.matches()) {
                return Optional.of(position(position.group(1), Long.parseLong(position.group(2))));
            }
            Matcher listing = LISTING.matcher(text);
            if (listing.matches()) {
                return Optional.of(listing(listing.group(1), Long.parseLong(listing.group(2)), listing.group(3), listing.group(4)));
            }
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
