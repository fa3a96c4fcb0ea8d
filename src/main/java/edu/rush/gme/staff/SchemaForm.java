package edu.rush.gme.staff;

import com.fasterxml.jackson.databind.JsonNode;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.DateOrTime;
import edu.rush.gme.content.Page;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The editor's form, made from a type's front matter schema (the properties the content API's item
 * schema is generated from, see {@code ContentApi.frontMatterSchema}): each property's JSON Schema
 * chooses its control ({@code enum}: a select; {@code format: date}: a date; a local date and time: a
 * date and time; a day or a moment: a date and an optional time in the site's zone; boolean: a
 * checkbox; integer: a number with its bounds; a list of strings: one a line, a list of choices:
 * checkboxes, programs: the picker; anything else: its YAML text), and its {@code description} the
 * hint. Reading the form back gives only the fields whose value changed, as {@link FrontMatterText}
 * writes them, so every other line of the file stays as it was. A value the control cannot show (a
 * date that is not one, an object where a text belongs) is offered as text instead, never dropped.
 */
public final class SchemaForm {

    /** Fields whose values are slugs of programs: the searchable picker, not free text. */
    static final Set<String> PROGRAM_LISTS = Set.of("related", "programs");
    private static final Set<String> LONG_TEXT = Set.of("description", "summary", "sampleNote");
    /** A value written without quotes: what the date, time, number and choice controls send. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*(:[0-9][0-9.]*)*([+-][0-9]{2}:[0-9]{2}|Z)?");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Function<ContentType<?>, JsonNode> schemas;

    /** @param schemas each type's front matter schema (made once, on first use) */
    public SchemaForm(Function<ContentType<?>, JsonNode> schemas) {
        this.schemas = schemas;
    }

    /**
     * One control of the form: how it is shown, its value as the control shows it (a moment's day;
     * {@code time} its time), its list or choices, the schema's bounds and hint, and whether a typed
     * value is written quoted.
     */
    public record Field(String name, String id, String label, String kind, String value, String time, List<String> values,
                        List<Option> options, Long min, Long max, String hint, boolean quoted, String error, Table table) {

        Field(String name, String id, String label, String kind, String value, String time, List<String> values,
              List<Option> options, Long min, Long max, String hint, boolean quoted, String error) {
            this(name, id, label, kind, value, time, values, options, min, max, hint, quoted, error, null);
        }

        public boolean checked() {
            return "true".equals(value);
        }

        /** The ids of its hint and its error, for aria-describedby. */
        public String describedBy() {
            return ((hint != null ? id + "-hint" : "") + (error != null ? " " + id + "-error" : "")).strip();
        }

        /** One value a line (a list of strings, the picker's slugs). */
        public String lines() {
            return values.isEmpty() ? "" : String.join("\n", values) + "\n";
        }

        /** Rows for its YAML text: its lines and one more, 3 to 20. */
        public int rows() {
            return Math.max(3, Math.min(20, (int) value.lines().count() + 1));
        }

        Field withError(String error) {
            return new Field(name, id, label, kind, value, time, values, options, min, max, hint, quoted, error, table);
        }
    }

    /**
     * A list of flat entries (a program's NRMP tracks) as rows of inputs: one a property of the entry's
     * schema, the file's entries and two empty rows to add more (no script needed), each a "remove" box.
     */
    public record Table(List<Column> columns, List<Row> rows) {
    }

    /** A property of the entries: its key, its label and its JSON Schema type (string, integer, boolean). */
    public record Column(String name, String label, String type) {
    }

    /** A row: its number in the form, its cells in column order, and whether it is an entry of the file (not an empty one to fill). */
    public record Row(int index, List<String> cells, boolean existing) {
    }

    /** Empty rows offered under a list's entries, for new ones. */
    static final int EMPTY_ROWS = 2;
    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    public record Option(String value, String label, boolean selected) {
    }

    /** The form's fields for a file of this type: the schema's properties in order, then any key the file has that the type does not know. */
    List<Field> fields(ContentType<?> type, String yaml, ContentSnapshot snapshot, Map<String, String> errors) {
        Map<String, FrontMatterText.Value> values = FrontMatterText.values(yaml);
        Map<String, String> texts = FrontMatterText.texts(yaml);
        ZoneId zone = snapshot.site().zone();
        List<Field> fields = new ArrayList<>();
        JsonNode properties = schemas.apply(type).path("properties");
        properties.fields().forEachRemaining(p -> fields.add(field(p.getKey(), p.getValue(), values.get(p.getKey()), texts.get(p.getKey()),
                snapshot, zone).withError(errors.get(p.getKey()))));
        for (String key : values.keySet()) {
            if (!properties.has(key)) {
                fields.add(yaml(key, label(key) + " (not a field of " + type.singular() + ")", texts.get(key),
                        "This field is not one " + type.label().toLowerCase(Locale.ROOT) + " have; remove the text to remove it.")
                        .withError(errors.get(key)));
            }
        }
        return fields;
    }

