package edu.rush.gme.api;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.news.NewsStory;
import edu.rush.gme.program.ProgramContent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the API writes values: dates stay dates, times keep their offset, the file time is in the site's zone. */
class ApiJsonTest {

    @Test
    void a_date_stays_a_date_and_a_time_keeps_its_offset() {
        ZonedDateTime nineInChicago = ZonedDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneId.of("America/Chicago"));
        String json = ApiJson.write(ApiJson.tree(Map.of("date", LocalDate.of(2026, 9, 15), "zoned", nineInChicago,
                "offset", nineInChicago.toOffsetDateTime())));
        assertThat(json).contains("\"date\":\"2026-09-15\"", "\"zoned\":\"2026-12-01T09:00:00-06:00\"", "\"offset\":\"2026-12-01T09:00:00-06:00\"");
        assertThat(ApiJson.timestamp(Instant.parse("2026-07-01T14:30:15.123456Z"), ZoneId.of("America/Chicago")))
                .isEqualTo("2026-07-01T09:30:15-05:00");
        assertThat(OffsetDateTime.parse(ApiJson.timestamp(Instant.parse("2026-12-01T15:00:00Z"), ZoneId.of("America/Chicago"))).getOffset().getId())
                .isEqualTo("-06:00");
    }

    @Test
    void a_field_named_like_a_member_of_every_item_is_renamed_by_the_type() {
        assertThat(ApiJson.fieldName(ProgramContent.TYPE, "type")).isEqualTo("programType");
        assertThat(ApiJson.fieldName(NewsStory.TYPE, "type")).isEqualTo("newsStoryType");
        assertThat(ApiJson.fieldName(ProgramContent.TYPE, "specialty")).isEqualTo("specialty");
        assertThat(ApiJson.memberNames(ProgramContent.TYPE)).startsWith("type", "slug", "url", "title").contains("programType")
                .contains("summary").endsWith("html", "updated");
    }
}
