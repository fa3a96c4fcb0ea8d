package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Snippets' sentences end where the JDK's sentence instance ends them in program-page prose, at a fraction of its cost. */
class SentenceBreaksTest {

    /** Sentences as program pages write them: abbreviations, numbers, quotes, brackets, questions. */
    private static final List<String> PROSE = List.of(
            "Residents rotate through the medical ICU in PGY-1. ",
            "The program lasts 3.5 years for most fellows. ",
            "U.S. citizens and permanent residents may apply. ",
            "Applicants need USMLE Step 1 and Step 2 CK (or COMLEX-USA equivalents). ",
            "Some rotations, e.g. cardiology, take place at RUSH Copley. ",
            "The Institute of Medicine’s Report No. 90 sets the guidelines. ",
            "Is the program right for you? ",
            "Interviews are virtual! ",
            "Fellows call it “the best year of training.” ",
            "The schedule: 6 months in the cath lab. 2 months in research. ",
            "Questions go to the coordinator (see the contact page.) ",
            "Dr. Smith leads the curriculum committee. ",
            "The stipend is $70,000 a year. Housing help is available.",
            "Benefits include: health, dental and vision insurance; a meal card; parking. ");

    private static List<Integer> boundaries(BreakIterator iterator, String text) {
        iterator.setText(text);
        List<Integer> found = new ArrayList<>();
        for (int b = iterator.first(); b != BreakIterator.DONE; b = iterator.next()) {
            found.add(b);
        }
        return found;
    }

    @Test
    void program_page_prose_breaks_where_the_jdk_breaks_it() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                text.append(PROSE.get(random.nextInt(PROSE.size())));
            }
            String prose = text.toString();
            assertThat(boundaries(new SentenceBreaks(), prose)).as(prose).isEqualTo(boundaries(BreakIterator.getSentenceInstance(Locale.ROOT), prose));
        }
    }

    @Test
    void a_sentence_ends_after_its_full_stop_question_or_closing_quote_and_the_spaces_after_it() {
        String text = "Apply by October 1. Is it virtual? Yes! He said “done.” Next";
        assertThat(boundaries(new SentenceBreaks(), text)).containsExactly(0, 20, 35, 40, 56, text.length());
    }

    @Test
    void a_full_stop_before_lowercase_or_a_digit_or_without_a_space_ends_nothing() {
        for (String text : List.of("Rotations, e.g. cardiology, vary", "Report No. 90 applies", "It takes 3.5 years", "U.S.A. based")) {
            assertThat(boundaries(new SentenceBreaks(), text)).as(text).containsExactly(0, text.length());
        }
    }

    @Test
    void a_line_ends_a_sentence_even_without_a_full_stop_unlike_the_jdk() {
        String text = "Curriculum\nResidents rotate.\r\nThen\u2029more";
        assertThat(boundaries(new SentenceBreaks(), text)).containsExactly(0, 11, 30, 35, text.length());
    }

    @Test
    void spaces_of_every_width_and_blank_lines_close_a_sentence_as_they_do_for_the_jdk() {
        for (String text : List.of("Done.\n\nNext one", "Done.\r\rNext", "Done.\r\n\r\nNext", "It ends. \u2003Next", "It ends.\u2009Next",
                "It ends.\u202FNext", "It ends.\u00A0Next", "It ends.\u3000Next", "It ends. \n Next", "One\u2029\u2029Two", "Why?\tBecause.")) {
            assertThat(boundaries(new SentenceBreaks(), text)).as(text).isEqualTo(boundaries(BreakIterator.getSentenceInstance(Locale.ROOT), text));
        }
    }

    @Test
    void preceding_and_following_give_the_jdk_s_nearest_boundaries_either_side_as_the_highlighter_asks() {
        Random random = new Random(11);
        String text = String.join("", PROSE);
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText(text);
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
        jdk.setText(text);
        for (int i = 0; i < 2_000; i++) {
            int offset = random.nextInt(text.length() + 1);
            assertThat(breaks.following(offset)).as("following(%d)", offset).isEqualTo(jdk.following(offset));
            assertThat(breaks.preceding(offset)).as("preceding(%d)", offset).isEqualTo(jdk.preceding(offset));
            assertThat(breaks.isBoundary(offset)).as("isBoundary(%d)", offset).isEqualTo(jdk.isBoundary(offset));
        }
        assertThat(breaks.following(text.length())).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.getText().getEndIndex()).isEqualTo(text.length());
        assertThat(breaks.last()).isEqualTo(jdk.last());
        assertThat(breaks.previous()).isEqualTo(jdk.previous());
    }

    @Test
    void following_and_preceding_are_the_nearest_breaks_either_side_in_any_text() {
        nearestBreaksEitherSide(new SentenceBreaks());
    }

    @Test
    void a_text_met_before_has_the_same_breaks_read_from_where_they_were_found() {
        nearestBreaksEitherSide(new SentenceBreaks(SentenceBreaks.known(1_000)));
        String text = PROSE.get(0) + PROSE.get(1);
        com.github.benmanes.caffeine.cache.Cache<String, int[]> known = SentenceBreaks.known(10);
        SentenceBreaks breaks = new SentenceBreaks(known);
        breaks.setText(text);
        assertThat(known.getIfPresent(text)).containsExactly(PROSE.get(0).length());
        assertThat(breaks.following(3)).isEqualTo(PROSE.get(0).length());
        assertThat(breaks.preceding(text.length())).isEqualTo(PROSE.get(0).length());
    }

    private static void nearestBreaksEitherSide(SentenceBreaks breaks) {
        // Letters, punctuation, quotes and every kind of space, line and paragraph end, in any order:
        // the scans' shortcut (a sentence starts only after a space or an end) never skips a break.
        String alphabet = "aZ9 .?!\"')]\u2019\u201D\u00BB\t\n\r\u000B\f\u0085\u00A0\u2003\u2028\u2029\u3000é";
        Random random = new Random(5);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            breaks.setText(text.toString());
            for (int offset = 0; offset <= text.length(); offset++) {
                int next = BreakIterator.DONE;
                for (int p = offset + 1; p <= text.length() && next == BreakIterator.DONE; p++) {
                    next = breaks.isBreak(p) ? p : BreakIterator.DONE;
                }
                int before = BreakIterator.DONE;
                for (int p = offset - 1; p >= 0 && before == BreakIterator.DONE; p--) {
                    before = breaks.isBreak(p) ? p : BreakIterator.DONE;
                }
                assertThat(breaks.following(offset)).as("following(%d) in %s", offset, text).isEqualTo(next);
                assertThat(breaks.preceding(offset)).as("preceding(%d) in %s", offset, text).isEqualTo(before);
            }
        }
    }
}
