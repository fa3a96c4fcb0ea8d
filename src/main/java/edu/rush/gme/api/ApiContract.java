package edu.rush.gme.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.ListFilters;
import edu.rush.gme.content.Meta;
import edu.rush.gme.content.SiteConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's contract, generated from the registry so it is never written twice: a JSON Schema
 * (draft 2020-12) of each type's items, read off its records by victools' generator, and the
 * OpenAPI 3.1 document of every address, with each list's parameters and filters as the list
 * itself checks them ({@link ListFilters}).
 */
final class ApiContract {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    static final String PROBLEM = "application/problem+json";

    private final String baseUrl;
    private final List<ContentType<?>> types;
    private final Map<ContentType<?>, ListFilters<?>> filters;
    private final SchemaGenerator generator;
    private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    private final Map<String, ObjectNode> frontMatterSchemas = new LinkedHashMap<>();
    private final ObjectNode openApi;
    private final Map<ContentType<?>, Map<String, JsonNode>> live;
    private final List<ContentApi.Operation> operations;

    ApiContract(String baseUrl, Map<ContentType<?>, ListFilters<?>> filters) {
        this(baseUrl, filters, Map.of(), List.of());
    }

    /**
     * @param live       each type's live members and their schemas (see {@link ContentApi#live})
     * @param operations addresses other features serve under /api/v1 (see {@link ContentApi#operation})
     */
    ApiContract(String baseUrl, Map<ContentType<?>, ListFilters<?>> filters, Map<ContentType<?>, Map<String, JsonNode>> live,
                List<ContentApi.Operation> operations) {
        this.baseUrl = baseUrl;
        this.filters = filters;
        this.live = live;
        this.operations = operations;
        this.types = List.copyOf(filters.keySet());
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(ApiJson.MAPPER, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.INLINE_ALL_SCHEMAS, Option.STANDARD_FORMATS, Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // Enums as front matter writes them (their @JsonValue key), as ApiJson writes them.
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            if (!type.getErasedType().isEnum()) {
                return null;
            }
            ObjectNode e = ApiJson.MAPPER.createObjectNode().put("type", "string");
            ArrayNode values = e.putArray("enum");
            for (Object constant : type.getErasedType().getEnumConstants()) {
                values.add(RecordFilters.key(constant));
            }
            return new CustomDefinition(e, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.NO);
        });
        // publishDate and expiryDate: a day as an ISO date, a time as an ISO date-time with its offset (see ApiJson.item).
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            if (type.getErasedType() != edu.rush.gme.content.DateOrTime.class) {
                return null;
            }
            ObjectNode moment = ApiJson.MAPPER.createObjectNode().put("type", "string");
            ArrayNode forms = moment.putArray("anyOf");
            forms.addObject().put("format", "date");
            forms.addObject().put("format", "date-time");
            return new CustomDefinition(moment, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.NO);
        });
        // A local date and time (an event's start, in its own zone) has no offset, so it is not an RFC 3339 date-time.
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            if (type.getErasedType() != java.time.LocalDateTime.class) {
                return null;
            }
            ObjectNode local = ApiJson.MAPPER.createObjectNode().put("type", "string")
                    .put("pattern", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$")
                    .put("description", "A local date and time, without offset (in the item's own zone)");
            return new CustomDefinition(local, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.NO);
        });
        // A write-only field (an event's join link) is read from front matter but never written by the API: marked
        // writeOnly, it is in the front matter schema (the editor's form) and left out of the item schema.
        config.forFields().withWriteOnlyCheck(field -> {
            com.fasterxml.jackson.annotation.JsonProperty property = field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return property != null && property.access() == com.fasterxml.jackson.annotation.JsonProperty.Access.WRITE_ONLY;
        });
        // A field's words for staff and API users, written once on the record component (@JsonPropertyDescription).
        config.forFields().withDescriptionResolver(field -> {
            com.fasterxml.jackson.annotation.JsonPropertyDescription described =
                    field.getAnnotationConsideringFieldAndGetter(com.fasterxml.jackson.annotation.JsonPropertyDescription.class);
            return described == null ? null : described.value();
        });
        // Properties in the records' order (the order items are written in), not alphabetically.
        config.forTypesInGeneral().withPropertySorter((a, b) -> 0);
        config.forFields().withPropertyNameOverrideResolver(field -> {
            com.fasterxml.jackson.annotation.JsonProperty renamed = field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return renamed != null && !renamed.value().isEmpty() ? renamed.value() : null;
        });
        this.generator = new SchemaGenerator(config.build());
        for (ContentType<?> type : types) {
            frontMatterSchemas.put(type.name(), frontMatterSchema(type));
            schemas.put(type.name(), itemSchema(type));
        }
        this.openApi = buildOpenApi();
    }

    /** The JSON Schema of one type's items, or null for a type that is not registered. */
    ObjectNode schema(String type) {
        return schemas.get(type);
    }

    /**
     * The JSON Schema of a type's front matter as staff write it (the editor's form is made from it):
     * the same generated properties the item schema has, under their front matter names (an item's
     * {@code programType} is {@code type} here), with {@code slug} and write-only fields, without what
     * the API works out; null for a type that is not registered.
     */
    ObjectNode frontMatter(String type) {
        return frontMatterSchemas.get(type);
    }

    ObjectNode openApi() {
        return openApi;
    }

    String schemaUrl(ContentType<?> type) {
        return baseUrl + ContentApi.PREFIX + "/schemas/" + type.name();
    }

    /** One parameter as the reference page lists it. */
    public record ParameterDoc(String name, String description, String values) {
    }

    /** One member of an item as the reference page lists it. */
    public record FieldDoc(String name, String kind) {
    }

    /** A type's part of the reference page. */
    public record TypeDoc(String name, String label, String singular, String list, String item, String schema, String example,
                   List<ParameterDoc> parameters, List<FieldDoc> fields) {
    }

    /** One address another feature serves, as the reference page lists it. */
    public record OperationDoc(String method, String path, String summary, String description, List<FieldDoc> body,
                               List<FieldDoc> answers) {
    }

    /** The other features' addresses for the reference page: the request body's members and the answers, from the same operation objects. */
    List<OperationDoc> operationDocs() {
        List<OperationDoc> docs = new ArrayList<>();
        for (ContentApi.Operation other : operations) {
            JsonNode spec = other.spec();
            List<FieldDoc> body = new ArrayList<>();
            spec.at("/requestBody/content/application~1json/schema/properties").fields()
                    .forEachRemaining(f -> body.add(new FieldDoc(f.getKey(), describe(f.getValue()))));
            List<FieldDoc> answers = new ArrayList<>();
            spec.path("responses").fields().forEachRemaining(r -> answers.add(new FieldDoc(r.getKey(), r.getValue().path("description").asText())));
            docs.add(new OperationDoc(other.method().toUpperCase(java.util.Locale.ROOT), other.path(), spec.path("summary").asText(),
                    spec.path("description").asText(null), body, answers));
        }
        return docs;
    }

    /** What the reference page at /api shows of each type, read off the same parameters and schemas. */
    List<TypeDoc> reference() {
        List<TypeDoc> docs = new ArrayList<>();
        for (ContentType<?> type : types) {
            List<ParameterDoc> parameters = new ArrayList<>();
            for (ObjectNode p : listParameters(type)) {
                parameters.add(new ParameterDoc(p.get("name").asText(), p.get("description").asText(), describe(p.get("schema"))));
            }
            List<FieldDoc> fields = new ArrayList<>();
            schemas.get(type.name()).get("properties").fields().forEachRemaining(f -> fields.add(new FieldDoc(f.getKey(), describe(f.getValue()))));
            String list = ContentApi.listPath(type);
            String example = filters.get(type).filters().stream().filter(f -> f.values() != null).findFirst()
                    .map(f -> list + "?" + f.name() + "=" + f.values().get(0) + "&size=5")
                    .orElse(list + "?size=5" + (filters.get(type).sorts().contains("-date") ? "&sort=-date" : ""));
            docs.add(new TypeDoc(type.name(), type.label(), type.singular(), list, list + "/{slug}", ContentApi.SCHEMAS + "/" + type.name(),
                    example, parameters, fields));
        }
        return docs;
    }

    /** A schema in a few words: "one of a, b", "date", "whole number from 1 to 100", "list of text". */
    static String describe(JsonNode schema) {
        if (schema.has("const")) {
            return "always " + schema.get("const").asText();
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            return "one of " + String.join(", ", values);
        }
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        return switch (type) {
            case "array" -> "list: " + describe(schema.path("items"));
            case "object" -> "object (" + String.join(", ", iterable(schema.path("properties").fieldNames())) + ")";
            case "integer" -> schema.has("minimum") && schema.has("maximum")
                    ? "whole number from " + schema.get("minimum").asText() + " to " + schema.get("maximum").asText()
                    + (schema.has("default") ? " (default " + schema.get("default").asText() + ")" : "") : "whole number";
            case "boolean" -> "true or false";
            case "string" -> switch (format) {
                case "date" -> "date, like 2026-09-15";
                case "date-time" -> "date and time with offset";
                case "uri" -> "absolute URL";
                default -> schema.path("pattern").asText().startsWith("^\\d{4}-") ? "local date and time, like 2026-12-08T18:00"
                        : schema.has("pattern") ? "whole number" : "text";
            };
            default -> type;
        };
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private ObjectNode generate(Class<?> record) {
        return generator.generateSchema(record);
    }

    private ObjectNode itemSchema(ContentType<?> type) {
        ObjectNode schema = ApiJson.MAPPER.createObjectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", schemaUrl(type));
        schema.put("title", "One of " + type.label() + " (" + type.name() + ")");
        schema.put("description", "A " + type.singular() + " as /api/v1/" + type.name() + "/{slug} gives it; with fields=, only the members asked for "
                + "beside type, slug and url.");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("const", type.name()).put("description", "The content type");
        properties.putObject("slug").put("type", "string").put("description", "Its name in its URL (the home page's is index)");
        properties.putObject("url").put("type", "string").put("format", "uri").put("description", "Its page on the site");
        copyProperties((ObjectNode) frontMatterSchemas.get(type.name()).get("properties"), properties, type, "slug");
        type.jsonFormats().forEach((name, format) -> properties.putObject(name).put("type", "string").put("format", format)
                .put("description", "Worked out from its fields"));
        live.getOrDefault(type, Map.of()).forEach((name, own) -> properties.set(name, own.deepCopy()));
        properties.putObject("summary").put("type", "string").put("description", "Its teaser, in plain text");
        properties.putObject("html").put("type", "string").put("description", "Its body as sanitized HTML");
        properties.putObject("updated").put("type", "string").put("format", "date-time")
                .put("description", "When its file last changed, with the site's offset");
        schema.putArray("required").add("type").add("slug").add("url");
        schema.put("additionalProperties", false);
        return schema;
    }

    private ObjectNode frontMatterSchema(ContentType<?> type) {
        ObjectNode schema = ApiJson.MAPPER.createObjectNode();
        schema.put("$schema", DIALECT);
        schema.put("title", "The front matter of one of " + type.label() + " (" + type.name() + ")");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (Class<?> record : List.of(Meta.class, type.record())) {
            JsonNode generated = generate(record).get("properties");
            if (generated != null) {
                generated.fields().forEachRemaining(p -> {
                    if (!properties.has(p.getKey())) {
                        properties.set(p.getKey(), p.getValue());
                    }
                });
            }
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The front matter's properties as an item's members: renamed where the API's envelope takes the name, write-only ones left out. */
    private static void copyProperties(ObjectNode properties, ObjectNode into, ContentType<?> type, String skip) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            if (!property.getKey().equals(skip) && !property.getValue().path("writeOnly").asBoolean()) {
                into.set(ApiJson.fieldName(type, property.getKey()), property.getValue().deepCopy());
            }
        }
    }

    /** A type's item schema as a component of the OpenAPI document (without the standalone document's $schema and $id). */
    private ObjectNode component(ContentType<?> type) {
        ObjectNode copy = schemas.get(type.name()).deepCopy();
        copy.remove("$schema");
        copy.remove("$id");
        return copy;
    }

    private ObjectNode buildOpenApi() {
        ObjectNode doc = ApiJson.MAPPER.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Graduate Medical Education content API");
        info.put("version", "1");
        info.put("description", "Read-only: the site's settings and every content type's published items. "
                + "Answers carry a strong ETag (send If-None-Match for a 304) and may be kept for a minute.");
        doc.put("jsonSchemaDialect", DIALECT);
        doc.putArray("servers").addObject().put("url", baseUrl);
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode componentSchemas = components.putObject("schemas");

        componentSchemas.set("Problem", problemSchema());
        componentSchemas.set("Links", linksSchema());
        componentSchemas.set("Site", siteSchema());
        ObjectNode responses = components.putObject("responses");
        responses.set("NotModified", ApiJson.MAPPER.createObjectNode().put("description", "Unchanged since the ETag sent in If-None-Match"));
        responses.set("BadRequest", problemResponse("A parameter the address does not take, or a value it cannot use; 'parameter' names it"));
        responses.set("NotFound", problemResponse("No such type, item or page; 'parameter' names what was not found"));
        ObjectNode headers = components.putObject("headers");
        headers.putObject("ETag").put("description", "A strong validator of the body").putObject("schema").put("type", "string");
        headers.putObject("Cache-Control").put("description", "How long the answer may be kept").putObject("schema").put("type", "string");
        headers.putObject("Link").put("description", "RFC 8288 links to the self, first, prev, next and last pages")
                .putObject("schema").put("type", "string");

        ObjectNode site = operation(paths, ContentApi.SITE, "site", "The site's name, contacts, navigation, mission and vision", List.of());
        success(site, "The site", ref("Site"), false);

        for (ContentType<?> type : types) {
            String name = type.name();
            componentSchemas.set(name, component(type));
            componentSchemas.set(name + "List", listSchema(type));
            ObjectNode list = operation(paths, ContentApi.listPath(type), name + "List",
                    "Published " + type.label().toLowerCase(java.util.Locale.ROOT) + ", a page at a time", listParameters(type));
            success(list, "One page of the list", ref(name + "List"), true);
            list.with("responses").set("404", ref("#/components/responses/NotFound", true));

            List<ObjectNode> itemParameters = List.of(pathParameter("slug", "Its slug (the home page's is index)"), fieldsParameter(type));
            ObjectNode item = operation(paths, ContentApi.listPath(type) + "/{slug}", name + "Item", "One published " + type.singular(), itemParameters);
            success(item, "The " + type.singular(), ref(name), false);
            item.with("responses").set("404", ref("#/components/responses/NotFound", true));
        }

        ObjectNode typeParameter = pathParameter("type", "A content type");
        ArrayNode typeNames = typeParameter.with("schema").putArray("enum");
        types.forEach(t -> typeNames.add(t.name()));
        ObjectNode schemaOp = operation(paths, ContentApi.PREFIX + "/schemas/{type}", "schema", "The JSON Schema (draft 2020-12) of a type's items",
                List.of(typeParameter));
        ObjectNode schemaOk = schemaOp.with("responses").putObject("200");
        schemaOk.put("description", "The schema");
        schemaOk.putObject("content").putObject("application/schema+json").putObject("schema").put("type", "object")
                .put("description", "A JSON Schema, draft 2020-12 (" + DIALECT + ")");
        schemaOp.with("responses").set("404", ref("#/components/responses/NotFound", true));

        // Delta sync (the changes package serves it): what was created, updated or deleted since a token.
        ObjectNode since = ApiJson.MAPPER.createObjectNode();
        since.put("name", "since").put("in", "query").put("required", false)
                .put("description", "The 'next' token of the previous answer; leave out for the first call (everything published, as created)");
        since.putObject("schema").put("type", "string");
        ObjectNode changesOp = operation(paths, ContentApi.PREFIX + "/changes", "changes",
                "What was created, updated or deleted (also by scheduling) since a token, and the next token", List.of(since));
        componentSchemas.set("Changes", changesSchema());
        success(changesOp, "Changes in journal order, at most 500 at a time", ref("Changes"), false);
        changesOp.with("responses").set("503", problemResponse("The database is not open yet; try again after Retry-After seconds"));

        // Addresses other features serve (a registration for an event), as they describe themselves.
        for (ContentApi.Operation other : operations) {
            ObjectNode path = paths.has(other.path()) ? (ObjectNode) paths.get(other.path()) : paths.putObject(other.path());
            path.set(other.method(), other.spec().deepCopy());
            other.components().forEach((name, schema) -> componentSchemas.set(name, schema.deepCopy()));
        }

        ObjectNode self = operation(paths, ContentApi.PREFIX + "/openapi.json", "openapi", "This document", List.of());
        ObjectNode selfOk = self.with("responses").putObject("200");
        selfOk.put("description", "The OpenAPI 3.1 document");
        selfOk.putObject("content").putObject("application/json").putObject("schema").put("type", "object");
        return doc;
    }

    private ObjectNode changesSchema() {
        ObjectNode entry = ApiJson.MAPPER.createObjectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode props = entry.putObject("properties");
        ArrayNode typeNames = props.putObject("type").put("type", "string").putArray("enum");
        types.forEach(t -> typeNames.add(t.name()));
        props.putObject("slug").put("type", "string");
        ArrayNode kinds = props.putObject("change").put("type", "string").putArray("enum");
        kinds.add("created").add("updated").add("deleted");
        props.putObject("at").put("type", "string").put("format", "date-time");
        props.putObject("url").put("type", "string").put("format", "uri").put("description", "The page (not for deleted items)");
        props.putObject("item").put("type", "string").put("format", "uri").put("description", "The item in this API (not for deleted items)");
        entry.putArray("required").add("type").add("slug").add("change").add("at");
        ObjectNode answer = ApiJson.MAPPER.createObjectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode answerProps = answer.putObject("properties");
        answerProps.putObject("changes").put("type", "array").set("items", entry);
        answerProps.putObject("next").put("type", "string").put("description", "Send as 'since' next time");
        answerProps.putObject("more").put("type", "boolean").put("description", "More changes wait: ask again at once with 'next'");
        answer.putArray("required").add("changes").add("next").add("more");
        return answer;
    }

    private ObjectNode operation(ObjectNode paths, String path, String id, String summary, List<ObjectNode> parameters) {
        ObjectNode get = paths.putObject(path).putObject("get");
        get.put("operationId", id);
        get.put("summary", summary);
        if (!parameters.isEmpty()) {
            ArrayNode params = get.putArray("parameters");
            parameters.forEach(params::add);
        }
        ObjectNode responses = get.putObject("responses");
        responses.set("304", ref("#/components/responses/NotModified", true));
        responses.set("400", ref("#/components/responses/BadRequest", true));
        return get;
    }

    private void success(ObjectNode operation, String description, ObjectNode schema, boolean link) {
        ObjectNode ok = operation.with("responses").putObject("200");
        ok.put("description", description);
        ObjectNode headers = ok.putObject("headers");
        headers.set("ETag", ref("#/components/headers/ETag", true));
        headers.set("Cache-Control", ref("#/components/headers/Cache-Control", true));
        if (link) {
            headers.set("Link", ref("#/components/headers/Link", true));
        }
        ok.putObject("content").putObject(ContentApi.JSON).set("schema", schema);
    }

    private static ObjectNode ref(String component) {
        return ref("#/components/schemas/" + component, true);
    }

    private static ObjectNode ref(String pointer, boolean absolute) {
        return ApiJson.MAPPER.createObjectNode().put("$ref", pointer);
    }

    private static ObjectNode problemResponse(String description) {
        ObjectNode response = ApiJson.MAPPER.createObjectNode().put("description", description);
        response.putObject("content").putObject(PROBLEM).set("schema", ref("Problem"));
        return response;
    }

    private static ObjectNode pathParameter(String name, String description) {
        ObjectNode p = ApiJson.MAPPER.createObjectNode();
        p.put("name", name).put("in", "path").put("required", true).put("description", description);
        p.putObject("schema").put("type", "string");
        return p;
    }

    private static ObjectNode queryParameter(String name, String description, ObjectNode schema) {
        ObjectNode p = ApiJson.MAPPER.createObjectNode();
        p.put("name", name).put("in", "query").put("description", description);
        p.set("schema", schema);
        return p;
    }

    private ObjectNode fieldsParameter(ContentType<?> type) {
        ObjectNode schema = ApiJson.MAPPER.createObjectNode().put("type", "string");
        return queryParameter(ApiQuery.FIELDS, "Members to give, separated by commas (type, slug and url always come): "
                + String.join(", ", ApiJson.memberNames(type)), schema);
    }

    /** The parameters a list takes: paging, sort, fields and the type's filters, as {@link ApiQuery} checks them. */
    List<ObjectNode> listParameters(ContentType<?> type) {
        ListFilters<?> own = filters.get(type);
        List<ObjectNode> parameters = new ArrayList<>();
        parameters.add(queryParameter(ApiQuery.PAGE, "Which page, from 1", ApiJson.MAPPER.createObjectNode()
                .put("type", "integer").put("minimum", 1).put("maximum", 999_999_999).put("default", 1)));
        parameters.add(queryParameter(ApiQuery.SIZE, "Items a page, at most " + ApiQuery.MAX_SIZE, ApiJson.MAPPER.createObjectNode()
                .put("type", "integer").put("minimum", 1).put("maximum", ApiQuery.MAX_SIZE).put("default", ApiQuery.DEFAULT_SIZE)));
        ObjectNode sort = ApiJson.MAPPER.createObjectNode().put("type", "string");
        ArrayNode sorts = sort.putArray("enum");
        own.sorts().forEach(sorts::add);
        parameters.add(queryParameter(ApiQuery.SORT, "The order; without it, the site's own order of the list"
                + (own.sorts().stream().anyMatch(s -> s.startsWith("-")) ? " ('-' in front: descending)" : ""), sort));
        parameters.add(fieldsParameter(type));
        for (ListFilters.Filter filter : own.filters()) {
            ObjectNode value = filterValueSchema(filter);
            ObjectNode parameter;
            if (filter.repeatable()) {
                ObjectNode array = ApiJson.MAPPER.createObjectNode().put("type", "array");
                array.set("items", value);
                parameter = queryParameter(filter.name(), filter.label() + " (repeat it for any of several values)", array);
                parameter.put("style", "form").put("explode", true);
            } else {
                parameter = queryParameter(filter.name(), filter.label(), value);
            }
            parameters.add(parameter);
        }
        return parameters;
    }

    static ObjectNode filterValueSchema(ListFilters.Filter filter) {
        ObjectNode value = ApiJson.MAPPER.createObjectNode().put("type", "string");
        if (filter.values() != null) {
            ArrayNode values = value.putArray("enum");
            filter.values().forEach(values::add);
        } else if (filter.format().equals("date")) {
            value.put("format", "date");
        } else if (filter.format().equals("integer")) {
            value.put("pattern", "^[0-9]{1,9}$");
        } else {
            value.put("maxLength", ApiQuery.MAX_VALUE);
        }
        return value;
    }

    private ObjectNode listSchema(ContentType<?> type) {
        ObjectNode schema = ApiJson.MAPPER.createObjectNode().put("type", "object");
        ObjectNode p = schema.putObject("properties");
        p.putObject("type").put("const", type.name());
        p.putObject("total").put("type", "integer").put("minimum", 0).put("description", "Items matching, on every page");
        p.putObject("page").put("type", "integer").put("minimum", 1);
        p.putObject("size").put("type", "integer").put("minimum", 1).put("maximum", ApiQuery.MAX_SIZE);
        p.putObject("items").put("type", "array").set("items", ref(type.name()));
        p.set("links", ref("Links"));
        ArrayNode required = schema.putArray("required");
        List.of("type", "total", "page", "size", "items", "links").forEach(required::add);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode linksSchema() {
        ObjectNode schema = ApiJson.MAPPER.createObjectNode().put("type", "object");
        ObjectNode p = schema.putObject("properties");
        for (String rel : List.of("self", "first", "prev", "next", "last")) {
            p.putObject(rel).put("type", "string").put("format", "uri");
        }
        schema.putArray("required").add("self").add("first").add("last");
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode problemSchema() {
        ObjectNode schema = ApiJson.MAPPER.createObjectNode().put("type", "object").put("description", "RFC 9457 problem details");
        ObjectNode p = schema.putObject("properties");
        p.putObject("type").put("type", "string");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer").put("minimum", 400).put("maximum", 599);
        p.putObject("detail").put("type", "string");
        p.putObject("parameter").put("type", "string").put("description", "The parameter at fault");
        schema.putArray("required").add("type").add("title").add("status");
        return schema;
    }

    private ObjectNode siteSchema() {
        ObjectNode schema = ApiJson.MAPPER.createObjectNode().put("type", "object");
        ObjectNode p = schema.putObject("properties");
        for (String text : List.of("name", "shortName", "organization", "description", "timeZone", "mission", "vision")) {
            p.putObject(text).put("type", "string");
        }
        p.putObject("url").put("type", "string").put("format", "uri");
        p.set("contact", generate(SiteConfig.Contact.class));
        ObjectNode links = ApiJson.MAPPER.createObjectNode().put("type", "array");
        links.set("items", generate(SiteConfig.Link.class));
        p.set("navigation", links);
        p.set("footerLinks", links.deepCopy());
        ObjectNode typeEntry = ApiJson.MAPPER.createObjectNode().put("type", "object");
        ObjectNode tp = typeEntry.putObject("properties");
        tp.putObject("type").put("type", "string");
        tp.putObject("label").put("type", "string");
        tp.putObject("list").put("type", "string").put("format", "uri");
        tp.putObject("schema").put("type", "string").put("format", "uri");
        typeEntry.put("additionalProperties", false);
        p.putObject("types").put("type", "array").set("items", typeEntry);
        schema.putArray("required").add("name").add("url").add("types");
        schema.put("additionalProperties", false);
        return schema;
    }
}
