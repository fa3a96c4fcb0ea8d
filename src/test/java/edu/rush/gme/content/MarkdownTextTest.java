package edu.rush.gme.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search text read from Markdown's syntax tree is the text of the page as rendered: for every
 * kind of Markdown the site's bodies use (and raw HTML, entities, typographic quotes, tight and
 * loose lists, nested quotes, tables, code), the words of each block of the rendered HTML, in order,
 * are the words MarkdownText gives.
 */
class MarkdownTextTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    /** The reference: the rendered page's blocks, read by Jsoup. */
    private String fromRenderedPage(String body) {
        Element page = Jsoup.parseBodyFragment(markdown.render(body)).body();
        StringBuilder text = new StringBuilder();
        for (Element block : page.select(MarkdownText.BLOCKS)) {
            MarkdownText.append(text, block.text().strip(), MarkdownText.closesSentence(block));
        }
        return text.toString().strip();
    }

    static Stream<String> bodies() throws IOException {
        List<String> samples = new ArrayList<>(List.of(
                "# Our Mission\n\n\"Quoted\" -- it's at https://example.org &amp; more.\n\n- one\n- two!\n\n"
                        + "| A | B |\n| --- | --- |\n| x | y |\n\n<script>alert(1)</script>\n\n> quoted *words*\n",
                "- tight item\n- another with `code` and **bold**\n  - nested tight\n  - nested two\n",
                "- loose item\n\n- second loose\n\n  with a second paragraph\n",
                "1. first\n2. second: done\n3. third?\n",
                "> a quote\n> - with a list\n> - of two\n",
                "> - only a list in a quote\n",
                "Line one  \nline two after a hard break\nand a soft one.",
                "Text with &nbsp;spaces&nbsp; and &copy; 2026 &mdash; dashes... and 'single' quotes",
                "An image ![a description](/img/x.png \"title\") inside, a [link](/about) and <https://rush.edu/x>.",
                "Mail <gme@rush.edu> and a reference [link][ref].\n\n[ref]: https://example.org \"Example\"\n",
                "```\nfenced code\n```\n\n    indented code\n\nafter code",
                "<div class=\"note\"><p>Raw <b>HTML</b> paragraph</p><ul><li>raw item</li></ul></div>\n\nAfter.",
                "Inline <abbr title=\"Graduate Medical Education\">GME</abbr> and <em>emphasis</em> in HTML.",
                "## Heading with *emphasis* and `code`\n\nText\\* with escaped \\_ characters.",
                "| Program | Length |\n| --- | ---: |\n| Internal Medicine | 3 years |\n| Surgery | 5 |\n[Caption]\n",
                "***\n\n---\n\nText between rules\n\n___\n",
                "- [ ] task\n- [x] done\n",
                "An undefined [*emphasis* ref] and ![undefined image] and [defined] link.\n\n[defined]: /about\n",
                "Soft\u00adhyphen and zero\u200bwidth and tab\there.",
                "Rush University<br>Chicago, Illinois<br/>United States<br />of America",
                "A <span class=\"x\">span</span>joined and a <script>hidden()</script> script, a <style>p{}</style> style.",
                "An <!-- a comment --> comment and <kbd>Ctrl</kbd>+<kbd>K</kbd>.",
                "* item one\n\n  * nested loose\n\n* item two\n"));
        Path content = Path.of("content");
        if (Files.isDirectory(content)) {
            try (Stream<Path> files = Files.walk(content)) {
                files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(f -> {
                    try {
                        String file = Files.readString(f, StandardCharsets.UTF_8);
                        int end = file.startsWith("---") ? file.indexOf("\n---", 3) : -1;
                        samples.add(end < 0 ? file : file.substring(file.indexOf('\n', end + 1) + 1));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        }
        return samples.stream();
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void the_search_text_is_the_rendered_pages_text(String body) {
        assertThat(markdown.text(body)).isEqualTo(fromRenderedPage(body));
    }
}
