package edu.rush.gme.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry: every content type of the site, in the order the API, the sitemap and the docs list
 * them. Built once by the composition root from the features' declarations; the loader, the
 * snapshot, search, the sitemap, feeds, the API, {@code validate} and {@code new} iterate it.
 */
public final class ContentTypes {

    private final Map<String, ContentType<?>> byName = new LinkedHashMap<>();
    private final ContentType<?> home;
    private final ContentType<?> page;

    private ContentTypes(List<ContentType<?>> types) {
        ContentType<?> homeType = null;
        ContentType<?> pageType = null;
        for (ContentType<?> type : types) {
            if (byName.putIfAbsent(type.name(), type) != null) {
                throw new IllegalArgumentException("two content types are named " + type.name());
            }
            switch (type.placement()) {
                case HOME -> homeType = only(homeType, type);
                case PAGE -> pageType = only(pageType, type);
                case SECTION -> { }
            }
        }
        this.home = homeType;
        this.page = pageType;
    }

    private static ContentType<?> only(ContentType<?> existing, ContentType<?> type) {
        if (existing != null) {
            throw new IllegalArgumentException(existing.name() + " and " + type.name() + " both claim the " + type.placement() + " placement");
        }
        return type;
    }

    public static ContentTypes of(ContentType<?>... types) {
        return new ContentTypes(List.of(types));
    }

    public List<ContentType<?>> all() {
        return List.copyOf(byName.values());
    }

    /** The type with this API name ("programs", "news"), if registered. */
    public Optional<ContentType<?>> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The type whose files lie in this folder of content/, if one does. */
    public Optional<ContentType<?>> inFolder(String folder) {
        ContentType<?> type = byName.get(folder);
        return type != null && type.placement() == ContentType.Placement.SECTION ? Optional.of(type) : Optional.empty();
    }

    /** The sections' folder names, as a person would list them ("programs/, news/ or wellness/"). */
    public List<String> folders() {
        return byName.values().stream().filter(t -> t.placement() == ContentType.Placement.SECTION).map(ContentType::name).toList();
    }

    /** The type of {@code content/_index.md}, or null when none is registered. */
    public ContentType<?> home() {
        return home;
    }

    /** The type of top-level pages ({@code content/about.md}), or null when none is registered. */
    public ContentType<?> page() {
        return page;
    }
}
