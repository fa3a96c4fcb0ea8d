package edu.rush.gme.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** The e-mail addresses forms accept. */
public final class MailAddresses {

    private MailAddresses() {
    }

    /**
     * One address, no display name, a dot in the domain, printable ASCII only (every mail server
     * takes it; an address only some servers take would fail for a day while the applicant waits).
     */
    public static boolean isDeliverable(String text) {
        if (text == null || text.chars().anyMatch(c -> c <= ' ' || c > '~' || c == '"') || text.indexOf('@') <= 0) {
            return false;
        }
        try {
            InternetAddress address = new InternetAddress(text, true);
            String domain = text.substring(text.lastIndexOf('@') + 1);
            return address.getAddress().equals(text) && address.getPersonal() == null
                    && domain.contains(".") && !domain.startsWith(".") && !domain.endsWith(".") && !domain.contains("..");
        } catch (AddressException e) {
            return false;
        }
    }

    /** "m•••@example.com": enough to recognise one's own address on a shared screen, not to read it. */
    public static String masked(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at <= 0 ? "•••" : email.charAt(0) + "•••" + email.substring(at);
    }
}
