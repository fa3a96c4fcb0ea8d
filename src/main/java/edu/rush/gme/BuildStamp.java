package edu.rush.gme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Names the server's build for what is kept between runs or shared between instances (the static
 * mirror's generations, search indexes kept on disk): the jar's size and time. A server run from
 * classes (development, tests) has none, since its code can change under the same name.
 */
public final class BuildStamp {

    private BuildStamp() {
    }

    public static Optional<String> ofJar() {
        try {
            Path code = Path.of(BuildStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return Optional.of(Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis());
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
