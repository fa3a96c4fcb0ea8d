package edu.rush.gme.program;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The three kinds of training program, each with its own list page. */
public enum ProgramType {
    RESIDENCY("residency", "Residency Programs", "Residency"),
    FELLOWSHIP("fellowship", "Fellowship Programs", "Fellowship"),
    ALLIED_HEALTH("allied-health", "Allied Health Residency Programs", "Allied health residency");

    private final String key;
    private final String listTitle;
    private final String label;

    ProgramType(String key, String listTitle, String label) {
        this.key = key;
        this.listTitle = listTitle;
        this.label = label;
    }

    /** The value written in front matter and used in URLs, e.g. {@code allied-health}. */
    @JsonValue
    public String key() {
        return key;
    }

    /** Its list page, {@code /programs/residency}. */
    public String url() {
        return "/programs/" + key;
    }

    public String listTitle() {
        return listTitle;
    }

    public String label() {
        return label;
    }

    public static Optional<ProgramType> fromKey(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }
}
