package edu.rush.gme.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

class SmtpMailerTest {

    @Test
    void a_message_id_is_in_the_senders_domain_even_when_the_sender_has_a_name() throws AddressException {
        assertThat(SmtpMailer.messageId("gme-outbox-7.9f86d081884c7d65", new InternetAddress("Rush GME <gme-web@rush.edu>")))
                .isEqualTo("<gme-outbox-7.9f86d081884c7d65@rush.edu>");
    }
}
