package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

/** The quick look before escaping changes nothing: every text comes out as Pebble's own escaping gives it. */
class HtmlEscapingTest {

    @Test
    void every_text_is_escaped_exactly_as_pebbles_html_strategy_escapes_it() {
        HtmlEscaping escaping = new HtmlEscaping();
        Random random = new Random(5);
        // Markup characters, entities, quotes, accents, dashes, emoji (surrogate pairs), lone surrogates and controls.
        String alphabet = "ab <>&\"'; =/#x\u00e9\u2013\u2019\u00a0\t\n\u0000\u007f\ud83d\ude00\ud800\udfff&amp;&#39;";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            assertThat(escaping.escape(input)).as(input).isEqualTo(HtmlEscape.escapeHtml4Xml(input));
        }
    }

    @Test
    void a_text_with_nothing_to_escape_is_the_same_string_and_markup_is_escaped() {
        HtmlEscaping escaping = new HtmlEscaping();
        String plain = "Internal Medicine – Rush University Medical Center, Chicago";
        assertThat(escaping.escape(plain)).isSameAs(plain);
        assertThat(escaping.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }
}
