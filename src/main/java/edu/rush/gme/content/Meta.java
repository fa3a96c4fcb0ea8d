package edu.rush.gme.content;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The front matter fields every content file may have, whatever its type (Hugo's names).
 * Type-specific fields live in the type's own record, bound from the same YAML.
 */
public record Meta(
        String title,
        @JsonPropertyDescription("For search engines and link previews: one or two sentences") String description,
        @JsonPropertyDescription("Its name in its address; leave empty to make it from the file's name") String slug,
        LocalDate date,
        @JsonPropertyDescription("Not shown before this day or moment") DateOrTime publishDate,
        @JsonPropertyDescription("Not shown from this day or moment on") DateOrTime expiryDate,
        @JsonPropertyDescription("A draft is never shown on the site; only a publisher can publish it") Boolean draft,
        @JsonPropertyDescription("Lower numbers come first in lists that are not by date") Integer weight,
        @JsonPropertyDescription("Placeholder text that still needs real facts: the page says so") Boolean sample,
        String sampleNote,
        String image,
        @JsonPropertyDescription("What the image shows, for people who cannot see it") String imageAlt) {

    public boolean isDraft() {
        return Boolean.TRUE.equals(draft);
    }

    public boolean isSample() {
        return Boolean.TRUE.equals(sample);
    }

    /** Exactly what is still placeholder on a {@code sample} page, in one sentence; null for the type's general notice. */
    public String sampleNoteOrNull() {
        return sampleNote == null || sampleNote.isBlank() ? null : sampleNote.strip();
    }

    public int order() {
        return weight == null ? 0 : weight;
    }

    /**
     * The one visibility rule that every page, list, feed, sitemap and API applies: not a draft,
     * published (publishDate reached, to the minute, in the site's time zone) and not expired.
     */
    public boolean isVisible(ZonedDateTime now) {
        if (isDraft()) {
            return false;
        }
        ZoneId zone = now.getZone();
        Instant instant = now.toInstant();
        if (publishDate != null && instant.isBefore(publishDate.in(zone))) {
            return false;
        }
        return expiryDate == null || instant.isBefore(expiryDate.in(zone));
    }

    /** When it appears (publishDate) and goes (expiryDate), in {@code zone}; the moments at which its visibility changes. */
    public java.util.stream.Stream<Instant> scheduled(ZoneId zone) {
        if (isDraft()) {
            return java.util.stream.Stream.empty();
        }
        return java.util.stream.Stream.of(publishDate, expiryDate).filter(java.util.Objects::nonNull).map(when -> when.in(zone));
    }

    /** A page bundle's own file name, or a path under the site's /images/ folder; never a way out of either. */
    static boolean isImagePath(String image) {
        String path = image.strip();
        if (path.isEmpty() || path.contains("..") || path.contains("\\") || path.contains("//") || path.contains(":")) {
            return false;
        }
        return path.startsWith("/") ? path.startsWith("/images/") && path.length() > "/images/".length() : true;
    }

    /** The rules of the common fields; a type's own rules are in its {@link FrontMatter#validate}. */
    public List<FrontMatter.FieldProblem> validate() {
        List<FrontMatter.FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(FrontMatter.FieldProblem.missing("title"));
        }
        if (sampleNote != null && !isSample()) {
            problems.add(new FrontMatter.FieldProblem("sampleNote", "'sampleNote' says what is placeholder on a sample page: add 'sample: true' or remove it"));
        }
        if (slug != null && !Slugs.isValid(slug)) {
            problems.add(new FrontMatter.FieldProblem("slug", "'slug' must be lowercase letters, digits and single hyphens, like 'internal-medicine', got \"" + slug + "\""));
        }
        if (image != null && (imageAlt == null || imageAlt.isBlank())) {
            problems.add(new FrontMatter.FieldProblem("image", "'image' needs 'imageAlt': a short description of the picture for people who cannot see it"));
        }
        if (image != null && !isImagePath(image)) {
            problems.add(new FrontMatter.FieldProblem("image", "'image' must be a file beside a page bundle's index.md, like 'photo.webp', "
                    + "or one of the site's images, like '/images/news-skyline.svg', got \"" + image + "\""));
        }
        // Compared as if both were in one zone: a date or time without offset is in the site's zone, which Meta does not know.
        if (publishDate != null && expiryDate != null && !expiryDate.in(ZoneOffset.UTC).isAfter(publishDate.in(ZoneOffset.UTC))) {
            problems.add(new FrontMatter.FieldProblem("expiryDate", "'expiryDate' must be after 'publishDate'"));
        }
        return problems;
    }
}
