package edu.rush.gme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
    }

    @Test
    void reads_every_setting_from_the_environment() {
        Settings settings = Settings.from(Map.of("GME_PORT", "8080", "GME_CONTENT_DIR", "/srv/content", "GME_STATIC_DIR", "/srv/static",
                "GME_BASE_URL", "https://gme.example.org/", "GME_DEV", "true", "GME_HOST", "127.0.0.1"));
        assertThat(Settings.from(Map.of("GME_WATCH", "false")).watchContent()).isFalse();
        assertThat(settings).isEqualTo(new Settings("127.0.0.1", 8080, Path.of("/srv/content"), Path.of("/srv/static"),
                "https://gme.example.org", true, 64L << 20, true));
        assertThat(settings.https()).isTrue();
    }

    @Test
    void rejects_a_port_that_is_not_a_number() {
        assertThatThrownBy(() -> Settings.from(Map.of("GME_PORT", "seventy")))
                .hasMessage("GME_PORT must be a port number from 0 to 65535, got 'seventy'");
    }
}