    private Field field(String name, JsonNode schema, FrontMatterText.Value value, String text, ContentSnapshot snapshot, ZoneId zone) {
        String label = label(name);
        String described = schema.path("description").asText(null);
        String scalar = value == null || value.scalar() == null ? "" : value.scalar();
        boolean complex = value != null && (value.complex() || value.items() != null && !"array".equals(schema.path("type").asText()));
        if (complex && !isListOfEntries(schema)) {
            return yaml(name, label, text, described);
        }
        String type = schema.path("type").asText();
        if (schema.has("enum")) {
            List<Option> options = new ArrayList<>();
            options.add(new Option("", "(not set)", scalar.isEmpty()));
            schema.get("enum").forEach(v -> options.add(new Option(v.asText(), v.asText(), v.asText().equals(scalar))));
            if (!scalar.isEmpty() && options.stream().noneMatch(Option::selected)) {
                options.add(new Option(scalar, scalar + " (not one of the choices)", true));
            }
            return control(name, label, "select", scalar, options, described, false);
        }
        switch (type) {
            case "boolean" -> {
                if (scalar.isEmpty() || scalar.equals("true") || scalar.equals("false")) {
                    return control(name, label, "checkbox", scalar, List.of(), described, false);
                }
                return text(name, label, scalar, "true or false. " + orEmpty(described), false);
            }
            case "integer" -> {
                if (scalar.isEmpty() || scalar.matches("-?[0-9]{1,18}")) {
                    return new Field(name, "f-" + name, label, "number", scalar, null, List.of(), List.of(),
                            schema.has("minimum") ? schema.get("minimum").asLong() : null,
                            schema.has("maximum") ? schema.get("maximum").asLong() : null, described, false, null);
                }
                return text(name, label, scalar, "A whole number. " + orEmpty(described), false);
            }
            case "array" -> {
                List<String> items = value == null ? List.of() : value.items() != null ? value.items() : scalar.isEmpty() ? List.of() : List.of(scalar);
                JsonNode itemSchema = schema.path("items");
                if (itemSchema.has("enum")) {
                    List<Option> options = new ArrayList<>();
                    itemSchema.get("enum").forEach(v -> options.add(new Option(v.asText(), v.asText(), items.contains(v.asText()))));
                    items.stream().filter(i -> options.stream().noneMatch(o -> o.value().equals(i)))
                            .forEach(i -> options.add(new Option(i, i + " (not one of the choices)", true)));
                    return new Field(name, "f-" + name, label, "choices", "", null, items, options, null, null, described, false, null);
                }
                if ("object".equals(itemSchema.path("type").asText())) {
                    Table table = table(itemSchema, text);
                    return table == null ? yaml(name, label, text, described)
                            : new Field(name, "f-" + name, label, "rows", "", null, List.of(), List.of(), null, null,
                            "One row an entry: fill an empty row to add one, tick Remove to take one out." + (described == null ? "" : " " + described),
                            false, null, table);
                }
                if (!"string".equals(itemSchema.path("type").asText())) {
                    return yaml(name, label, text, described);
                }
                if (PROGRAM_LISTS.contains(name)) {
                    return new Field(name, "f-" + name, label, "picker", "", null, items, programs(snapshot, items), null, null,
                            "Programs by their slug (the end of the program's address, like internal-medicine), one a line."
                                    + (described == null ? "" : " " + described), false, null);
                }
                return new Field(name, "f-" + name, label, "lines", "", null, items, List.of(), null, null,
                        "One a line." + (described == null ? "" : " " + described), false, null);
            }
            case "object" -> {
                return yaml(name, label, text, described);
            }
            default -> {
                // strings
            }
        }
        String format = schema.path("format").asText();
        if (format.equals("date")) {
            return parses(() -> LocalDate.parse(scalar), scalar) ? control(name, label, "date", scalar, List.of(), described, false)
                    : text(name, label, scalar, "A date like 2026-12-01. " + orEmpty(described), false);
        }
        if (schema.path("pattern").asText().startsWith("^\\d{4}-\\d{2}-\\d{2}T")) {
            // A local date and time (an event's start, in its own zone).
            if (scalar.isEmpty()) {
                return control(name, label, "datetime-local", "", List.of(), described, false);
            }
            try {
                return control(name, label, "datetime-local", local(LocalDateTime.parse(scalar.replace(' ', 'T'))), List.of(), described, false);
            } catch (DateTimeParseException e) {
                return text(name, label, scalar, "A date and time like 2026-12-10T18:00. " + orEmpty(described), false);
            }
        }
        if (schema.has("anyOf") && schema.get("anyOf").findValuesAsText("format").containsAll(List.of("date", "date-time"))) {
            // A day, or a day and a time: written in the site's zone, as DateOrTime reads it.
            String hint = "A day, and a time if it matters (in the site's time zone). " + orEmpty(described);
            if (scalar.isEmpty()) {
                return new Field(name, "f-" + name, label, "moment", "", "", List.of(), List.of(), null, null, hint.strip(), false, null);
            }
            try {
                DateOrTime moment = DateOrTime.parse(scalar);
                LocalDate day = moment.date();
                LocalTime time = moment.time();
                if (moment.offset() != null) {
                    LocalDateTime there = moment.in(zone).atZone(zone).toLocalDateTime();
                    day = there.toLocalDate();
                    time = there.toLocalTime();
                }
                String shown = time == null ? "" : time.getSecond() == 0 ? time.format(DateTimeFormatter.ofPattern("HH:mm"))
                        : time.format(DateTimeFormatter.ofPattern("HH:mm:ss"));
                return new Field(name, "f-" + name, label, "moment", day.toString(), shown, List.of(), List.of(), null, null, hint.strip(), false, null);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                return text(name, label, scalar, "A date like 2026-12-01, or a date and time like 2026-12-01T09:00. " + orEmpty(described), false);
            }
        }
        return control(name, label, LONG_TEXT.contains(name) ? "textarea" : "text", scalar, List.of(), described, true);
    }

