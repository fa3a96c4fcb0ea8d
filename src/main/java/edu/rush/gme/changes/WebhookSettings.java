package edu.rush.gme.changes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where change notices are posted: {@code GME_WEBHOOK_URLS} (http or https addresses, separated by
 * commas) and {@code GME_WEBHOOK_SECRET}, the key their signature is made with (required with URLs,
 * at least 16 characters). Without URLs no notice is sent.
 */
public record WebhookSettings(List<URI> urls, String secret) {

    public static final WebhookSettings NONE = new WebhookSettings(List.of(), null);
    static final int MIN_SECRET_LENGTH = 16;

    public WebhookSettings {
        urls = List.copyOf(urls);
        if (!urls.isEmpty() && (secret == null || secret.length() < MIN_SECRET_LENGTH)) {
            throw new IllegalArgumentException("GME_WEBHOOK_SECRET must be set, at least " + MIN_SECRET_LENGTH
                    + " characters, when GME_WEBHOOK_URLS is: receivers check each notice's signature with it");
        }
    }

    public static WebhookSettings from(Map<String, String> env) {
        String list = env.get("GME_WEBHOOK_URLS");
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<URI> urls = new ArrayList<>();
        for (String part : list.split(",")) {
            String text = part.trim();
            if (!text.isEmpty()) {
                urls.add(parse(text));
            }
        }
        String secret = env.get("GME_WEBHOOK_SECRET");
        return new WebhookSettings(urls, secret == null || secret.isBlank() ? null : secret.trim());
    }

    /** One receiver's address: absolute, http or https, with a host; refused with the address in the message. */
    static URI parse(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawFragment() != null) {
                throw new URISyntaxException(text, "not an http or https address with a host name");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("GME_WEBHOOK_URLS must be http or https addresses separated by commas, like "
                    + "https://example.org/hooks/gme; '" + text + "' is not one");
        }
    }

    public static WebhookSettings of(String secret, URI... urls) {
        return new WebhookSettings(List.of(urls), secret);
    }

    public boolean configured() {
        return !urls.isEmpty();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return configured() ? "webhooks to " + urls : "no webhooks";
    }
}
