package edu.rush.gme.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.TestSite;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/inquiries}: the same inquiries for other front ends, with problem documents. */
class InquiryApiTest extends InquirySiteForClass {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = """
            {"program": "alpha-im", "name": "Ada Lovelace", "email": "ada@example.com", "applicantType": "us-do",
             "graduationYear": 2026, "message": "Do you accept COMLEX instead of USMLE?"}
            """;

    private static JsonNode json(TestSite.Response response) throws Exception {
        return JSON.readTree(response.raw().body());
    }

    @Test
    void creates_an_inquiry_and_answers_with_its_reference() throws Exception {
        TestSite.Response created = site.postJson("/api/v1/inquiries", "application/json", VALID);
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = json(created);
        String reference = body.get("reference").asText();
        assertThat(reference).matches("Q-[0-9A-Z]{8}");
        assertThat(body.get("program").asText()).isEqualTo("alpha-im");
        assertThat(body.get("programTitle").asText()).isEqualTo("Internal Medicine Residency");
        assertThat(created.header("Location")).isEqualTo("/inquiries/" + reference);

        Inquiry stored = site.app().services().inquiries().find(reference).orElseThrow();
        assertThat(stored.channel()).isEqualTo("api");
        assertThat(stored.content().applicantType()).isEqualTo(ApplicantType.US_DO);
        assertThat(stored.content().graduationYear()).isEqualTo(2026);
    }

    @Test
    void rejects_inquiry_without_email_with_a_problem_document() throws Exception {
        TestSite.Response answer = site.postJson("/api/v1/inquiries", "application/json",
                "{\"program\": \"alpha-im\", \"name\": \"Ada\", \"message\": \"Hello\"}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json(answer);
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("title").asText()).isEqualTo("Invalid inquiry");
        assertThat(problem.get("detail").asText()).isEqualTo("Enter your e-mail address");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("email");
        assertThat(stored()).isEmpty();
    }

    @Test
    void lists_every_field_that_needs_attention() throws Exception {
        JsonNode problem = json(site.postJson("/api/v1/inquiries", "application/json", "{\"program\": \"nope\", \"email\": \"x\"}"));
        assertThat(problem.get("detail").asText()).isEqualTo("4 fields need attention");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("program", "name", "email", "message");
    }

    @Test
    void rejects_a_field_of_the_wrong_type() throws Exception {
        TestSite.Response answer = site.postJson("/api/v1/inquiries", "application/json",
                "{\"program\": \"alpha-im\", \"name\": [\"Ada\"], \"email\": \"ada@example.com\", \"message\": \"Hi\"}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(json(answer).get("errors").get(0).get("detail").asText()).isEqualTo("'name' must be a string");
    }

    @Test
    void malformed_json_is_a_bad_request_not_a_server_error() throws Exception {
        TestSite.Response answer = site.postJson("/api/v1/inquiries", "application/json", "{\"program\": ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(json(answer).get("title").asText()).isEqualTo("Malformed request");
        assertThat(answer.raw().body()).doesNotContain("Exception", "at com.");

        assertThat(site.postJson("/api/v1/inquiries", "application/json", "[1, 2]").status()).isEqualTo(400);
    }

    @Test
    void reads_json_whatever_charset_the_header_claims() throws Exception {
        TestSite.Response answer = site.postJson("/api/v1/inquiries", "application/json; charset=made-up", VALID);
        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void refuses_a_body_that_is_not_json() throws Exception {
        TestSite.Response answer = site.postJson("/api/v1/inquiries", "text/plain", VALID);
        assertThat(answer.status()).isEqualTo(415);
        assertThat(json(answer).get("detail").asText()).isEqualTo("Send the inquiry as JSON with Content-Type: application/json");
    }

    @Test
    void too_many_inquiries_get_429_with_retry_after() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(site.postJson("/api/v1/inquiries", "application/json", VALID).status()).isEqualTo(201);
        }
        TestSite.Response refused = site.postJson("/api/v1/inquiries", "application/json", VALID);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(json(refused).get("title").asText()).isEqualTo("Too many inquiries");
    }
}
