package edu.rush.gme.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void renders_tables() {
        String html = markdown.render("| A | B |\n| --- | --- |\n| 1 | 2 |\n");
        assertThat(html).contains("<table class=\"table\">").contains("<th>A</th>").contains("<td>2</td>");
    }

    @Test
    void gives_headings_anchor_ids() {
        assertThat(markdown.render("## Our Mission\n")).isEqualTo("<h2 id=\"our-mission\">Our Mission</h2>");
    }

    @Test
    void keeps_one_h1_per_page_by_demoting_markdown_h1() {
        assertThat(markdown.render("# Title\n")).isEqualTo("<h2 id=\"title\">Title</h2>");
    }

    @Test
    void turns_bare_addresses_into_links() {
        assertThat(markdown.render("See https://www.acgme.org today."))
                .contains("<a href=\"https://www.acgme.org\">https://www.acgme.org</a>");
    }

    @Test
    void uses_typographic_quotes_and_dashes() {
        assertThat(markdown.render("\"Quoted\" -- it's")).isEqualTo("<p>“Quoted” – it’s</p>");
    }

    @Test
    void keeps_relative_links_anchors_mail_and_phone_links() {
        String html = markdown.render("[a](/programs) [b](#our-mission) [c](mailto:gme@example.org) [d](tel:+13125550100) [e](../news)");
        assertThat(html).contains("href=\"/programs\"", "href=\"#our-mission\"", "href=\"mailto:gme@example.org\"",
                "href=\"tel:+13125550100\"", "href=\"../news\"");
    }

    @Test
    void strips_scripts_event_handlers_and_javascript_links() {
        String html = markdown.render("<script>alert(1)</script>\n\n<img src=\"/x.png\" alt=\"x\" onerror=\"alert(1)\">\n\n[x](javascript:alert(1))\n\n<iframe src=\"https://evil.example\"></iframe>");
        assertThat(html).doesNotContain("<script", "onerror", "javascript:", "<iframe");
        assertThat(html).contains("<img src=\"/x.png\" alt=\"x\">");
    }

    @Test
    void skips_the_autolink_pass_only_where_it_would_link_nothing() {
        java.util.List<String> samples = java.util.List.of("Plain words: a list\n\n- one\n- two", "Visit www.rush.edu today", "Visit WWW.RUSH.EDU",
                "Write to gme@example.org", "See http://example.org/x and ftp://files.example.org", "A colon: not a link, mailto without at",
                "Dots... and www without a dot, wwwx.example", "<https://example.org> and [link](https://example.org/page)",
                "| A | B |\n| --- | --- |\n| www.x.org | 2 |\n", "\"Quoted\" -- it's; email-ish a at b dot c");
        for (String sample : samples) {
            String linked = markdown.render(sample, true);
            assertThat(markdown.render(sample)).as(sample).isEqualTo(linked);
            if (!MarkdownRenderer.mayHoldAddresses(sample)) {
                assertThat(markdown.render(sample, false)).as(sample).isEqualTo(linked);
            }
        }
        assertThat(MarkdownRenderer.mayHoldAddresses("Plain words, 3.5 years")).isFalse();
        assertThat(MarkdownRenderer.mayHoldAddresses("Visit Www.rush.edu")).isTrue();
    }

    @Test
    void gives_the_search_index_the_words_a_reader_sees() {
        String text = markdown.text("# Our Mission\n\n\"Quoted\" -- it's at https://example.org &amp; more.\n\n- one\n- two!\n\n"
                + "| A | B |\n| --- | --- |\n| x | y |\n\n<script>alert(1)</script>\n\n> quoted *words*\n");
        assertThat(text).isEqualTo("Our Mission. “Quoted” – it’s at https://example.org & more. one. two! A. B. x. y. quoted words");
    }
}
