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
        // Line by line up to the closing '---' only: the body (most of a file) is cut off whole.
        int end = lineEnd(normalized, 0);
        if (!isDelimiter(normalized, 0, end)) {
            throw new ContentException(new ContentProblem(file, 1, 1,
                    "missing front matter: the file must start with a line '---', then the YAML fields, then '---'"));
        }
        int yamlStart = Math.min(end + 1, normalized.length());
        for (int start = end + 1; start <= normalized.length() && end < normalized.length(); start = end + 1) {
            end = lineEnd(normalized, start);
            if (isDelimiter(normalized, start, end)) {
                String yaml = start == yamlStart ? "" : normalized.substring(yamlStart, start - 1);
                String body = end >= normalized.length() ? "" : normalized.substring(end + 1);
                return new SourceText(file, yaml, 2, body);
            }
        }
        throw new ContentException(new ContentProblem(file, 1, 1,
                "front matter is not closed: add a line '---' after the YAML fields"));
    }

    private static int lineEnd(String text, int start) {
        int newline = text.indexOf('\n', start);
        return newline < 0 ? text.length() : newline;
    }

    private static boolean isDelimiter(String text, int start, int end) {
        return end - start >= DELIMITER.length() && text.substring(start, end).strip().equals(DELIMITER);
    }
}
