package edu.rush.gme.mail;

import java.util.Map;

/**
 * The SMTP server that carries inquiries to coordinators. Without {@code GME_SMTP_HOST} nothing is
 * sent: messages wait in the outbox (and in the export) until a server is configured.
 */
public record MailSettings(String host, int port, String user, String password, boolean startTls, String from) {

    public static final MailSettings NONE = new MailSettings(null, 25, null, null, false, null);

    public MailSettings {
        if (host != null && (from == null || !from.contains("@"))) {
            throw new IllegalArgumentException("GME_MAIL_FROM must be the sender's e-mail address when GME_SMTP_HOST is set, got '" + from + "'");
        }
    }

    public static MailSettings from(Map<String, String> env) {
        String host = blankToNull(env.get("GME_SMTP_HOST"));
        if (host == null) {
            return NONE;
        }
        String portText = env.getOrDefault("GME_SMTP_PORT", "587").trim();
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GME_SMTP_PORT must be a port number, got '" + portText + "'");
        }
        return new MailSettings(host, port, blankToNull(env.get("GME_SMTP_USER")), env.get("GME_SMTP_PASSWORD"),
                Boolean.parseBoolean(env.getOrDefault("GME_SMTP_STARTTLS", "true")), blankToNull(env.get("GME_MAIL_FROM")));
    }

    /** A plain SMTP server on this machine (tests: GreenMail). */
    public static MailSettings local(int port, String from) {
        return new MailSettings("127.0.0.1", port, null, null, false, from);
    }

    public boolean configured() {
        return host != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return configured() ? "smtp://" + (user == null ? "" : user + "@") + host + ":" + port + (startTls ? " (STARTTLS)" : "") : "no SMTP server";
    }
}
