package edu.rush.gme.inquiry;

import java.util.Arrays;
import java.util.Optional;

/** Who is asking: tells the coordinator which rules (exams, visas) matter for the answer. */
public enum ApplicantType {
    US_MD("us-md", "Student or graduate of a US MD school"),
    US_DO("us-do", "Student or graduate of a US DO school"),
    IMG("img", "International medical graduate"),
    OTHER("other", "Other (for example pharmacy, psychology, nursing or physician assistant)");

    private final String key;
    private final String label;

    ApplicantType(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<ApplicantType> byKey(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }
}
