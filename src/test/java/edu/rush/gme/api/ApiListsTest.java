package edu.rush.gme.api;

import static edu.rush.gme.api.ApiSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters, sorts and fields of the content API's lists: programs as the finder, the other types by their dates and enums. */
class ApiListsTest {

    @TempDir
    static Path temp;
    static TestSite site;

    @BeforeAll
    static void start() {
        site = ApiSite.start(temp);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static List<String> slugs(String path) {
        Response response = site.get(path);
        assertThat(response.status()).as(path + ": " + response.raw().body()).isEqualTo(200);
        List<String> slugs = new ArrayList<>();
        json(response).get("items").forEach(item -> slugs.add(item.get("slug").asText()));
        return slugs;
    }

    static JsonNode problem(String path, String parameter) {
        Response response = site.get(path);
        assertThat(response.status()).as(path + ": " + response.raw().body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.get("parameter").asText()).as(path).isEqualTo(parameter);
        return body;
    }

    @Test
    void programs_take_the_finders_filters_with_the_same_names_and_meaning() {
        assertThat(slugs("/api/v1/programs?type=residency&visa=J-1&interview=virtual")).containsExactly("alpha-im");
        // Any of the values within a filter, all filters together; by title as the finder lists them.
        assertThat(slugs("/api/v1/programs?visa=J-1&visa=H-1B")).containsExactly("delta-cards", "epsilon-gi", "alpha-im", "beta-peds");
        assertThat(slugs("/api/v1/programs?type=fellowship&type=allied-health")).containsExactly("delta-cards", "epsilon-gi", "zeta-pharm");
        assertThat(slugs("/api/v1/programs?comlex=yes&usce=not-required")).containsExactly("delta-cards", "alpha-im");
        assertThat(slugs("/api/v1/programs?graduation=5")).containsExactly("alpha-im");
        assertThat(slugs("/api/v1/programs?length=5")).containsExactly("gamma-surg");
        assertThat(slugs("/api/v1/programs?specialty=Pediatrics")).containsExactly("beta-peds");
        assertThat(slugs("/api/v1/programs?department=Department%20of%20Surgery")).containsExactly("gamma-surg");
        // On 2026-11-27 only the pharmacy residency's deadline (2027-01-02) is still ahead.
        assertThat(slugs("/api/v1/programs?window=ahead")).containsExactly("zeta-pharm");
    }

    @Test
    void a_value_no_program_has_lists_none_rather_than_all() {
        assertThat(slugs("/api/v1/programs?specialty=Dermatology")).isEmpty();
        assertThat(slugs("/api/v1/programs?length=7")).isEmpty();
        assertThat(json(site.get("/api/v1/programs?specialty=Dermatology")).get("total").asInt()).isZero();
    }

    @Test
    void programs_sort_as_the_finder_does() {
        assertThat(slugs("/api/v1/programs?sort=positions")).startsWith("alpha-im", "beta-peds", "gamma-surg");
        assertThat(slugs("/api/v1/programs?sort=length")).startsWith("zeta-pharm");
        assertThat(slugs("/api/v1/programs?sort=deadline")).startsWith("zeta-pharm");
        assertThat(slugs("/api/v1/programs?sort=title")).containsExactly("delta-cards", "epsilon-gi", "alpha-im", "beta-peds", "zeta-pharm", "gamma-surg");
    }

    @Test
    void news_filters_by_its_date_and_sorts_by_date_or_title() {
        assertThat(slugs("/api/v1/news?from=2026-09-15&to=2026-10-31")).containsExactly("wellness-week", "new-fellowship");
        assertThat(slugs("/api/v1/news?from=2026-11-01")).containsExactly("open-house");
        assertThat(slugs("/api/v1/news?sort=date")).containsExactly("match-day", "new-fellowship", "wellness-week", "open-house");
        assertThat(slugs("/api/v1/news?sort=-date")).containsExactly("open-house", "wellness-week", "new-fellowship", "match-day");
        assertThat(slugs("/api/v1/news?sort=title")).containsExactly("match-day", "new-fellowship", "open-house", "wellness-week");
        assertThat(slugs("/api/v1/news?sort=-title")).containsExactly("wellness-week", "open-house", "new-fellowship", "match-day");
        // Paging keeps the filters in its links.
        JsonNode page = json(site.get("/api/v1/news?from=2026-01-01&size=2"));
        assertThat(page.at("/links/next").asText()).isEqualTo("https://gme.example.edu/api/v1/news?from=2026-01-01&size=2&page=2");
    }

    @Test
    void fields_picks_members_and_always_keeps_type_slug_and_url() {
        JsonNode list = json(site.get("/api/v1/news?fields=title,date"));
        JsonNode first = list.at("/items/0");
        List<String> names = new ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("type", "slug", "url", "title", "date");
        JsonNode program = json(site.get("/api/v1/programs/alpha-im?fields=programType,visas"));
        names.clear();
        program.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("type", "slug", "url", "programType", "visas");
    }

    @Test
    void hostile_values_of_every_list_parameter_are_refused_naming_it() {
        problem("/api/v1/programs?visa=L-1", "visa");
        problem("/api/v1/programs?type=internship", "type");
        problem("/api/v1/programs?type=residency%27%3B%20DROP%20TABLE%20programs--", "type");
        problem("/api/v1/programs?specialty=A&specialty=B", "specialty");
        problem("/api/v1/programs?length=three", "length");
        problem("/api/v1/programs?length=99999999999999999999", "length");
        problem("/api/v1/programs?window=closed", "window");
        problem("/api/v1/programs?specialty=" + "x".repeat(300), "specialty");
        problem("/api/v1/programs?sort=nope", "sort");
        problem("/api/v1/programs?sort=-date", "sort");
        problem("/api/v1/programs?sort=title&sort=length", "sort");
        problem("/api/v1/programs?from=2026-01-01", "from");
        problem("/api/v1/news?from=yesterday", "from");
        problem("/api/v1/news?to=2026-02-30", "to");
        problem("/api/v1/news?from=", "from");
        problem("/api/v1/news?visa=J-1", "visa");
        problem("/api/v1/news?sort=positions", "sort");
        problem("/api/v1/news?fields=title,password", "fields");
        problem("/api/v1/news?fields=", "fields");
        problem("/api/v1/news?fields=title,,date", "fields");
        problem("/api/v1/news?fields=%3Cscript%3E", "fields");
        problem("/api/v1/news/match-day?fields=nope", "fields");
        JsonNode body = problem("/api/v1/news?%3Cscript%3Ealert(1)%3C%2Fscript%3E=1", "<script>alert(1)</script>");
        assertThat(site.get("/api/v1/news?%3Cscript%3E=1").header("Content-Type")).doesNotContain("html");
        assertThat(body.get("detail").asText()).contains("this address takes page, size, sort, fields, from, to");
    }
}
