package edu.rush.gme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so check what can be checked of deploy/: the JVM accepts the
 * production flags file, the image and the compose file use it, and every file the compose file
 * mounts is in the repository. (nginx's part is run for real by web.BehindNginxTest.)
 */
class DeployFilesTest {

    private static final Path OPTIONS = Path.of("deploy", "jvm.options");

    @Test
    void the_jvm_accepts_the_production_flags_file() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "@" + OPTIONS, "-XX:-IgnoreUnrecognizedVMOptions", "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("bool UseSerialGC\\s+= true").containsPattern("bool ExitOnOutOfMemoryError\\s+= true");
    }

    @Test
    void the_commands_flags_file_runs_validate_whether_or_not_the_class_archive_exists() throws Exception {
        // From the test's classes (no jar here, no archive either: the file's archive line must then be silent).
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path content = edu.rush.gme.ContentFixture.minimal(Files.createTempDirectory("gme-commands")).dir();
        Process process = new ProcessBuilder(java.toString(), "@deploy/commands.options", "-cp", System.getProperty("java.class.path"),
                "edu.rush.gme.App", "validate", content.toString()).start();
        String output = new String(process.getInputStream().readAllBytes());
        String errors = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output + errors).isZero();
        assertThat(output).as("the JVM adds nothing to what validate prints").startsWith("content is valid");
        assertThat(errors).doesNotContainIgnoringCase("shared archive").doesNotContain("warning");
        assertThat(Files.readString(Path.of("README.md"))).contains("java @deploy/commands.options -jar target/gme-site.jar validate");
    }

    @Test
    void the_image_runs_with_the_production_flags_file_and_no_flags_of_its_own() throws IOException {
        List<String> dockerfile = Files.readAllLines(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("COPY deploy/jvm.options /app/jvm.options");
        String entrypoint = dockerfile.stream().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
        assertThat(entrypoint).contains("\"@/app/jvm.options\"").doesNotContain("GC").doesNotContain("RAM");
        assertThat(dockerfile).noneMatch(l -> l.contains("JAVA_TOOL_OPTIONS"));
    }

    @Test
    void every_file_the_compose_file_mounts_is_in_the_repository() throws IOException {
        // SnakeYAML (under Jackson's YAML module) applies the merge key (<<: *app) that Jackson's tree leaves alone.
        Object yaml = new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("deploy", "compose.yaml")));
        JsonNode compose = new ObjectMapper().valueToTree(yaml);
        List<String> mounts = new ArrayList<>();
        compose.get("services").forEach(service -> {
            if (service.has("volumes")) {
                service.get("volumes").forEach(volume -> mounts.add(volume.asText().split(":")[0]));
            }
        });
        List<String> files = mounts.stream().filter(source -> source.startsWith(".")).toList();
        assertThat(files).contains("./nginx/nginx.conf", "./nginx/gme-http.conf", "./nginx/gme-locations.conf", "../content");
        for (String file : files) {
            assertThat(Path.of("deploy").resolve(file)).as(file).exists();
        }
        // Both instances run the same image with the same settings, behind one proxy, with the shared-cache time.
        JsonNode app1 = compose.get("services").get("app1");
        assertThat(app1.get("environment").get("GME_BEHIND_PROXY").asText()).isEqualTo("true");
        assertThat(app1.get("environment").get("GME_SHARED_CACHE_SECONDS").asInt()).isBetween(1, 4);
        assertThat(compose.get("services").get("app2")).isEqualTo(app1);
    }
}
