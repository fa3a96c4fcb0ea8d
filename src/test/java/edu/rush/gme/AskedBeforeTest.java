package edu.rush.gme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The doorkeeper of kept search results and pages: a question is known from its second asking, and only then. */
class AskedBeforeTest {

    private record Question(String words, int page) {
    }

    @Test
    void a_question_is_known_from_its_second_asking() {
        AskedBefore asked = new AskedBefore();
        Question cardiology = new Question("cardiology", 1);
        assertThat(asked.asked(cardiology)).isFalse();
        assertThat(asked.asked(new Question("cardiology", 1))).as("an equal key").isTrue();
        assertThat(asked.asked(cardiology)).isTrue();
        assertThat(asked.asked(new Question("cardiology", 2))).as("another page is another question").isFalse();
    }

    @Test
    void ten_thousand_new_questions_are_each_new_and_most_are_remembered_after() {
        AskedBefore asked = new AskedBefore();
        int known = 0;
        for (int i = 0; i < 10_000; i++) {
            assertThat(asked.asked(new Question("question " + i, 1))).as("question %d, asked for the first time", i).isFalse();
        }
        for (int i = 0; i < 10_000; i++) {
            known += asked.asked(new Question("question " + i, 1)) ? 1 : 0;
        }
        // 10,000 questions in 32,768 slots: those sharing a slot with a later one are forgotten, and a
        // forgotten one asked again takes its slot back from a later one (7,404 of these keys are known).
        assertThat(known).isBetween(6_500, 9_900);
    }
}
