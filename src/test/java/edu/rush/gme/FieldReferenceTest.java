package edu.rush.gme;

import edu.rush.gme.content.DateOrTime;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentProblem;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Meta;
import edu.rush.gme.content.SiteConfig;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the front matter reference in docs/editing.md in step with the records: every field of
 * Meta and of every registered type's record (nested ones as {@code group.field}, list items as
 * {@code list[].field}) has its row, no row names a field that does not exist, and each row's
 * type, allowed values and "required" say what the code does.
 */
class FieldReferenceTest {

    private static final Path GUIDE = Path.of("docs", "editing.md");
    private static final String REFERENCE = "## Front matter reference";
    private static final String COMMON = "Every file";
    private static final String SITE = "site.yaml";

    @TempDir
    Path temp;

    /** One row of a reference table. */
    record Row(String field, String type, String required, String allowed, String meaning) {
    }

    @Test
    void every_field_of_every_type_has_a_row_and_every_row_a_field() throws IOException {
        Map<String, Map<String, Row>> tables = tables();
        Map<String, Map<String, Type>> expected = new LinkedHashMap<>();
        expected.put(COMMON, fields(Meta.class));
        for (ContentType<?> type : App.CONTENT_TYPES.all()) {
            expected.put(type.name(), fields(type.record()));
        }
        expected.put(SITE, fields(SiteConfig.class));
        assertThat(tables.keySet()).as("one table per registered type, after the common fields, then site.yaml's").containsExactlyElementsOf(expected.keySet());
        for (var entry : expected.entrySet()) {
            assertThat(tables.get(entry.getKey()).keySet()).as("the fields of " + entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(entry.getValue().keySet());
        }
    }

    @Test
    void every_row_gives_the_fields_type_and_allowed_values() throws IOException {
        Map<String, Map<String, Row>> tables = tables();
        List<String> wrong = new ArrayList<>();
        check(tables.get(COMMON), fields(Meta.class), COMMON, wrong);
        for (ContentType<?> type : App.CONTENT_TYPES.all()) {
            check(tables.get(type.name()), fields(type.record()), type.name(), wrong);
        }
        check(tables.get(SITE), fields(SiteConfig.class), SITE, wrong);
        assertThat(wrong).isEmpty();
    }

    private static void check(Map<String, Row> rows, Map<String, Type> fields, String table, List<String> wrong) {
        if (rows == null) {
            wrong.add("no table for " + table);
            return;
        }
        fields.forEach((field, javaType) -> {
            Row row = rows.get(field);
            if (row == null) {
                return;
            }
            String expectedType = describe(javaType);
            if (expectedType != null && !row.type().equals(expectedType)) {
                wrong.add(table + " " + field + ": type is '" + expectedType + "', the guide says '" + row.type() + "'");
            }
            Class<?> enumType = enumOf(javaType);
            if (enumType != null) {
                for (Object constant : enumType.getEnumConstants()) {
                    String value = jsonValue(constant);
                    if (!row.allowed().contains("`" + value + "`")) {
                        wrong.add(table + " " + field + ": allowed values lack `" + value + "`");
                    }
                }
            }
            if (row.meaning().isBlank()) {
                wrong.add(table + " " + field + ": says nothing about what it means");
            }
        });
    }

    /**
     * What a file of each type must have: the loader is given a file with nothing but a title, and
     * its "missing required field" problems are the required fields (beside the title itself).
     */
    @Test
    void the_required_column_says_what_the_loader_requires() throws IOException {
        Map<String, Map<String, Row>> tables = tables();
        ContentFixture fixture = ContentFixture.minimal(temp);
        for (ContentType<?> type : App.CONTENT_TYPES.all()) {
            fixture.write(fileOf(type), "---\ntitle: T\n---\n");
        }
        List<ContentProblem> problems = new ContentLoader(fixture.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load().problems();
        for (ContentType<?> type : App.CONTENT_TYPES.all()) {
            Set<String> required = new TreeSet<>(Set.of("title"));
            String file = "content/" + fileOf(type);
            problems.stream().filter(p -> p.file().equals(file))
                    .map(p -> p.message().replaceFirst("^missing required field '([^']+)'$", "$1"))
                    .forEach(required::add);
            Set<String> documented = new TreeSet<>();
            tables.get(COMMON).values().stream()
                    .filter(row -> row.required().equals("yes") || row.required().contains("`" + type.name() + "`"))
                    .forEach(row -> documented.add(row.field()));
            tables.get(type.name()).values().stream()
                    .filter(row -> !row.field().contains(".") && !row.field().contains("[") && row.required().equals("yes"))
                    .forEach(row -> documented.add(row.field()));
            assertThat(documented).as("required fields of " + type.name() + " (the loader says: " + problems + ")").isEqualTo(required);
        }
        ContentFixture empty = ContentFixture.minimal(temp.resolve("empty")).write(SITE, "{}\n");
        Set<String> siteRequired = new TreeSet<>();
        new ContentLoader(empty.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load().problems().stream()
                .filter(p -> p.file().equals("content/" + SITE))
                .map(p -> p.message().replaceFirst("^missing required field '([^']+)'$", "$1"))
                .forEach(siteRequired::add);
        Set<String> siteDocumented = new TreeSet<>();
        tables.get(SITE).values().stream()
                .filter(row -> !row.field().contains(".") && !row.field().contains("[") && row.required().equals("yes"))
                .forEach(row -> siteDocumented.add(row.field()));
        assertThat(siteDocumented).as("required fields of site.yaml").isEqualTo(siteRequired);
    }

    private static String fileOf(ContentType<?> type) {
        return switch (type.placement()) {
            case HOME -> "_index.md";
            case PAGE -> "a-page.md";
            case SECTION -> type.folder() + "/a-file.md";
        };
    }

    /** The reference's tables: the common fields', then one per type, each by field name. */
    static Map<String, Map<String, Row>> tables() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int start = lines.indexOf(REFERENCE);
        assertThat(start).as(GUIDE + " has a section '" + REFERENCE + "'").isNotNegative();
        Map<String, Map<String, Row>> tables = new LinkedHashMap<>();
        Pattern heading = Pattern.compile("^### (?:`([a-z.-]+)`|(" + COMMON + ")).*");
        Map<String, Row> current = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher h = heading.matcher(line);
            if (h.matches()) {
                current = new LinkedHashMap<>();
                tables.put(h.group(1) != null ? h.group(1) : h.group(2), current);
            } else if (current != null && line.startsWith("| `")) {
                String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
                assertThat(cells).as("a row has five cells: " + line).hasSize(5);
                String field = cells[0].strip().replaceAll("^`|`$", "");
                current.put(field, new Row(field, cells[1].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip()));
            }
        }
        return tables;
    }

    /** A record's fields as written in YAML, nested groups and list items included. */
    static Map<String, Type> fields(Class<?> record) {
        Map<String, Type> fields = new LinkedHashMap<>();
        collect(record, "", fields);
        return fields;
    }

    private static void collect(Class<?> record, String prefix, Map<String, Type> fields) {
        for (RecordComponent component : record.getRecordComponents()) {
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = prefix + (property != null && !property.value().isEmpty() ? property.value() : component.getName());
            Type type = component.getGenericType();
            fields.put(name, type);
            if (type instanceof Class<?> c && c.isRecord() && c != DateOrTime.class) {
                collect(c, name + ".", fields);
            } else if (elementOf(type) instanceof Class<?> element && element.isRecord()) {
                collect(element, name + "[].", fields);
            }
        }
    }

    private static Type elementOf(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == List.class ? p.getActualTypeArguments()[0] : null;
    }

    private static Class<?> enumOf(Type type) {
        Type t = elementOf(type) != null ? elementOf(type) : type;
        return t instanceof Class<?> c && c.isEnum() ? c : null;
    }

    /** The guide's word for a Java type; null for a type it has no fixed word for. */
    static String describe(Type type) {
        Type element = elementOf(type);
        if (element != null) {
            String of = describe(element);
            return of == null ? null : "list of " + switch (of) {
                case "group" -> "groups";
                case "one of" -> "values";
                default -> of;
            };
        }
        if (!(type instanceof Class<?> c)) {
            return null;
        }
        if (c == String.class) {
            return "text";
        }
        if (c == Integer.class || c == int.class || c == Long.class) {
            return "whole number";
        }
        if (c == Boolean.class || c == boolean.class) {
            return "true/false";
        }
        if (c == LocalDate.class) {
            return "date";
        }
        if (c == java.time.LocalDateTime.class) {
            return "date and time";
        }
        if (c == DateOrTime.class) {
            return "date or time";
        }
        if (c.isEnum()) {
            return "one of";
        }
        if (c.isRecord()) {
            return "group";
        }
        return null;
    }

    private static String jsonValue(Object constant) {
        for (Method method : constant.getClass().getMethods()) {
            if (method.isAnnotationPresent(JsonValue.class)) {
                try {
                    return String.valueOf(method.invoke(constant));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return ((Enum<?>) constant).name().toLowerCase();
    }

    /** Prints the rows the reference needs (field, type, allowed values), to start a new type's table. */
    public static void main(String[] args) {
        List<Class<?>> records = new ArrayList<>(List.of(Meta.class));
        App.CONTENT_TYPES.all().forEach(t -> records.add(t.record()));
        for (Class<?> record : records) {
            System.out.println("### " + record.getSimpleName());
            fields(record).forEach((name, type) -> {
                Class<?> e = enumOf(type);
                String allowed = e == null ? "" : String.join(", ", Arrays.stream(e.getEnumConstants()).map(c -> "`" + jsonValue(c) + "`").toList());
                System.out.println("| `" + name + "` | " + describe(type) + " |  | " + allowed + " |  |");
            });
        }
    }
}
