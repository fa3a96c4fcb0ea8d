package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A page rendered to bytes, with the templates' static text encoded once, is exactly the page
 * rendered as text and encoded whole, whatever the printed values hold next to that text.
 */
class EncodedTextTest {

    /** Values of every width, with lone halves of surrogate pairs at their ends (beside static text). */
    private static final String[] PIECES = {"a", "<b>", "é", "–", "’", "\uD83D\uDE00", "\uD83D", "\uDE00", "中", "", " "};

    private final PebbleRenderer renderer = new PebbleRenderer(false, StaticAssets.load(Path.of("static")));

    @Test
    void static_text_of_every_width_beside_any_value_gives_the_bytes_of_the_whole_page() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            List<String> values = new ArrayList<>();
            for (int v = random.nextInt(5); v > 0; v--) {
                values.add(value(random));
            }
            Map<String, Object> model = Map.of("first", value(random), "values", values, "last", value(random));
            byte[] bytes = renderer.renderUtf8("test/encoded-text", model);
            String text = renderer.render("test/encoded-text", model);
            assertThat(bytes).as("round %d: %s", round, model).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            assertThat(text).contains("<p>café “").contains(" 😀 中</p>").contains("</ul>\n<p>’");
            if (values.stream().anyMatch(v -> !v.isBlank())) {
                assertThat(text).contains("<li>Emergency Medicine–Internal Medicine · ");
            }
        }
    }

    @Test
    void a_high_surrogate_waiting_for_its_other_half_is_not_skipped_by_encoded_text() {
        Utf8Output out = new Utf8Output(16);
        out.write("smile \uD83D");
        assertThat(out.writeEncoded("!".getBytes(StandardCharsets.UTF_8))).isFalse();
        out.write("!");
        assertThat(out.toByteArray()).isEqualTo("smile \uD83D!".getBytes(StandardCharsets.UTF_8));
        assertThat(out.writeEncoded("é".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void only_text_without_half_a_pair_at_either_end_is_encoded_on_its_own() {
        assertThat(EncodedText.encodable("<p>café 😀</p>".toCharArray())).isTrue();
        assertThat(EncodedText.encodable(new char[0])).isTrue();
        assertThat(EncodedText.encodable("\uDE00</p>".toCharArray())).isFalse();
        assertThat(EncodedText.encodable("<p>\uD83D".toCharArray())).isFalse();
    }

    private static String value(Random random) {
        StringBuilder value = new StringBuilder();
        for (int k = random.nextInt(4); k > 0; k--) {
            value.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return value.toString();
    }
}
