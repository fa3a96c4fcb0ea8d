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

    @Test
    void the_calendar_part_names_the_files_method_and_a_file_without_one_gets_none() {
        assertThat(SmtpMailer.method("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
                .isEqualTo("CANCEL");
        assertThat(SmtpMailer.method("BEGIN:VCALENDAR\nmethod:request\nEND:VCALENDAR\n")).isEqualTo("REQUEST");
        // A METHOD inside an event is not the calendar's; nor is a value that could break the header.
        assertThat(SmtpMailer.method("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nMETHOD:REQUEST\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")).isNull();
        assertThat(SmtpMailer.method("BEGIN:VCALENDAR\r\nMETHOD:REQUEST; x=\"y\"\r\nEND:VCALENDAR\r\n")).isNull();
    }
}
