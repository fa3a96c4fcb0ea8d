package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A page rendered to bytes piece by piece is exactly the bytes of the whole text encoded by the JDK. */
class Utf8OutputTest {

    /** Characters of every width, pairs and lone halves of surrogates among them. */
    private static final String[] PIECES = {"a", "<p>", "é", "·", "–", "’", "€", "\uD83D\uDE00", "\uD83D", "\uDE00", "中", "\u0000", "\u007F", "\u0080", "\u07FF",
            "\u0800", "\uFFFF", " ", "Program’s “facts”"};

    @Test
    void every_way_of_writing_gives_the_jdk_s_bytes_for_the_whole_text() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder whole = new StringBuilder();
            Utf8Output out = new Utf8Output(1);
            int writes = random.nextInt(12);
            for (int w = 0; w < writes; w++) {
                StringBuilder piece = new StringBuilder();
                for (int k = random.nextInt(5); k >= 0; k--) {
                    piece.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String text = piece.toString();
                whole.append(text);
                switch (random.nextInt(4)) {
                    case 0 -> out.write(text);
                    case 1 -> out.write(text.toCharArray());
                    case 2 -> {
                        // Part of a longer array or string, as writers are handed them.
                        char[] padded = ("xx" + text + "yy").toCharArray();
                        out.write(padded, 2, text.length());
                    }
                    default -> {
                        for (int i = 0; i < text.length(); i++) {
                            out.write(text.charAt(i));
                        }
                    }
                }
            }
            assertThat(out.toByteArray()).as("round %d: %s", round, whole).isEqualTo(whole.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_pair_of_surrogates_split_between_two_writes_is_one_character() {
        Utf8Output out = new Utf8Output(16);
        out.write("smile \uD83D");
        out.write("\uDE00!");
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("smile \uD83D\uDE00!");
    }

    @Test
    void a_page_longer_than_its_first_buffer_keeps_every_byte() {
        Utf8Output out = new Utf8Output(16);
        String line = "<li>Emergency Medicine–Internal Medicine · 5 years</li>\n";
        for (int i = 0; i < 5_000; i++) {
            out.write(line);
        }
        assertThat(out.toByteArray()).isEqualTo(line.repeat(5_000).getBytes(StandardCharsets.UTF_8));
    }
}
