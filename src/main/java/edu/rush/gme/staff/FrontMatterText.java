package edu.rush.gme.staff;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A content file's text as staff wrote it, edited one field at a time: the front matter's keys are
 * found with SnakeYAML's node marks, and only a field whose value changed has its lines rewritten,
 * so key order, comments and quoting of every other field stay byte for byte.
 */
final class FrontMatterText {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");
    /** Words YAML 1.1 (SnakeYAML) reads as a boolean or null: always quoted in a list of text. */
    private static final Pattern KEYWORD = Pattern.compile("(?i)y|n|yes|no|on|off|true|false|null");

    /** A top-level key's text as written: its scalar value, or its list of scalars; {@code complex} for anything else. */
    record Value(String scalar, List<String> items, boolean complex) {
    }

    /** The file cut at its {@code ---} lines, with the delimiters as written. */
    record Parts(String head, String yaml, String separator, String body) {
        String join() {
            return head + yaml + separator + body;
        }
    }

    private FrontMatterText() {
    }

    /** Splits a file like {@code SourceText} does; null when it has no closed front matter. */
    static Parts split(String text) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---")) {
            return null;
        }
        int firstEnd = normalized.indexOf('\n');
        if (firstEnd < 0 || !normalized.substring(0, firstEnd).strip().equals("---")) {
            return null;
        }
        int at = firstEnd + 1;
        while (at <= normalized.length()) {
            int end = normalized.indexOf('\n', at);
            String line = end < 0 ? normalized.substring(at) : normalized.substring(at, end);
            if (line.strip().equals("---")) {
                String separator = end < 0 ? line : normalized.substring(at, end + 1);
                return new Parts(normalized.substring(0, firstEnd + 1), normalized.substring(firstEnd + 1, at), separator,
                        end < 0 ? "" : normalized.substring(end + 1));
            }
            if (end < 0) {
                break;
            }
            at = end + 1;
        }
        return null;
    }

    /** Each top-level key's value as written; empty when the YAML cannot be read (the loader reports why). */
    static Map<String, Value> values(String yaml) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (Entry entry : entries(yaml)) {
            values.put(entry.key(), entry.value());
        }
        return values;
    }

    /**
     * Each top-level key's value as its own YAML text, as the editor shows a value it has no control for
     * (an object, a list of objects): the lines after {@code key:} with their common indentation taken
     * off, or the text on the key's line (a flow value, a scalar) followed by those lines.
     */
    static Map<String, String> texts(String yaml) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Entry entry : entries(yaml)) {
            String after = yaml.substring(entry.start(), Math.min(entry.lineEnd(), yaml.length()));
            after = after.substring(after.indexOf(':') + 1);
            int newline = after.indexOf('\n');
            String first = (newline < 0 ? after : after.substring(0, newline)).strip();
            List<String> rest = newline < 0 ? List.of() : after.substring(newline + 1).lines().toList();
            int indent = rest.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
            StringBuilder text = new StringBuilder(first.startsWith("#") ? "" : first);
            for (String line : rest) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(line.isBlank() ? "" : line.substring(indent).stripTrailing());
            }
            texts.put(entry.key(), text.toString().strip());
        }
        return texts;
    }

    /** A value typed as YAML text, as {@link #apply} writes it after {@code key:}: a one-line flow value or scalar on the key's line, anything else indented below it. */
    static String block(String text) {
        String typed = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (typed.isEmpty()) {
            return null;
        }
        if (!typed.contains("\n") && (typed.startsWith("{") || typed.startsWith("[") || !typed.contains(": ") && !typed.startsWith("- "))) {
            return " " + typed;
        }
        StringBuilder out = new StringBuilder();
        for (String line : typed.lines().toList()) {
            out.append('\n').append(line.isBlank() ? "" : "  " + line.stripTrailing());
        }
        return out.toString();
    }

    /** The key a problem at {@code line} of the file (the YAML starting on line 2) belongs to; null for none. */
    static String keyAt(String yaml, int line) {
        String found = null;
        for (Entry entry : entries(yaml)) {
            int keyLine = 2 + (int) yaml.substring(0, entry.start()).chars().filter(c -> c == '\n').count();
            if (keyLine <= line) {
                found = entry.key();
            }
        }
        return found;
    }

    /** A key with where its text starts and ends in the YAML. */
    private record Entry(String key, Value value, int start, int end, int lineStart, int lineEnd) {
    }

    private static List<Entry> entries(String yaml) {
        List<Entry> entries = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (RuntimeException unreadable) {
            return entries;
        }
        if (!(root instanceof MappingNode mapping)) {
            return entries;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                continue;
            }
            Node node = tuple.getValueNode();
            Value value;
            Mark end = node.getEndMark();
            if (node instanceof ScalarNode scalar) {
                value = new Value(scalar.getValue(), null, false);
            } else if (node instanceof SequenceNode sequence && sequence.getValue().stream().allMatch(n -> n instanceof ScalarNode)) {
                value = new Value(null, sequence.getValue().stream().map(n -> ((ScalarNode) n).getValue()).toList(), false);
                if (!sequence.getValue().isEmpty() && sequence.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK) {
                    end = sequence.getValue().get(sequence.getValue().size() - 1).getEndMark();
                }
            } else {
                value = new Value(null, null, true);
                end = lastInside(node);
            }
            int start = offset(yaml, key.getStartMark());
            int stop = offset(yaml, end);
            int lineStart = yaml.lastIndexOf('\n', start - 1) + 1;
            int lineEnd = yaml.indexOf('\n', Math.max(stop - 1, start));
            entries.add(new Entry(key.getValue(), value, start, stop, lineStart, lineEnd < 0 ? yaml.length() : lineEnd + 1));
        }
        return entries;
    }

    /** The end of the last scalar inside a block node (its own end mark may lie on the next key's line). */
    private static Mark lastInside(Node node) {
        if (node instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
            return lastInside(mapping.getValue().get(mapping.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
            return lastInside(sequence.getValue().get(sequence.getValue().size() - 1));
        }
        return node.getEndMark();
    }

    /** A mark's place as a char offset (marks count code points per line). */
    private static int offset(String text, Mark mark) {
        int at = 0;
        for (int line = 0; line < mark.getLine(); line++) {
            int next = text.indexOf('\n', at);
            if (next < 0) {
                return text.length();
            }
            at = next + 1;
        }
        int lineEnd = text.indexOf('\n', at);
        int limit = lineEnd < 0 ? text.length() : lineEnd;
        int column = Math.min(mark.getColumn(), text.codePointCount(at, limit));
        return text.offsetByCodePoints(at, column);
    }

    /** A new value for a key: its YAML text after {@code key:} (" value" or "\n  - item"), or null to remove the key. */
    static String scalar(String value, boolean quote) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return " " + (quote ? quoted(value) : value);
    }

    static String list(List<String> items) {
        if (items == null || items.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (String item : items) {
            text.append("\n  - ").append(plain(item) ? item : quoted(item));
        }
        return text.toString();
    }

    /** Whether a word of a list reads as itself without quotes (a slug, a visa like J-1). */
    static boolean plain(String item) {
        // Never a leading digit: YAML reads 017 as a number, 2026-01-01 as a date.
        return PLAIN.matcher(item).matches() && !keyword(item) && !Character.isDigit(item.charAt(0));
    }

    /** Whether YAML would read this word as a boolean or null rather than as text. */
    static boolean keyword(String word) {
        return KEYWORD.matcher(word).matches();
    }

    /** A YAML double-quoted string, exactly as typed. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> { }
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * The YAML with each changed key rewritten in place (a null text removes the key, a key not there
     * is added at the end); every other byte as it was.
     */
    static String apply(String yaml, Map<String, String> changes) {
        List<Entry> entries = new ArrayList<>(entries(yaml));
        entries.sort(Comparator.comparingInt(Entry::start).reversed());
        StringBuilder text = new StringBuilder(yaml);
        Map<String, String> added = new LinkedHashMap<>(changes);
        for (Entry entry : entries) {
            if (!changes.containsKey(entry.key())) {
                continue;
            }
            String replacement = changes.get(entry.key());
            added.remove(entry.key());
            if (replacement == null) {
                text.delete(entry.lineStart(), entry.lineEnd());
            } else {
                text.replace(entry.start(), entry.end(), entry.key() + ":" + replacement);
            }
        }
        for (Map.Entry<String, String> add : added.entrySet()) {
            if (add.getValue() == null) {
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            text.append(add.getKey()).append(':').append(add.getValue()).append('\n');
        }
        return text.toString();
    }
}
