package edu.rush.gme.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MailOutboxTest {

    @Test
    void waits_longer_after_each_failure_but_never_more_than_six_hours() {
        assertThat(IntStream.rangeClosed(1, 12).mapToObj(MailOutbox::pauseAfter).map(Duration::toMinutes).toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 360L, 360L, 360L);
    }

    @Test
    void keeps_trying_for_about_a_day() {
        Duration total = IntStream.range(1, MailOutbox.MAX_ATTEMPTS).mapToObj(MailOutbox::pauseAfter).reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(20), Duration.ofHours(30));
    }
}
