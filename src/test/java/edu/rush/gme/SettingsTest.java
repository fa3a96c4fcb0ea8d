package edu.rush.gme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.rush.gme.changes.WebhookSettings;
import edu.rush.gme.db.DatabaseSettings;
import edu.rush.gme.mail.MailSettings;
import edu.rush.gme.web.FormSecret;
import edu.rush.gme.web.TrustedProxies;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void runs_from_the_repository_on_port_7070_by_default() {
        Settings settings = Settings.from(Map.of());
        assertThat(settings.port()).isEqualTo(7070);
        assertThat(settings.contentDir()).isEqualTo(Path.of("content"));
        assertThat(settings.staticDir()).isEqualTo(Path.of("static"));
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:7070");
        assertThat(settings.devMode()).isFalse();
        assertThat(settings.https()).isFalse();
        assertThat(settings.database().url()).isEqualTo("jdbc:sqlite:data/gme.db");
        assertThat(settings.mail().configured()).isFalse();
        assertThat(settings.proxies().any()).isFalse();
    }

    @Test
    void reads_every_setting_from_the_environment() {
        Settings settings = Settings.from(Map.ofEntries(Map.entry("GME_PORT", "8080"), Map.entry("GME_CONTENT_DIR", "/srv/content"),
                Map.entry("GME_STATIC_DIR", "/srv/static"), Map.entry("GME_BASE_URL", "https://gme.example.org/"), Map.entry("GME_DEV", "true"),
                Map.entry("GME_HOST", "127.0.0.1"), Map.entry("GME_DATABASE_URL", "jdbc:postgresql://db.internal/gme"),
                Map.entry("GME_DATABASE_USER", "gme"), Map.entry("GME_DATABASE_PASSWORD", "secret"),
                Map.entry("GME_SMTP_HOST", "smtp.example.org"), Map.entry("GME_SMTP_PORT", "2525"), Map.entry("GME_SMTP_USER", "site"),
                Map.entry("GME_SMTP_PASSWORD", "mail-secret"), Map.entry("GME_MAIL_FROM", "gme-web@example.org"),
                Map.entry("GME_BEHIND_PROXY", "true"), Map.entry("GME_FORM_SECRET", "a-form-secret-of-at-least-32-characters"),
                Map.entry("GME_PREVIEW_SECRET", "a-preview-secret-of-at-least-32-characters"),
                Map.entry("GME_API_ORIGINS", "https://events.example.org, http://localhost:5173"),
                Map.entry("GME_WEBHOOK_URLS", "https://mirror.example.org/hooks/gme, http://10.0.0.5:8080/in"),
                Map.entry("GME_WEBHOOK_SECRET", "a-webhook-secret-1234"), Map.entry("GME_SHARED_CACHE_SECONDS", "3"),
                Map.entry("GME_METRICS_TOKEN", "a-metrics-token-1234"), Map.entry("GME_MIRROR_DIR", "/srv/gme-mirror")));
        assertThat(Settings.from(Map.of("GME_WATCH", "false")).watchContent()).isFalse();
        assertThat(settings).isEqualTo(new Settings("127.0.0.1", 8080, Path.of("/srv/content"), Path.of("/srv/static"),
                "https://gme.example.org", true, 64L << 20, true,
                new DatabaseSettings("jdbc:postgresql://db.internal/gme", "gme", "secret"),
                new MailSettings("smtp.example.org", 2525, "site", "mail-secret", true, "gme-web@example.org"), TrustedProxies.one(),
                new FormSecret("a-form-secret-of-at-least-32-characters"),
                new edu.rush.gme.preview.PreviewSecret("a-preview-secret-of-at-least-32-characters", Path.of("data", "preview.key")),
                List.of("https://events.example.org", "http://localhost:5173"),
                WebhookSettings.of("a-webhook-secret-1234", java.net.URI.create("https://mirror.example.org/hooks/gme"),
                        java.net.URI.create("http://10.0.0.5:8080/in")), 3, edu.rush.gme.metrics.MetricsToken.from("a-metrics-token-1234"),
                Path.of("/srv/gme-mirror")));
        assertThat(settings.https()).isTrue();
        assertThat(settings.toString()).doesNotContain("a-webhook-secret").doesNotContain("a-metrics-token");
    }

    @Test
    void metrics_are_off_without_a_token_and_a_short_token_is_refused() {
        assertThat(Settings.from(Map.of()).metricsToken().isSet()).isFalse();
        assertThat(Settings.from(Map.of("GME_METRICS_TOKEN", " ")).metricsToken().isSet()).isFalse();
        assertThatThrownBy(() -> Settings.from(Map.of("GME_METRICS_TOKEN", "too-short")))
                .hasMessage("GME_METRICS_TOKEN must be at least 16 characters (a random string), or unset to turn metrics off");
        edu.rush.gme.metrics.MetricsToken token = Settings.from(Map.of("GME_METRICS_TOKEN", "a-metrics-token-1234")).metricsToken();
        assertThat(token.opens("Bearer a-metrics-token-1234")).isTrue();
        assertThat(token.opens("bearer a-metrics-token-1234")).as("the scheme in any case").isTrue();
        assertThat(token.opens("Bearer a-metrics-token-1235")).isFalse();
        assertThat(token.opens("a-metrics-token-1234")).isFalse();
        assertThat(token.opens(null)).isFalse();
    }

    @Test
    void refuses_webhook_addresses_that_are_not_http_and_a_missing_or_short_secret() {
        assertThatThrownBy(() -> Settings.from(Map.of("GME_WEBHOOK_URLS", "https://ok.example.org/in,ftp://files.example.org/in",
                "GME_WEBHOOK_SECRET", "a-webhook-secret-1234")))
                .hasMessage("GME_WEBHOOK_URLS must be http or https addresses separated by commas, like https://example.org/hooks/gme;"
                        + " 'ftp://files.example.org/in' is not one");
        assertThatThrownBy(() -> Settings.from(Map.of("GME_WEBHOOK_URLS", "example.org/in", "GME_WEBHOOK_SECRET", "a-webhook-secret-1234")))
                .hasMessageContaining("'example.org/in' is not one");
        assertThatThrownBy(() -> Settings.from(Map.of("GME_WEBHOOK_URLS", "https://ok.example.org/in")))
                .hasMessageStartingWith("GME_WEBHOOK_SECRET must be set, at least 16 characters, when GME_WEBHOOK_URLS is");
        assertThatThrownBy(() -> Settings.from(Map.of("GME_WEBHOOK_URLS", "https://ok.example.org/in", "GME_WEBHOOK_SECRET", "short")))
                .hasMessageStartingWith("GME_WEBHOOK_SECRET must be set, at least 16 characters");
        assertThat(Settings.from(Map.of()).webhooks().configured()).isFalse();
    }

    @Test
    void refuses_a_shared_cache_time_that_is_not_a_number_of_seconds() {
        assertThatThrownBy(() -> Settings.from(Map.of("GME_SHARED_CACHE_SECONDS", "5s")))
                .hasMessage("GME_SHARED_CACHE_SECONDS must be a whole number of seconds from 0 to 3600, got '5s'");
        assertThatThrownBy(() -> Settings.from(Map.of("GME_SHARED_CACHE_SECONDS", "-1"))).hasMessageContaining("got '-1'");
        assertThat(Settings.from(Map.of()).sharedCacheSeconds()).isZero();
    }

    @Test
    void refuses_an_api_origin_that_is_not_one() {
        assertThatThrownBy(() -> Settings.from(Map.of("GME_API_ORIGINS", "https://events.example.org/path")))
                .hasMessageContaining("GME_API_ORIGINS must list origins like https://events.example.org")
                .hasMessageContaining("got 'https://events.example.org/path'");
        assertThat(Settings.from(Map.of()).apiOrigins()).isEmpty();
    }

    @Test
    void never_prints_the_database_or_mail_password() {
        Settings settings = Settings.from(Map.of("GME_DATABASE_URL", "jdbc:postgresql://db/gme?user=gme&password=hunter2",
                "GME_DATABASE_PASSWORD", "secret", "GME_SMTP_HOST", "smtp.example.org", "GME_SMTP_PASSWORD", "mail-secret",
                "GME_MAIL_FROM", "gme-web@example.org"));
        assertThat(settings.toString()).doesNotContain("hunter2", "secret", "mail-secret");
        assertThat(Settings.from(Map.of("GME_FORM_SECRET", "form-secret-form-secret-form-secret")).toString()).doesNotContain("form-secret");
        assertThat(Settings.from(Map.of("GME_PREVIEW_SECRET", "preview-secret-preview-secret-preview")).toString()).doesNotContain("preview-secret");
    }

    @Test
    void rejects_a_database_that_is_neither_sqlite_nor_postgresql() {
        assertThatThrownBy(() -> Settings.from(Map.of("GME_DATABASE_URL", "jdbc:mysql://db/gme")))
                .hasMessage("GME_DATABASE_URL must be a jdbc:sqlite: or jdbc:postgresql: URL, got 'jdbc:mysql://db/gme'");
    }

    @Test
    void asks_for_a_sender_address_when_a_mail_server_is_set() {
        assertThatThrownBy(() -> Settings.from(Map.of("GME_SMTP_HOST", "smtp.example.org")))
                .hasMessage("GME_MAIL_FROM must be the sender's e-mail address when GME_SMTP_HOST is set, got 'null'");
    }

    @Test
    void reads_how_many_proxies_stand_in_front_and_which_header_they_write() {
        assertThat(Settings.from(Map.of("GME_BEHIND_PROXY", "true", "GME_TRUSTED_PROXIES", "2", "GME_FORWARDED_HEADER", "forwarded")).proxies())
                .isEqualTo(new TrustedProxies(2, TrustedProxies.Header.FORWARDED));
        assertThat(Settings.from(Map.of("GME_TRUSTED_PROXIES", "2")).proxies().any()).as("only behind a proxy").isFalse();
        assertThatThrownBy(() -> Settings.from(Map.of("GME_BEHIND_PROXY", "true", "GME_TRUSTED_PROXIES", "none")))
                .hasMessage("GME_TRUSTED_PROXIES must be the number of proxies in front of the server (1 to 10), got 'none'");
        assertThatThrownBy(() -> Settings.from(Map.of("GME_BEHIND_PROXY", "true", "GME_FORWARDED_HEADER", "X-Real-IP")))
                .hasMessage("GME_FORWARDED_HEADER must be X-Forwarded-For or Forwarded, got 'X-Real-IP'");
    }

    @Test
    void rejects_a_port_that_is_not_a_number() {
        assertThatThrownBy(() -> Settings.from(Map.of("GME_PORT", "seventy")))
                .hasMessage("GME_PORT must be a port number from 0 to 65535, got 'seventy'");
    }
}