    private static boolean isListOfEntries(JsonNode schema) {
        return "array".equals(schema.path("type").asText()) && "object".equals(schema.path("items").path("type").asText());
    }

    /**
     * The entries as rows, when every property of the entry is a plain value and every entry of the
     * file has only those (null otherwise: its YAML text is shown, so nothing is lost).
     */
    private static Table table(JsonNode itemSchema, String text) {
        List<Column> columns = new ArrayList<>();
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = itemSchema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String type = property.getValue().path("type").asText();
            if (!Set.of("string", "integer", "boolean").contains(type) || property.getValue().has("enum")) {
                return null;
            }
            columns.add(new Column(property.getKey(), label(property.getKey()), type));
        }
        if (columns.isEmpty()) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        try {
            JsonNode entries = text == null || text.isBlank() ? YAML.createArrayNode() : YAML.readTree(text);
            if (entries == null || entries.isNull() || entries.isMissingNode()) {
                entries = YAML.createArrayNode();
            }
            if (!entries.isArray()) {
                return null;
            }
            for (JsonNode entry : entries) {
                if (!entry.isObject()) {
                    return null;
                }
                for (java.util.Iterator<String> keys = entry.fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (columns.stream().noneMatch(c -> c.name().equals(key)) || entry.get(key).isContainerNode()) {
                        return null;
                    }
                }
                List<String> cells = columns.stream().map(c -> entry.hasNonNull(c.name()) ? entry.get(c.name()).asText() : "").toList();
                rows.add(new Row(rows.size(), cells, true));
            }
        } catch (java.io.IOException e) {
            return null;
        }
        for (int i = 0; i < EMPTY_ROWS; i++) {
            rows.add(new Row(rows.size(), columns.stream().map(c -> "").toList(), false));
        }
        return new Table(List.copyOf(columns), List.copyOf(rows));
    }

    /** The cells of each row the form sent, in column order; removed rows left out. */
    private static List<List<String>> sentRows(Field field, Function<String, List<String>> params) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : field.table().rows()) {
            String prefix = "f." + field.name() + "." + row.index() + ".";
            if (!params.apply(prefix + "remove").contains("true")) {
                rows.add(field.table().columns().stream().map(column -> params.apply(prefix + column.name()))
                        .map(sent -> sent.isEmpty() ? "" : sent.get(0).replace("\r\n", " ").replace('\n', ' ').strip()).toList());
            }
        }
        return rows;
    }

    /** Rows as the YAML text of a list of entries (empty cells and empty rows left out); "" for none. */
    private static String entries(List<Column> columns, List<List<String>> rows) {
        StringBuilder yaml = new StringBuilder();
        for (List<String> cells : rows) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                String value = cells.get(c);
                if (!value.isEmpty()) {
                    boolean plainValue = switch (columns.get(c).type()) {
                        case "integer" -> value.matches("-?[0-9]{1,18}");
                        case "boolean" -> value.equals("true") || value.equals("false");
                        default -> FrontMatterText.plain(value);
                    };
                    line.add(columns.get(c).name() + ": " + (plainValue ? value : FrontMatterText.quoted(value)));
                }
            }
            for (int i = 0; i < line.size(); i++) {
                yaml.append(i == 0 ? "- " : "  ").append(line.get(i)).append('\n');
            }
        }
        return yaml.toString().strip();
    }

    private static Field control(String name, String label, String kind, String value, List<Option> options, String hint, boolean quoted) {
        return new Field(name, "f-" + name, label, kind, value, null, List.of(), options, null, null, hint, quoted, null);
    }

    private static Field text(String name, String label, String value, String hint, boolean quoted) {
        return control(name, label, "text", value, List.of(), hint.strip(), quoted);
    }

    private static Field yaml(String name, String label, String text, String described) {
        return new Field(name, "f-" + name, label, "yaml", text == null ? "" : text, null, List.of(), List.of(), null, null,
                "Written in YAML, as in the file (indent the lines of an entry alike; '- ' starts an entry of a list)."
                        + (described == null ? "" : " " + described), false, null);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static boolean parses(Runnable parse, String value) {
        if (value.isEmpty()) {
            return true;
        }
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String local(LocalDateTime time) {
        return time.getSecond() == 0 && time.getNano() == 0 ? time.format(MINUTES) : time.format(SECONDS);
    }

    /** The chosen programs, each with its title (only those, never the whole catalog: the picker searches the rest). */
    private static List<Option> programs(ContentSnapshot snapshot, List<String> chosen) {
        Map<String, String> titles = new LinkedHashMap<>();
        if (!chosen.isEmpty()) {
            snapshot.types().named("programs").ifPresent(programs -> {
                for (Page<?> page : snapshot.all(programs)) {
                    if (chosen.contains(page.slug())) {
                        titles.put(page.slug(), page.title());
                    }
                }
            });
        }
        List<Option> options = new ArrayList<>();
        for (String slug : chosen) {
            String title = titles.get(slug);
            options.add(new Option(slug, title == null ? slug + " (no such program)" : title, title != null));
        }
        return options;
    }

    static String label(String name) {
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /**
     * What the form changed, as {@link FrontMatterText#apply} takes it: each field whose sent value
     * differs from what the form showed, with its new YAML text (null: remove the key).
     *
     * @param params a form parameter's values (none: an empty list)
     */
    Map<String, String> changes(List<Field> fields, Function<String, List<String>> params) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (Field field : fields) {
            String param = "f." + field.name();
            List<String> sent = params.apply(param);
            String first = sent.isEmpty() ? "" : sent.get(0).replace("\r\n", "\n");
            switch (field.kind()) {
                case "checkbox" -> {
                    boolean now = "true".equals(first);
                    if (now != field.checked()) {
                        changes.put(field.name(), now ? " true" : null);
                    }
                }
                case "lines", "picker" -> {
                    List<String> items = first.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
                    if (!items.equals(field.values())) {
                        changes.put(field.name(), FrontMatterText.list(items));
                    }
                }
                case "choices" -> {
                    List<String> items = sent.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
                    if (!new HashSet<>(items).equals(new HashSet<>(field.values()))) {
                        changes.put(field.name(), FrontMatterText.list(items));
                    }
                }
                case "rows" -> {
                    List<Column> columns = field.table().columns();
                    String now = entries(columns, sentRows(field, params));
                    if (!now.equals(entries(columns, field.table().rows().stream().filter(Row::existing).map(Row::cells).toList()))) {
                        changes.put(field.name(), now.isEmpty() ? " []" : FrontMatterText.block(now));
                    }
                }
                case "yaml" -> {
                    String now = first.strip().lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("");
                    if (!now.equals(field.value())) {
                        changes.put(field.name(), FrontMatterText.block(now));
                    }
                }
                case "moment" -> {
                    String day = first.strip();
                    List<String> times = params.apply(param + ".time");
                    String time = times.isEmpty() ? "" : times.get(0).strip();
                    String now = day.isEmpty() ? "" : time.isEmpty() ? day : day + "T" + time;
                    String shown = field.value().isEmpty() ? "" : field.time().isEmpty() ? field.value() : field.value() + "T" + field.time();
                    if (!now.equals(shown)) {
                        changes.put(field.name(), written(now, false));
                    }
                }
                default -> {
                    String now = first.strip();
                    if (!now.equals(field.value())) {
                        changes.put(field.name(), written(now, field.quoted()));
                    }
                }
            }
        }
        return changes;
    }

    /** A typed value after {@code key:}: quoted when it is text, or when it is anything but a plain date, time, number or word. */
    private static String written(String value, boolean quoted) {
        return FrontMatterText.scalar(value, quoted || !PLAIN.matcher(value).matches() || FrontMatterText.keyword(value));
    }
}
