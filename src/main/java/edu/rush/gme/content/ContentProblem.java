package edu.rush.gme.content;

/**
 * One thing wrong with one content file, located like a compiler error:
 * {@code content/news/story.md:3:7: message}.
 */
public record ContentProblem(String file, int line, int column, String message) implements Comparable<ContentProblem> {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    @Override
    public int compareTo(ContentProblem other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }
}
