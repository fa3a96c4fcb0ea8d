package edu.rush.gme.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
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
        if (mail.calendar() == null) {
            message.setText(mail.body(), "UTF-8");
        } else {
            message.setContent(withCalendar(mail.body(), mail.calendar()));
        }
        message.setSentDate(Date.from(createdAt));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.saveChanges();
        return message;
    }

    /**
     * The text and its calendar the way mail programs recognise an invitation (the shape nodemailer's
     * {@code icalEvent} writes, which Gmail, Outlook and Apple Mail offer to add to the calendar):
     * <pre>
     * multipart/mixed
     *   multipart/alternative
     *     text/plain; charset=UTF-8
     *     text/calendar; charset=UTF-8; method=REQUEST   (the invitation itself)
     *   application/ics; name=invite.ics                 (the same file, to open or save)
     * </pre>
     */
    static MimeMultipart withCalendar(String body, String calendar) throws MessagingException {
        String method = method(calendar);
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        MimeBodyPart invitation = new MimeBodyPart();
        byte[] bytes = calendar.getBytes(StandardCharsets.UTF_8);
        String type = "text/calendar; charset=UTF-8" + (method == null ? "" : "; method=" + method);
        invitation.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        invitation.setHeader("Content-Type", type);
        MimeMultipart alternative = new MimeMultipart("alternative", text, invitation);
        MimeBodyPart alternatives = new MimeBodyPart();
        alternatives.setContent(alternative);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "application/ics")));
        file.setDisposition(Part.ATTACHMENT);
        file.setFileName(INVITE_FILE);
        file.setHeader("Content-Type", "application/ics; name=" + INVITE_FILE);
        return new MimeMultipart("mixed", alternatives, file);
    }

    static final String INVITE_FILE = "invite.ics";

    /** The calendar's METHOD (REQUEST, CANCEL, PUBLISH), from its own line; null when it has none. */
    static String method(String calendar) {
        for (String line : calendar.split("\r?\n")) {
            if (line.regionMatches(true, 0, "METHOD:", 0, 7)) {
                String method = line.substring(7).strip().toUpperCase(java.util.Locale.ROOT);
                return method.matches("[A-Z-]{1,32}") ? method : null;
            }
            if (line.regionMatches(true, 0, "BEGIN:VEVENT", 0, 12)) {
                return null;
            }
        }
        return null;
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
