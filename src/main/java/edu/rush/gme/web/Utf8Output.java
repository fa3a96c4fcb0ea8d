package edu.rush.gme.web;

import java.io.Writer;
import java.util.Arrays;

/**
 * A page as it is rendered, encoded to UTF-8 piece by piece as the template engine writes it, for
 * the bytes a response and the page cache need. Rendering into a {@code StringWriter} and encoding
 * the whole page at the end cost a fifth of an uncached finder answer: one character outside
 * Latin-1 anywhere on the page ("–", "’") stored all of it as two bytes per character, and the JDK's
 * encoder for such text is a per-character loop (docs/performance.md, "Rendering to bytes"). Here
 * each piece is encoded on its own: the template's text and most values are ASCII, copied as they
 * are. The bytes are those of {@code String.getBytes(UTF_8)} on the whole text, lone surrogates
 * included (each becomes {@code ?}), even when a pair is split between two writes.
 *
 * <p>Written by hand: the JDK's {@code OutputStreamWriter} encodes through a {@code CharBuffer} per
 * write, and no library at hand offers a writer into a byte array; it is a few lines, tested against
 * the JDK's encoder ({@code Utf8OutputTest}). Not thread-safe, like a response.
 */
final class Utf8Output extends Writer {

    private byte[] bytes;
    private int count;
    /** A high surrogate written last, waiting for its low half (0: none). */
    private char pendingHigh;

    Utf8Output(int expectedBytes) {
        bytes = new byte[Math.max(16, expectedBytes)];
    }

    @Override
    public void write(int c) {
        char ch = (char) c;
        if (pendingHigh == 0 && ch < 0x80) {
            room(1);
            bytes[count++] = (byte) ch;
            return;
        }
        write(new char[] {ch}, 0, 1);
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public void write(char[] chars) {
        write(chars, 0, chars.length);
    }

    @Override
    public void write(String text, int offset, int length) {
        if (pendingHigh == 0 && offset == 0 && length == text.length() && (length == 0 || !Character.isHighSurrogate(text.charAt(length - 1)))) {
            // The JDK's own encoder on a whole string: an ASCII string is copied as it is.
            byte[] encoded = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            room(encoded.length);
            System.arraycopy(encoded, 0, bytes, count, encoded.length);
            count += encoded.length;
            return;
        }
        char[] chars = new char[length];
        text.getChars(offset, offset + length, chars, 0);
        write(chars, 0, length);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        room(length * 3 + 3);
        byte[] out = bytes;
        int n = count;
        int end = offset + length;
        int i = offset;
        if (pendingHigh != 0 && i < end) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(chars[i])) {
                n = fourBytes(out, n, Character.toCodePoint(high, chars[i]));
                i++;
            } else {
                out[n++] = '?';
            }
        }
        for (; i < end; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                    n = fourBytes(out, n, Character.toCodePoint(c, chars[++i]));
                } else if (Character.isHighSurrogate(c) && i + 1 == end) {
                    // Its low half may come with the next write.
                    pendingHigh = c;
                } else {
                    out[n++] = '?';
                }
            } else {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        count = n;
    }

    /**
     * Appends text already encoded to UTF-8 ({@link EncodedText}: a template's static text, encoded
     * once), unless a high surrogate is still waiting for its other half: then nothing is written and
     * the caller writes the characters instead, so the bytes stay those of the whole text.
     */
    boolean writeEncoded(byte[] utf8) {
        if (pendingHigh != 0) {
            return false;
        }
        room(utf8.length);
        System.arraycopy(utf8, 0, bytes, count, utf8.length);
        count += utf8.length;
        return true;
    }

    private static int fourBytes(byte[] out, int n, int codePoint) {
        out[n] = (byte) (0xF0 | codePoint >> 18);
        out[n + 1] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        out[n + 2] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        out[n + 3] = (byte) (0x80 | codePoint & 0x3F);
        return n + 4;
    }

    private void room(int more) {
        if (count + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
        }
    }

    /** The bytes written so far (a high surrogate still waiting for its other half counts as {@code ?}). */
    byte[] toByteArray() {
        if (pendingHigh != 0) {
            room(1);
            bytes[count++] = '?';
            pendingHigh = 0;
        }
        return Arrays.copyOf(bytes, count);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
