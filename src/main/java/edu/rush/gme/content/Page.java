package edu.rush.gme.content;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * One content file as the site shows it: where it lives, its URL, its common and typed front
 * matter and its sanitized HTML body.
 *
 * @param section  the folder it belongs to ("" for top-level pages, "news", "programs", ...)
 * @param slug     the last part of its URL
 * @param url      its path on the site, e.g. {@code /news/resident-not-in-waiting}
 * @param source   where it came from, e.g. {@code content/news/resident-not-in-waiting.md}
 * @param modified when the file last changed (sitemap lastmod, feeds)
 * @param body     the sanitized HTML of the Markdown body, rendered when first asked for
 * @param digest   the SHA-256 of the file's bytes in hex (for a page bundle, of its index.md and its images):
 *                 changes exactly when what the page shows does
 */
public record Page<T extends FrontMatter>(
        String section,
        String slug,
        String url,
        String source,
        Instant modified,
        Meta meta,
        T data,
        LazyHtml body,
        String digest) {

    /** The rendered, sanitized Markdown body; safe to print raw. */
    public String html() {
        return body.get();
    }

    public String title() {
        return meta.title();
    }

    /**
     * Where its picture is: one of the site's images as written ({@code /images/skyline.svg}), or a
     * file of its page bundle beside its URL ({@code photo.jpg} becomes {@code /news/story/photo.jpg});
     * null without a picture.
     */
    public String imageUrl() {
        String image = meta.image();
        if (image == null || image.isBlank()) {
            return null;
        }
        return image.startsWith("/") ? image : url + "/" + image;
    }

    public boolean isVisible(ZonedDateTime now) {
        return meta.isVisible(now);
    }

    /** The same page with another digest (a bundle's page: also of its images). */
    Page<T> withDigest(String newDigest) {
        return new Page<>(section, slug, url, source, modified, meta, data, body, newDigest);
    }

    /** The same page with other typed front matter (used when a cross-file check corrects it). */
    public Page<T> withData(T newData) {
        return new Page<>(section, slug, url, source, modified, meta, newData, body, digest);
    }
}
