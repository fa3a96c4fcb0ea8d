package edu.rush.gme.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a content file as UTF-8 text, or names the line and column of the first byte that is not. */
final class TextFile {

    private TextFile() {
    }

    /** @param shown the path shown in problems, e.g. {@code content/news/story.md} */
    static String read(Path file, String shown) throws IOException, ContentException {
        return decode(Files.readAllBytes(file), shown);
    }

    /** The bytes of a file already read, as text. */
    static String decode(byte[] content, String shown) throws ContentException {
        ByteBuffer bytes = ByteBuffer.wrap(content);
        // UTF-8 never decodes to more chars than it has bytes, so one buffer holds the whole text.
        CharBuffer text = CharBuffer.allocate(bytes.remaining());
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(bytes, text, true);
        if (result.isError()) {
            throw new ContentException(notUtf8(shown, text.flip().toString(), bytes.get(bytes.position())));
        }
        decoder.flush(text);
        return text.flip().toString();
    }

    /** The bad byte's place, counted in the characters of the text that could be read before it. */
    private static ContentProblem notUtf8(String shown, String before, byte bad) {
        String[] lines = before.split("\r\n|\r|\n", -1);
        String last = lines[lines.length - 1];
        return new ContentProblem(shown, lines.length, last.codePointCount(0, last.length()) + 1, String.format(
                "the file is not UTF-8 text: byte 0x%02X at this position cannot be read; save the file with UTF-8 encoding", bad));
    }
}
