package edu.rush.gme.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Meta;
import edu.rush.gme.content.Page;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON view of a page, the one place it is made: {@code type}, {@code slug}, {@code url}, then
 * every front matter field at the top level (the common ones, then the type's own, as Jackson writes
 * the records: dates as ISO dates, enums by their front matter key, missing fields left out), then
 * what the type works out ({@link ContentType#json}), {@code summary} in plain text, {@code html} (the
 * sanitized body) and {@code updated} (when the file last changed, with the site's offset).
 */
final class ApiJson {

    /** The members every item has, whatever its type; a front matter field of the same name is renamed (see {@link #fieldName}). */
    static final List<String> ENVELOPE = List.of("type", "slug", "url");
    static final List<String> COMPUTED = List.of("summary", "html", "updated");

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // Records are written by their components: Meta.isDraft() is a helper, not a field (a missing draft is left out).
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final String baseUrl;

    ApiJson(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The slug a page has in the API: the home page, whose URL has none, is {@code index}. */
    static String slug(Page<?> page) {
        return page.slug().isEmpty() ? "index" : page.slug();
    }

    /** The slug a page is looked up by: the inverse of {@link #slug(Page)}. */
    static String lookupSlug(ContentType<?> type, String apiSlug) {
        return type.placement() == ContentType.Placement.HOME && apiSlug.equals("index") ? "" : apiSlug;
    }

    /**
     * The name a front matter field has in the API: its own, unless an envelope member takes it
     * (a program's {@code type}, residency or fellowship, is {@code programType}: {@code type} is
     * the content type).
     */
    static String fieldName(ContentType<?> type, String field) {
        if (!field.equals("type")) {
            return field;
        }
        StringBuilder name = new StringBuilder();
        for (String word : type.singular().split(" ")) {
            name.append(name.length() == 0 ? word.toLowerCase(Locale.ROOT)
                    : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
        }
        return name + "Type";
    }

    /** Every member an item of this type can have, in the order items are written (for {@code fields=}). */
    static Set<String> memberNames(ContentType<?> type) {
        Set<String> names = new LinkedHashSet<>(ENVELOPE);
        for (RecordComponent c : Meta.class.getRecordComponents()) {
            if (!c.getName().equals("slug")) {
                names.add(c.getName());
            }
        }
        for (RecordComponent c : type.record().getRecordComponents()) {
            names.add(fieldName(type, jsonName(c)));
        }
        names.addAll(type.jsonFormats().keySet());
        names.addAll(COMPUTED);
        return names;
    }

    /** A record component's name as Jackson writes it ({@code @JsonProperty} renames). */
    static String jsonName(RecordComponent c) {
        com.fasterxml.jackson.annotation.JsonProperty renamed = c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        if (renamed == null) {
            renamed = c.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        }
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName();
    }

    /** One page as the API shows it; {@code fields} (null for all) picks members, type, slug and url always kept. */
    ObjectNode item(ContentType<?> type, Page<?> page, ZoneId zone, Set<String> fields) {
        ObjectNode item = MAPPER.createObjectNode();
        item.put("type", type.name());
        item.put("slug", slug(page));
        item.put("url", baseUrl + page.url());
        ObjectNode meta = MAPPER.valueToTree(page.meta());
        meta.remove("slug");
        moment(meta, "publishDate", page.meta().publishDate(), zone);
        moment(meta, "expiryDate", page.meta().expiryDate(), zone);
        item.setAll(meta);
        ObjectNode own = MAPPER.valueToTree(page.data());
        own.fields().forEachRemaining(field -> item.set(fieldName(type, field.getKey()), field.getValue()));
        for (Map.Entry<String, Object> extra : type.json(page, zone).entrySet()) {
            item.set(extra.getKey(), MAPPER.valueToTree(extra.getValue()));
        }
        String summary = type.summary(page);
        if (summary != null) {
            item.put("summary", summary);
        }
        item.put("html", page.html());
        item.put("updated", timestamp(page.modified(), zone));
        if (fields != null) {
            item.retain(keep(fields));
        }
        return item;
    }

    /** A scheduled moment as written when it is a day ("2026-12-01"), else the instant it names with the site's offset then. */
    private static void moment(ObjectNode meta, String field, edu.rush.gme.content.DateOrTime when, ZoneId zone) {
        if (when != null && when.time() != null) {
            meta.put(field, timestamp(when.in(zone), zone));
        }
    }

    private static List<String> keep(Set<String> fields) {
        List<String> keep = new ArrayList<>(ENVELOPE);
        keep.addAll(fields);
        return keep;
    }

    static String timestamp(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
