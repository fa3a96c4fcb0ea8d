package edu.rush.gme.content;

/**
 * A content file cut into its YAML front matter and its Markdown body, remembering on which line
 * of the file each part starts so that problems can point at the right line.
 */
public record SourceText(String file, String frontMatter, int frontMatterLine, String body) {

    static final String DELIMITER = "---";

    /**
     * Splits {@code text} (the whole file) at its {@code ---} lines.
     *
     * @param file the path shown in problems, e.g. {@code content/news/story.md}
     */
    public static SourceText split(String file, String text) throws ContentException {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        String[] lines = normalized.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(DELIMITER)) {
            throw new ContentException(new ContentProblem(file, 1, 1,
                    "missing front matter: the file must start with a line '---', then the YAML fields, then '---'"));
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals(DELIMITER)) {
                String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
                String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                return new SourceText(file, yaml, 2, body);
            }
        }
        throw new ContentException(new ContentProblem(file, 1, 1,
                "front matter is not closed: add a line '---' after the YAML fields"));
    }
}
