package edu.rush.gme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No Docker engine runs here, so check what can be checked: every path the Dockerfile copies exists. */
class DockerfileTest {

    private final List<String> lines = read();

    private static List<String> read() {
        try {
            return Files.readAllLines(Path.of("Dockerfile"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void every_path_copied_from_the_repository_exists() {
        List<String> copies = lines.stream().filter(l -> l.startsWith("COPY ") && !l.contains("--from=")).toList();
        assertThat(copies).isNotEmpty();
        for (String copy : copies) {
            String[] words = copy.replaceAll("--chown=\\S+", "").trim().split("\\s+");
            for (int i = 1; i < words.length - 1; i++) {
                assertThat(Path.of(words[i])).as(copy).exists();
            }
        }
    }

    @Test
    void the_jar_copied_from_the_build_stage_is_the_one_maven_builds() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<finalName>gme-site</finalName>");
        assertThat(lines).anyMatch(l -> l.startsWith("COPY --from=build /build/target/gme-site.jar "));
    }

    @Test
    void runs_as_a_non_root_user_with_a_health_check_and_an_exposed_port() {
        assertThat(lines).anyMatch(l -> l.startsWith("USER ") && !l.contains("root"));
        assertThat(lines).anyMatch(l -> l.startsWith("EXPOSE 7070"));
        assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK "));
        assertThat(lines).anyMatch(l -> l.contains("edu.rush.gme.HealthCheck"));
        assertThat(Path.of("src/main/java/edu/rush/gme/HealthCheck.java")).exists();
        assertThat(lines.stream().filter(l -> l.startsWith("FROM ")).count()).isEqualTo(2);
    }

    @Test
    void builds_the_search_index_of_its_content_before_the_data_folder_becomes_a_volume() {
        int index = lines.indexOf(lines.stream().filter(l -> l.contains("/app/gme-site.jar " + edu.rush.gme.search.IndexCommand.COMMAND + " "))
                .findFirst().orElseThrow());
        assertThat(lines.get(index)).startsWith("RUN mkdir /app/data && java @/app/jvm.options").endsWith("chown -R gme:gme /app/data");
        // Docker drops what a later step writes under a path declared a volume; the content must be in the image by then.
        assertThat(index).isLessThan(lines.indexOf("VOLUME /app/data"));
        assertThat(lines.indexOf("COPY --chown=gme:gme content /app/content")).isBetween(0, index);
    }

    @Test
    void keeps_the_database_in_a_volume_the_server_can_write() {
        assertThat(lines).anyMatch(l -> l.contains("chown -R gme:gme /app/data"));
        assertThat(lines).anyMatch(l -> l.startsWith("VOLUME /app/data"));
        assertThat(lines).anyMatch(l -> l.contains("GME_DATABASE_URL=jdbc:sqlite:/app/data/gme.db"));
    }
}
