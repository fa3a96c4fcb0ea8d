package edu.rush.gme.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one message through the configured SMTP server (Jakarta Mail, Eclipse Angus). */
final class SmtpMailer {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final String TIMEOUT_MILLIS = "15000";

    private final MailSettings settings;
    private final Session session;

    SmtpMailer(MailSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        if (settings.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (settings.user() != null) {
            properties.put("mail.smtp.auth", "true");
        }
        this.session = Session.getInstance(properties);
    }

    /**
     * Sends one message. {@code accepted} runs the moment the server has accepted it, before the
     * connection is closed, so that not even the QUIT exchange delays what it records.
     */
    void send(OutgoingMail mail, Instant createdAt, Runnable accepted) throws MessagingException {
        MimeMessage message = message(mail, createdAt);
        Transport transport = session.getTransport("smtp");
        try {
            transport.connect(settings.user(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
            accepted.run();
        } finally {
            closeQuietly(transport);
        }
    }

    private MimeMessage message(OutgoingMail mail, Instant createdAt) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        if (mail.replyTo() != null) {
            message.setReplyTo(InternetAddress.parse(mail.replyTo(), true));
        }
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        message.setSentDate(Date.from(createdAt));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.saveChanges();
        return message;
    }

    /** A failed QUIT changes nothing: either the message was accepted before it, or the failure is already thrown. */
    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("closing the SMTP connection failed: {}", e.getMessage());
        }
    }
}
