package edu.rush.gme.content;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The bytes a content file had when a load read it, deflated (a third of their size): what a page's
 * body is rendered from and its fields' positions are found in, later, without keeping every file's
 * text in memory (10,000 programs are about 25 MB of Markdown) and without reading the disk again,
 * where the file may since hold another version: a page always shows the body of the same bytes as
 * its front matter.
 */
final class PackedText {

    private final byte[] packed;
    private final int length;

    private PackedText(byte[] packed, int length) {
        this.packed = packed;
        this.length = length;
    }

    static PackedText of(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
            byte[] buffer = new byte[Math.max(64, bytes.length / 2 + 64)];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return new PackedText(out.toByteArray(), bytes.length);
        } finally {
            deflater.end();
        }
    }

    /** The bytes as they were read. */
    byte[] bytes() {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(packed);
            byte[] bytes = new byte[length];
            int read = 0;
            while (read < length) {
                int n = inflater.inflate(bytes, read, length - read);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                read += n;
            }
            if (read != length) {
                throw new IllegalStateException("a packed content file lost bytes: " + read + " of " + length);
            }
            return bytes;
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
    }

    /** The file cut into front matter and body again (it was read and cut before, so this cannot fail). */
    SourceText source(String shown) {
        try {
            return SourceText.split(shown, TextFile.decode(bytes(), shown));
        } catch (ContentException e) {
            throw new IllegalStateException(e);
        }
    }
}
