package edu.rush.gme.api;

import static edu.rush.gme.api.ApiSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published contract holds: the OpenAPI document is valid OpenAPI 3.1 (swagger-parser), and
 * real answers of every address, good and bad, validate against it (networknt's validator, with
 * formats asserted), as another front end checking the API would do.
 */
class ApiContractTest {

    static final String DOC = ApiSite.BASE_URL + "/api/v1/openapi.json";

    @TempDir
    static Path temp;
    static TestSite site;
    static String openApiText;
    static JsonNode openApi;
    static SchemaRegistry registry;

    @BeforeAll
    static void start() {
        site = ApiSite.start(temp);
        Response response = site.get("/api/v1/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        openApiText = response.raw().body();
        openApi = json(response);
        registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(Map.of(DOC, openApiText)));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void the_document_is_valid_openapi_3_1_and_lists_every_registered_type() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(openApiText);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        for (String type : List.of("home", "pages", "programs", "news", "wellness")) {
            assertThat(openApi.at("/paths").has("/api/v1/" + type)).as(type).isTrue();
            assertThat(openApi.at("/paths").has("/api/v1/" + type + "/{slug}")).as(type).isTrue();
            assertThat(openApi.at("/components/schemas").has(type)).as(type).isTrue();
        }
        // Programs take the finder's filters, with the finder's fixed values.
        List<String> names = new ArrayList<>();
        openApi.at("/paths/~1api~1v1~1programs/get/parameters").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).contains("page", "size", "sort", "fields", "type", "specialty", "department", "length", "visa", "comlex",
                "graduation", "usce", "interview", "window");
        assertThat(openApi.at("/components/schemas/programs/properties/programType/enum").toString()).contains("allied-health");
        assertThat(openApi.at("/components/schemas/news/properties/date/format").asText()).isEqualTo("date");
    }

    @Test
    void each_schema_is_draft_2020_12_and_generated_from_the_records() {
        for (String type : List.of("home", "pages", "programs", "news", "wellness")) {
            Response response = site.get("/api/v1/schemas/" + type);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/schema+json");
            JsonNode schema = json(response);
            assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.get("$id").asText()).isEqualTo(ApiSite.BASE_URL + "/api/v1/schemas/" + type);
            assertThat(schema.at("/properties/title/type").asText()).isEqualTo("string");
        }
        JsonNode programs = json(site.get("/api/v1/schemas/programs"));
        assertThat(programs.at("/properties/interviews/properties/format/enum").toString()).contains("in-person");
        assertThat(programs.at("/properties/visas/items/enum").toString()).contains("J-1", "H-1B");
        assertThat(programs.at("/properties/lengthYears/type").asText()).isEqualTo("integer");
        assertThat(site.get("/api/v1/schemas/podcasts").status()).isEqualTo(404);
        // Every item of every list validates against its own standalone schema too.
        for (String type : List.of("home", "pages", "programs", "news", "wellness")) {
            Schema schema = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(), b -> b
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                    .getSchema(site.get("/api/v1/schemas/" + type).raw().body(), InputFormat.JSON);
            json(site.get("/api/v1/" + type + "?size=100")).get("items").forEach(item ->
                    assertThat(schema.validate(item.toString(), InputFormat.JSON)).as(type + " " + item.get("slug")).isEmpty());
        }
    }

    @Test
    void real_answers_of_every_address_validate_against_the_document() {
        List<String> paths = List.of(
                "/api/v1/site",
                "/api/v1/home", "/api/v1/home/index",
                "/api/v1/pages", "/api/v1/pages/about", "/api/v1/pages?sort=-date&from=2026-01-01",
                "/api/v1/programs", "/api/v1/programs/alpha-im", "/api/v1/programs?type=residency&visa=J-1&interview=virtual&sort=deadline",
                "/api/v1/programs?size=2&page=2&fields=title,programType", "/api/v1/programs/zeta-pharm?fields=application",
                "/api/v1/news", "/api/v1/news/open-house", "/api/v1/news?from=2026-09-01&to=2026-12-31&sort=title&size=1",
                "/api/v1/wellness", "/api/v1/wellness/peer-support",
                "/api/v1/schemas/programs",
                "/api/v1/openapi.json",
                // Refusals are part of the contract too.
                "/api/v1/news?page=0", "/api/v1/news?size=1000", "/api/v1/programs?visa=L-1", "/api/v1/news?nope=1",
                "/api/v1/news?page=99", "/api/v1/news/nope", "/api/v1/schemas/podcasts",
                "/api/v1/events", "/api/v1/events/winter-open-house", "/api/v1/events?sort=-start", "/api/v1/changes", "/api/v1/changes?since=not-a-token");
        // The change journal answers once the database has opened (503 with Retry-After until then).
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (site.get("/api/v1/changes").status() == 503 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        for (String path : paths) {
            Response response = site.get(path);
            String mediaType = response.header("Content-Type").split(";")[0].strip();
            JsonNode declared = declaredResponse(path, response.status());
            assertThat(declared).as(path + " answered " + response.status() + ", which the document does not declare").isNotNull();
            assertThat(declared.at("/content").has(mediaType)).as(path + " " + mediaType).isTrue();
            String pointer = pointerOf(declared) + "/content/" + escape(mediaType) + "/schema";
            Schema schema = registry.getSchema(SchemaLocation.of(DOC + "#" + pointer));
            List<Error> errors = schema.validate(response.raw().body(), InputFormat.JSON);
            assertThat(errors).as(path + " against " + pointer).isEmpty();
        }
    }

    @Test
    void registration_answers_validate_against_the_document() {
        String path = "/api/v1/events/winter-open-house/registrations";
        assertThat(openApi.at("/paths/" + escape("/api/v1/events/{slug}/registrations") + "/post/operationId").asText()).isEqualTo("registerForEvent");
        String person = "{\"name\": \"Ada\", \"email\": \"ada@example.org\", \"applicantType\": \"img\", \"programs\": [\"alpha-im\"]}";
        List<Response> answers = List.of(
                site.postJson(path, "application/json", person),
                site.postJson(path, "application/json", person),
                site.postJson(path, "application/json", "{\"email\": \"x\"}"),
                site.postJson(path, "application/json", "[]"),
                site.postJson(path, "text/plain", person),
                site.postJson("/api/v1/events/no-such/registrations", "application/json", person));
        assertThat(answers).extracting(Response::status).containsExactly(201, 200, 422, 400, 415, 404);
        for (Response response : answers) {
            String mediaType = response.header("Content-Type").split(";")[0].strip();
            String pointer = "/paths/" + escape("/api/v1/events/{slug}/registrations") + "/post/responses/" + response.status()
                    + "/content/" + escape(mediaType) + "/schema";
            assertThat(openApi.at(pointer).isMissingNode()).as(pointer).isFalse();
            Schema schema = registry.getSchema(SchemaLocation.of(DOC + "#" + pointer));
            assertThat(schema.validate(response.raw().body(), InputFormat.JSON)).as(response.status() + " " + response.raw().body()).isEmpty();
        }
        assertThat(site.get("/api").text()).contains("POST /api/v1/events/{slug}/registrations").contains("applicantType: one of us-md");
    }

    @Test
    void the_validator_does_catch_an_answer_that_breaks_the_contract() {
        String pointer = "/components/schemas/news";
        Schema schema = registry.getSchema(SchemaLocation.of(DOC + "#" + pointer));
        assertThat(schema.validate("{\"type\":\"news\",\"slug\":\"x\",\"url\":\"https://a.example/x\",\"date\":\"15 Sept\"}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"type\":\"news\",\"slug\":\"x\",\"url\":\"https://a.example/x\",\"secret\":1}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"type\":\"programs\",\"slug\":\"x\",\"url\":\"https://a.example/x\"}", InputFormat.JSON)).isNotEmpty();
    }

    /** The response the document declares for this request path and status (following a $ref to components), with its JSON pointer. */
    static JsonNode declaredResponse(String requestPath, int status) {
        String path = requestPath.split("\\?")[0];
        String template = null;
        for (Iterator<String> it = openApi.get("paths").fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            if (candidate.equals(path)) {
                template = candidate;
                break;
            }
            if (template == null && path.matches(candidate.replaceAll("\\{[^}]+}", "[^/]+"))) {
                template = candidate;
            }
        }
        if (template == null) {
            return null;
        }
        String pointer = "/paths/" + escape(template) + "/get/responses/" + status;
        JsonNode response = openApi.at(pointer);
        if (response.isMissingNode()) {
            return null;
        }
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = openApi.at(pointer);
        }
        return ((com.fasterxml.jackson.databind.node.ObjectNode) response.deepCopy()).put("x-pointer", pointer);
    }

    static String pointerOf(JsonNode declared) {
        return declared.get("x-pointer").asText();
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
