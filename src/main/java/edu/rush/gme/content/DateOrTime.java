package edu.rush.gme.content;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * A moment as staff write it in front matter ({@code publishDate}, {@code expiryDate}): a day
 * ({@code 2026-12-01}, its first minute in the site's time zone), a day and a time
 * ({@code 2026-12-01T09:00} or {@code 2026-12-01 09:00}, in the site's zone), or a day and a time with
 * an offset ({@code 2026-12-01T09:00-06:00}, {@code ...Z}). A local time that a daylight saving change
 * skips (02:30 on the March night) is taken as the same time after the jump (03:30); one that occurs
 * twice (01:30 on the November night) as its first occurrence.
 *
 * @param offset null unless written
 * @param time   null for a day alone
 */
@JsonDeserialize(using = DateOrTime.Reader.class)
public record DateOrTime(LocalDate date, LocalTime time, ZoneOffset offset) {

    /** How the field is described in problems and in the docs. */
    public static final String FORMS = "a date like 2026-12-01, or a date and time like 2026-12-01T09:00 "
            + "(the site's time zone) or 2026-12-01T09:00-06:00";

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter();

    public DateOrTime {
        if (date == null) {
            throw new IllegalArgumentException("a date is needed");
        }
        if (offset != null && time == null) {
            throw new IllegalArgumentException("an offset needs a time");
        }
    }

    public static DateOrTime of(LocalDate date) {
        return new DateOrTime(date, null, null);
    }

    /** Reads one of the written forms; throws {@link DateTimeParseException} for anything else. */
    public static DateOrTime parse(String text) {
        String value = text.strip();
        TemporalAccessor parsed = FORMAT.parse(value);
        LocalDate date = LocalDate.from(parsed);
        boolean hasTime = parsed.isSupported(ChronoField.HOUR_OF_DAY);
        if (!hasTime && value.length() != 10) {
            throw new DateTimeParseException("a date must be alone or have a time", value, 10);
        }
        LocalTime time = hasTime ? LocalTime.from(parsed) : null;
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : null;
        return new DateOrTime(date, time, offset);
    }

    /** The moment it names, reading a day or a time without offset in {@code zone}. */
    public Instant in(ZoneId zone) {
        if (time == null) {
            return date.atStartOfDay(zone).toInstant();
        }
        if (offset != null) {
            return OffsetDateTime.of(date, time, offset).toInstant();
        }
        return ZonedDateTime.of(LocalDateTime.of(date, time), zone).toInstant();
    }

    /** As written, normalized: {@code 2026-12-01}, {@code 2026-12-01T09:00}, {@code 2026-12-01T09:00-06:00}. */
    @JsonValue
    @Override
    public String toString() {
        if (time == null) {
            return date.toString();
        }
        return date + "T" + time + (offset == null ? "" : offset.getId());
    }

    /** Jackson's reading of the field: a YAML scalar in one of the forms, or a problem naming them. */
    static final class Reader extends JsonDeserializer<DateOrTime> {
        @Override
        public DateOrTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING && !parser.currentToken().isScalarValue()) {
                return (DateOrTime) context.handleUnexpectedToken(DateOrTime.class, parser);
            }
            String text = parser.getValueAsString();
            try {
                return parse(text);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                return (DateOrTime) context.handleWeirdStringValue(DateOrTime.class, text, FORMS);
            }
        }
    }
}
