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
     *
     * @param messageKey the left part of the Message-ID, the same on every attempt (see {@link StableIdMessage})
     */
    void send(OutgoingMail mail, Instant createdAt, String messageKey, Runnable accepted) throws MessagingException {
        MimeMessage message = message(mail, createdAt, messageKey);
        Transport transport = session.getTransport("smtp");
        try {
            transport.connect(settings.user(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
            accepted.run();
        } finally {
            closeQuietly(transport);
        }
    }

    private MimeMessage message(OutgoingMail mail, Instant createdAt, String messageKey) throws MessagingException {
        InternetAddress from = new InternetAddress(settings.from());
        MimeMessage message = new StableIdMessage(session, messageId(messageKey, from));
        message.setFrom(from);
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

    /** {@code <key@domain>}, in the sender's domain as RFC 5322 suggests: e.g. {@code <gme-outbox-42.9f86d081884c7d65@rush.edu>}. */
    static String messageId(String messageKey, InternetAddress from) {
        String address = from.getAddress();
        return "<" + messageKey + "@" + address.substring(address.lastIndexOf('@') + 1) + ">";
    }

    /** A failed QUIT changes nothing: either the message was accepted before it, or the failure is already thrown. */
    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("closing the SMTP connection failed: {}", e.getMessage());
        }
    }

    /**
     * A message that keeps the Message-ID it is made with. Jakarta Mail makes a new one in every
     * {@code saveChanges}; a message sent again after a crash must carry the same one, so that mail
     * servers and clients recognise the duplicate.
     */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
