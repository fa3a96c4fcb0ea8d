package edu.rush.gme.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import edu.rush.gme.content.FrontMatter.FieldProblem;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Binds a file's YAML front matter into {@link Meta} plus the content type's own record, and turns
 * every mistake (bad YAML, unknown or duplicate field, wrong type, missing or invalid value) into a
 * {@link ContentProblem} at the line and column of the offending field.
 */
public final class FrontMatterReader {

    private static final String ROOT_TYPE = "rootType";

    private final ObjectMapper mapper;

    public FrontMatterReader() {
        this.mapper = YAMLMapper.builder(new YAMLFactory())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addModule(new JavaTimeModule())
                .addHandler(new NestedUnknownFieldsFail())
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("canonical-strings")
                        .addDeserializer(String.class, new CanonicalStrings()))
                .build();
    }

    /**
     * The result of a successful read: the common fields, the type's own, and where each field's
     * key stands in the file (for problems found later, such as a duplicate slug).
     */
    public record Parsed<T>(Meta meta, T data, Supplier<Map<String, int[]>> positions) {

        /** Where each field's key stands as [line, column]; worked out only when a problem needs it. */
        public Map<String, int[]> fieldPositions() {
            return positions.get();
        }
    }

    public <T extends FrontMatter> Parsed<T> read(SourceText source, Class<T> type) throws ContentException {
        return read(source, type, () -> source);
    }

    /**
     * The same, for a file whose text is not kept: a good file's field positions, if a problem ever
     * needs them, are found in {@code again} (the same text, made anew).
     */
    public <T extends FrontMatter> Parsed<T> read(SourceText source, Class<T> type, Supplier<SourceText> again) throws ContentException {
        Parsed<T> valid = readValid(source, type, again);
        return valid != null ? valid : readCarefully(source, type);
    }

    /**
     * The common case, a good file, in one YAML parse: read a tree, check its field names, bind both
     * records from it, validate. Anything wrong returns null, and {@link #readCarefully} parses the
     * text again to say exactly where (YAML parsing dominates the cost of loading content).
     */
    private <T extends FrontMatter> Parsed<T> readValid(SourceText source, Class<T> type, Supplier<SourceText> again) {
        try {
            JsonNode tree = source.frontMatter().isBlank() ? null : mapper.readTree(source.frontMatter());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                tree = mapper.createObjectNode();
            }
            if (!tree.isObject()) {
                return null;
            }
            Set<String> allowed = allowedFields(type);
            for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
                if (!allowed.contains(names.next())) {
                    return null;
                }
            }
            Meta meta = mapper.readerFor(Meta.class).withAttribute(ROOT_TYPE, Meta.class).readValue(tree);
            T data = mapper.readerFor(type).withAttribute(ROOT_TYPE, type).readValue(tree);
            if (meta == null || data == null || !meta.validate().isEmpty() || !data.validate(meta).isEmpty()) {
                return null;
            }
            return new Parsed<>(meta, data, positionsOf(again));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private final Map<Class<?>, Set<String>> allowedByType = new java.util.concurrent.ConcurrentHashMap<>();

    private Set<String> allowedFields(Class<?> type) {
        return allowedByType.computeIfAbsent(type, t -> {
            Set<String> allowed = new LinkedHashSet<>(componentNames(Meta.class));
            allowed.addAll(componentNames(t));
            return Set.copyOf(allowed);
        });
    }

    /** Key positions of a good file, scanned (once) only when asked for. */
    private Supplier<Map<String, int[]>> positionsOf(Supplier<SourceText> text) {
        return new Supplier<>() {
            private Map<String, int[]> positions;

            @Override
            public synchronized Map<String, int[]> get() {
                if (positions == null) {
                    SourceText source = text.get();
                    positions = positions(source, scanKeys(source, new ArrayList<>()));
                }
                return positions;
            }
        };
    }

    private static Map<String, int[]> positions(SourceText source, Map<String, JsonLocation> keys) {
        Map<String, int[]> positions = new LinkedHashMap<>();
        keys.forEach((key, location) -> {
            ContentProblem p = at(source, location, "");
            positions.put(key, new int[] {p.line(), p.column()});
        });
        return Map.copyOf(positions);
    }

    /** Reads a file field by field from its text, so that every problem has its line and column. */
    private <T extends FrontMatter> Parsed<T> readCarefully(SourceText source, Class<T> type) throws ContentException {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, JsonLocation> keys = scanKeys(source, problems);
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        reportUnknownTopLevelKeys(source, keys, type, problems);
        Meta meta = bind(source, Meta.class, problems, keys);
        T data = bind(source, type, problems, keys);
        if (meta != null && data != null) {
            List<FieldProblem> invalid = new ArrayList<>(meta.validate());
            invalid.addAll(data.validate(meta));
            for (FieldProblem p : invalid) {
                problems.add(at(source, locate(keys, p.field()), p.message()));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new ContentException(problems);
        }
        Map<String, int[]> positions = positions(source, keys);
        return new Parsed<>(meta, data, () -> positions);
    }

    /** Binds a whole YAML document (such as site.yaml) that has no Markdown body. */
    public <T extends FrontMatter> T readDocument(String file, String yaml, Class<T> type) throws ContentException {
        SourceText source = new SourceText(file, yaml, 1, "");
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, JsonLocation> keys = scanKeys(source, problems);
        if (problems.isEmpty()) {
            Set<String> allowed = componentNames(type);
            keys.forEach((key, location) -> {
                if (!key.contains(".") && !key.contains("[") && !allowed.contains(key)) {
                    problems.add(at(source, location, unknownFieldMessage(key, allowed)));
                }
            });
            T data = bind(source, type, problems, keys);
            if (data != null) {
                for (FieldProblem p : data.validate(null)) {
                    problems.add(at(source, locate(keys, p.field()), p.message()));
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new ContentException(problems);
        }
        return bindQuietly(source, type);
    }

    private <T> T bindQuietly(SourceText source, Class<T> type) throws ContentException {
        List<ContentProblem> problems = new ArrayList<>();
        T value = bind(source, type, problems);
        if (value == null) {
            throw new ContentException(problems);
        }
        return value;
    }

    /** Walks the YAML once: checks syntax and duplicates, and records where each field's key is. */
    private Map<String, JsonLocation> scanKeys(SourceText source, List<ContentProblem> problems) {
        Map<String, JsonLocation> keys = new LinkedHashMap<>();
        if (source.frontMatter().isBlank()) {
            return keys;
        }
        try (JsonParser parser = mapper.createParser(source.frontMatter())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return keys;
            }
            if (first != JsonToken.START_OBJECT) {
                problems.add(at(source, parser.currentTokenLocation(),
                        "front matter must be fields written as 'name: value', one per line"));
                return keys;
            }
            scanObject(parser, "", keys);
        } catch (JsonProcessingException e) {
            problems.add(syntaxProblem(source, e));
        } catch (IOException e) {
            problems.add(new ContentProblem(source.file(), source.frontMatterLine(), 1, "cannot read front matter: " + e.getMessage()));
        }
        return keys;
    }

    private static void scanObject(JsonParser parser, String prefix, Map<String, JsonLocation> keys) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String path = prefix + parser.currentName();
            keys.put(path, parser.currentTokenLocation());
            scanValue(parser, parser.nextToken(), path, keys);
        }
    }

    private static void scanValue(JsonParser parser, JsonToken token, String path, Map<String, JsonLocation> keys) throws IOException {
        if (token == JsonToken.START_OBJECT) {
            scanObject(parser, path + ".", keys);
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            JsonToken element;
            while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                String elementPath = path + "[" + index++ + "]";
                keys.put(elementPath, parser.currentTokenLocation());
                scanValue(parser, element, elementPath, keys);
            }
        }
    }

    private void reportUnknownTopLevelKeys(SourceText source, Map<String, JsonLocation> keys, Class<?> type, List<ContentProblem> problems) {
        Set<String> allowed = new LinkedHashSet<>(componentNames(Meta.class));
        allowed.addAll(componentNames(type));
        keys.forEach((key, location) -> {
            if (!key.contains(".") && !key.contains("[") && !allowed.contains(key)) {
                problems.add(at(source, location, unknownFieldMessage(key, allowed)));
            }
        });
    }

    private <T> T bind(SourceText source, Class<T> type, List<ContentProblem> problems) {
        return bind(source, type, problems, Map.of());
    }

    private <T> T bind(SourceText source, Class<T> type, List<ContentProblem> problems, Map<String, JsonLocation> keys) {
        String yaml = source.frontMatter().isBlank() ? "{}" : source.frontMatter();
        try {
            ObjectReader reader = mapper.readerFor(type).withAttribute(ROOT_TYPE, type);
            T value = reader.readValue(yaml);
            return value != null ? value : reader.readValue("{}");
        } catch (JsonMappingException e) {
            JsonLocation location = e.getLocation();
            if (location == null || location.getLineNr() < 1) {
                location = locate(keys, pathOf(e.getPath()));
            }
            problems.add(at(source, location, mappingMessage(e)));
        } catch (JsonProcessingException e) {
            problems.add(syntaxProblem(source, e));
        }
        return null;
    }

    static Set<String> componentNames(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            return Set.of();
        }
        return Arrays.stream(components).map(FrontMatterReader::fieldName).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The name a field is written with: the component's name, or its {@code @JsonProperty}. */
    private static String fieldName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static String unknownFieldMessage(String key, Collection<String> allowed) {
        String suggestion = closest(key, allowed);
        if (suggestion != null) {
            return "unknown field '" + key + "' (did you mean '" + suggestion + "'?)";
        }
        return "unknown field '" + key + "'; the fields allowed here are: " + String.join(", ", allowed);
    }

    /** The allowed name a typo most likely meant: same letters ignoring case, or at most two edits away. */
    public static String closest(String key, Collection<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(key) || candidate.replace("_", "").equalsIgnoreCase(key.replace("_", "").replace("-", ""))) {
                return candidate;
            }
            int distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private String mappingMessage(JsonMappingException e) {
        String field = pathOf(e.getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            String parent = field.contains(".") ? field.substring(0, field.lastIndexOf('.') + 1) : "";
            Collection<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(id -> parent + id).toList();
            return unknownFieldMessage(field, known);
        }
        Class<?> target = targetType(e);
        String expected = describe(target);
        if (e instanceof InvalidFormatException invalid) {
            return "'" + field + "' must be " + expected + ", got \"" + invalid.getValue() + "\"";
        }
        if (target == null) {
            return "'" + field + "' has a value that cannot be read: " + e.getOriginalMessage();
        }
        return "'" + field + "' must be " + expected;
    }

    private static Class<?> targetType(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch) {
            return mismatch.getTargetType();
        }
        return null;
    }

    private String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date written as YYYY-MM-DD, like 2026-09-15";
        }
        if (type == DateOrTime.class) {
            return DateOrTime.FORMS;
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> mapper.convertValue(constant, String.class))
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list (one '- item' per line)";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "a group of fields ('name: value' lines indented below it)";
        }
        return "a " + type.getSimpleName();
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "front matter" : out.toString();
    }

    /**
     * A YAML syntax error where the parser found it, in the parser's words. Jackson's own location is
     * the last good token, and its message's first line only the context, so both come from SnakeYAML.
     */
    private static ContentProblem syntaxProblem(SourceText source, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return at(source, yaml.getProblemMark(), "invalid YAML: " + plain(yaml.getProblem()) + context(source, yaml));
        }
        return at(source, e.getLocation(), yamlMessage(e));
    }

    /** The parser writes a tab as '\t(TAB)'; staff read "a tab". */
    private static String plain(String problem) {
        return problem.replace("'\\t(TAB)'", "a tab").replace("\\t(TAB)", "tabs");
    }

    /** What the parser was reading, when that began elsewhere: an unclosed quote says where it opened. */
    private static String context(SourceText source, MarkedYAMLException e) {
        Mark start = e.getContextMark();
        Mark problem = e.getProblemMark();
        if (e.getContext() == null || start == null || (start.getLine() == problem.getLine() && start.getColumn() == problem.getColumn())) {
            return "";
        }
        ContentProblem opened = at(source, start, "");
        return " (" + e.getContext() + " from line " + opened.line() + ", column " + opened.column() + ")";
    }

    private static String yamlMessage(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate field")) {
            int quote = original.indexOf('\'');
            String name = quote >= 0 ? original.substring(quote + 1, original.indexOf('\'', quote + 1)) : "?";
            return "duplicate field '" + name + "': each field may appear once";
        }
        String firstLine = original == null ? "syntax error" : original.lines().findFirst().orElse("syntax error");
        return "invalid YAML: " + firstLine;
    }

    /** The location of a field's key, or of the nearest enclosing key; null when the field is absent. */
    private static JsonLocation locate(Map<String, JsonLocation> keys, String field) {
        String path = field;
        while (path != null && !path.isEmpty()) {
            JsonLocation location = keys.get(path);
            if (location != null) {
                return location;
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut > 0 ? path.substring(0, cut) : null;
        }
        return null;
    }

    /** A problem at a YAML location, shifted to the file's own line numbers. */
    private static ContentProblem at(SourceText source, JsonLocation location, String message) {
        if (location == null || location.getLineNr() < 1) {
            return new ContentProblem(source.file(), Math.max(1, source.frontMatterLine() - 1), 1, message);
        }
        return at(source, location.getLineNr(), location.getColumnNr(), message);
    }

    /** A problem at a SnakeYAML mark, which counts lines and columns from 0. */
    private static ContentProblem at(SourceText source, Mark mark, String message) {
        return at(source, mark.getLine() + 1, mark.getColumn() + 1, message);
    }

    /** A problem at a line and column of the YAML (from 1), shifted to the file's own line numbers. */
    private static ContentProblem at(SourceText source, int line, int column, String message) {
        return new ContentProblem(source.file(), source.frontMatterLine() - 1 + line, Math.max(1, column), message);
    }

    /**
     * Every string of front matter as one shared instance per value: the same sites, departments,
     * accreditors, tags, months, visas and links recur across thousands of programs, and each file's
     * parse made its own copies (at 10,000 programs several MB of a 256 MiB container's heap,
     * docs/performance.md "Memory"). Interned strings are collected once nothing uses them. Read
     * exactly as Jackson's own string deserializer reads them, coercions included.
     */
    private static final class CanonicalStrings extends com.fasterxml.jackson.databind.deser.std.StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            return value == null ? null : value.intern();
        }
    }

    /** Root-level fields belong to the other record (Meta or the type's own) and were checked already; nested ones must be known. */
    private static final class NestedUnknownFieldsFail extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            if (deserializer != null && deserializer.handledType() == ctxt.getAttribute(ROOT_TYPE)) {
                p.skipChildren();
                return true;
            }
            throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName,
                    deserializer == null ? null : deserializer.getKnownPropertyNames());
        }
    }
}
