package edu.rush.gme.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.ListFilters;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SiteConfig;
import edu.rush.gme.web.Problems;
import edu.rush.gme.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-only content API ({@code /api/v1}): the site's settings, and for every registered content
 * type a paged, filtered, sorted list and each item, as JSON. Only what the public site shows
 * (the snapshot's one visibility rule); answers are cached like pages, with a strong ETag.
 */
public final class ContentApi {

    public static final String PREFIX = "/api/v1";
    /** The readable reference, in the site's layout. */
    public static final String REFERENCE = "/api";
    public static final String SITE = PREFIX + "/site";
    public static final String OPENAPI = PREFIX + "/openapi.json";
    public static final String SCHEMAS = PREFIX + "/schemas";
    /** How long clients and shared caches may keep an answer before asking again (with If-None-Match). */
    static final String CACHE_CONTROL = "public, max-age=60";
    static final String JSON = "application/json";
    /** Names under /api/v1 that are not content types (the API's own addresses and the other JSON features'). */
    static final Set<String> RESERVED = Set.of("site", "schemas", "openapi.json", "search", "inquiries", "changes");

    private final ContentStore store;
    private final Views views;
    private final String baseUrl;
    private final ApiJson json;
    private final Map<ContentType<?>, ListFilters<?>> filters = new LinkedHashMap<>();
    /** Each type's member names (what fields= may ask for), read off its records once. */
    private final Map<ContentType<?>, Set<String>> members = new LinkedHashMap<>();
    /** Made at the first request for it (the schema generator takes a moment to load). */
    private volatile ApiContract contract;
    private final java.util.concurrent.atomic.AtomicBoolean preparing = new java.util.concurrent.atomic.AtomicBoolean();
    /** Values each item of a type has that are read live, not from the content (see {@link #live}). */
    private final Map<ContentType<?>, List<Live>> live = new LinkedHashMap<>();
    /** Addresses other features serve under /api/v1, for the OpenAPI document and the reference page (see {@link #operation}). */
    private final List<Operation> operations = new ArrayList<>();

    /** A live value: its member name, its JSON Schema, and how it is read for a page. */
    record Live(String name, JsonNode schema, java.util.function.Function<Page<?>, Object> read) {
    }

    /** An address served by another feature: its path, method (lower case), OpenAPI operation object and the component schemas it refers to. */
    record Operation(String path, String method, JsonNode spec, Map<String, JsonNode> components) {
    }

    public ContentApi(ContentStore store, Views views, String baseUrl) {
        this.store = store;
        this.views = views;
        this.baseUrl = baseUrl;
        this.json = new ApiJson(baseUrl);
        for (ContentType<?> type : store.types().all()) {
            if (RESERVED.contains(type.name())) {
                throw new IllegalArgumentException("a content type cannot be named " + type.name() + ": /api/v1/" + type.name() + " is taken");
            }
            filters.put(type, filtersOf(type));
            members.put(type, new LinkedHashSet<>(ApiJson.memberNames(type)));
        }
    }

    /**
     * Adds a member to every item of {@code type} whose value is read at each request (from the
     * database, say) rather than from the content: {@code read} gives it for a page (null is written
     * as null); when it throws, the member is left out of that answer rather than the answer failing.
     * Answers that carry such a member are never kept in the page cache, so they are never stale;
     * their ETag is their body's, so a client still gets a 304 while nothing changed. Called while
     * the URL map is registered, before the first request.
     */
    public <T extends edu.rush.gme.content.FrontMatter> void live(ContentType<T> type, String name, JsonNode schema,
                                                                  java.util.function.Function<Page<T>, Object> read) {
        if (contract != null) {
            throw new IllegalStateException("live members must be added before the first request");
        }
        @SuppressWarnings("unchecked")
        java.util.function.Function<Page<?>, Object> any = page -> read.apply((Page<T>) page);
        live.computeIfAbsent(type, t -> new ArrayList<>()).add(new Live(name, schema, any));
        members.get(type).add(name);
    }

    /**
     * Adds an address another feature serves under /api/v1 (its controller, its route) to the
     * OpenAPI document and the /api page: {@code spec} is its OpenAPI operation object, which may
     * refer to {@code #/components/schemas/Problem} and to the {@code components} given here.
     */
    public void operation(String path, String method, JsonNode spec, Map<String, JsonNode> components) {
        if (contract != null) {
            throw new IllegalStateException("operations must be added before the first request");
        }
        // In the order given, as the document lists them (a Map.copyOf's order changes from one run of the JVM to the next).
        operations.add(new Operation(path, method.toLowerCase(java.util.Locale.ROOT), spec,
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components))));
    }

    private static <T extends edu.rush.gme.content.FrontMatter> ListFilters<T> filtersOf(ContentType<T> type) {
        return type.filters().orElseGet(() -> new RecordFilters<>(type));
    }

    /** The types the API serves, in the registry's order. */
    public List<ContentType<?>> types() {
        return List.copyOf(filters.keySet());
    }

    public static String listPath(ContentType<?> type) {
        return PREFIX + "/" + type.name();
    }

    /** {@code /api/v1/site}: the site's name, contacts, navigation, mission and vision. */
    public void site(Context ctx) {
        answer(ctx, () -> {
            new ApiQuery(ctx.queryParamMap()).only(Set.of());
            ContentSnapshot snapshot = store.snapshot();
            SiteConfig site = snapshot.site();
            ObjectNode body = ApiJson.MAPPER.createObjectNode();
            body.put("name", site.name());
            body.put("shortName", site.shortName());
            body.put("organization", site.organization());
            body.put("description", site.description());
            body.put("url", baseUrl + "/");
            body.put("timeZone", site.zone().getId());
            body.set("contact", ApiJson.tree(site.contact()));
            body.set("navigation", ApiJson.tree(absolute(site.navigation())));
            body.set("footerLinks", ApiJson.tree(absolute(site.footerLinks())));
            body.put("mission", site.mission());
            body.put("vision", site.vision());
            ArrayNode types = body.putArray("types");
            for (ContentType<?> type : types()) {
                types.addObject().put("type", type.name()).put("label", type.label())
                        .put("list", baseUrl + listPath(type)).put("schema", baseUrl + PREFIX + "/schemas/" + type.name());
            }
            removeNulls(body);
            send(ctx, snapshot, body, Map.of());
        });
    }

    private List<SiteConfig.Link> absolute(List<SiteConfig.Link> links) {
        return links.stream().map(l -> new SiteConfig.Link(l.title(), l.url() != null && l.url().startsWith("/") ? baseUrl + l.url() : l.url())).toList();
    }

    /** An answer before it is written: its body and the headers beside ETag and Cache-Control. */
    record Answer(JsonNode body, Map<String, String> headers, boolean live) {
    }

    /** {@code /api/v1/{type}}: one page of the type's visible items, filtered and sorted. */
    public void list(Context ctx, ContentType<?> type) {
        answer(ctx, () -> {
            ContentSnapshot snapshot = store.snapshot();
            Answer answer = list(snapshot, type, ctx.queryParamMap());
            send(ctx, snapshot, answer);
        });
    }

    /** {@code /api/v1/{type}/{slug}}: one visible item. */
    public void item(Context ctx, ContentType<?> type) {
        answer(ctx, () -> {
            ContentSnapshot snapshot = store.snapshot();
            send(ctx, snapshot, item(snapshot, type, ctx.pathParam("slug"), ctx.queryParamMap()));
        });
    }

    /** A list's JSON for these query parameters, as the API would write it (for benchmarks and tools). */
    public String listJson(ContentType<?> type, Map<String, List<String>> params) {
        return ApiJson.write(list(store.snapshot(), type, params).body());
    }

    /** An item's JSON, as the API would write it (for benchmarks and tools). */
    public String itemJson(ContentType<?> type, String slug, Map<String, List<String>> params) {
        return ApiJson.write(item(store.snapshot(), type, slug, params).body());
    }

    private Answer list(ContentSnapshot snapshot, ContentType<?> type, Map<String, List<String>> params) {
        ListFilters<?> own = filters.get(type);
        Set<String> known = new LinkedHashSet<>(ApiQuery.PAGING);
        own.filters().forEach(f -> known.add(f.name()));
        ApiQuery query = new ApiQuery(params).only(known);
        int page = query.page();
        int size = query.size();
        String sort = query.sort(own.sorts());
        Set<String> fields = query.fields(members.get(type));
        Map<String, List<String>> chosen = query.filters(own.filters());
        Instant now = store.now();
        List<? extends Page<?>> all = own.list(snapshot, now, chosen, sort);
        int total = all.size();
        int last = Math.max(1, (total + size - 1) / size);
        if (page > last) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "No such page", ApiQuery.PAGE,
                    "'page' must be from 1 to " + last + " for this list (" + total + " items, " + size + " a page), got " + page);
        }
        ObjectNode body = ApiJson.MAPPER.createObjectNode();
        body.put("type", type.name());
        body.put("total", total);
        body.put("page", page);
        body.put("size", size);
        ArrayNode items = body.putArray("items");
        LiveValues values = new LiveValues(type, fields);
        for (Page<?> item : all.subList((page - 1) * size, Math.min(total, page * size))) {
            items.add(values.add(item, json.item(type, item, snapshot.site().zone(), fields)));
        }
        Map<String, String> links = links(params, listPath(type), page, last);
        ObjectNode linkNode = body.putObject("links");
        links.forEach(linkNode::put);
        return new Answer(body, Map.of("Link", linkHeader(links)), values.any());
    }

    /** The live members one answer asks for, read item by item; after one fails, the rest of the answer does without them. */
    private final class LiveValues {
        private final List<Live> asked;
        private boolean unavailable;

        LiveValues(ContentType<?> type, Set<String> fields) {
            this.asked = live.getOrDefault(type, List.of()).stream().filter(l -> fields == null || fields.contains(l.name())).toList();
        }

        ObjectNode add(Page<?> page, ObjectNode item) {
            for (Live value : asked) {
                if (unavailable) {
                    break;
                }
                try {
                    item.set(value.name(), ApiJson.tree(value.read().apply(page)));
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(ContentApi.class).warn("{} of {} left out: {}", value.name(), page.url(), e.getMessage());
                    unavailable = true;
                }
            }
            return item;
        }

        boolean any() {
            return !asked.isEmpty();
        }
    }

    private Answer item(ContentSnapshot snapshot, ContentType<?> type, String slug, Map<String, List<String>> params) {
        ApiQuery query = new ApiQuery(params).only(Set.of(ApiQuery.FIELDS));
        Set<String> fields = query.fields(members.get(type));
        Page<?> page = snapshot.find(type, ApiJson.lookupSlug(type, slug), store.now()).orElseThrow(() -> new ApiProblem(
                HttpStatus.NOT_FOUND, "No such item", "slug", "there is no " + type.singular() + " '" + ApiQuery.shown(slug)
                + "'; " + listPath(type) + " lists them"));
        LiveValues values = new LiveValues(type, fields);
        return new Answer(values.add(page, json.item(type, page, snapshot.site().zone(), fields)), Map.of(), values.any());
    }

    ApiContract contract() {
        ApiContract made = contract;
        if (made == null) {
            synchronized (this) {
                if (contract == null) {
                    Map<ContentType<?>, Map<String, JsonNode>> liveSchemas = new LinkedHashMap<>();
                    live.forEach((type, values) -> values.forEach(v -> liveSchemas.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(v.name(), v.schema())));
                    contract = new ApiContract(baseUrl, filters, liveSchemas, List.copyOf(operations));
                }
                made = contract;
            }
        }
        return made;
    }

    /**
     * The JSON Schema of a type's front matter, from the same generator and properties as the item
     * schema served at {@code /api/v1/schemas/{type}} (see {@link ApiContract#frontMatter}): what the
     * staff editor makes its form from.
     */
    public JsonNode frontMatterSchema(ContentType<?> type) {
        return contract().frontMatter(type.name());
    }

    /** Makes the contract on another thread now, so that the first request that needs it does not wait for the generator. */
    public void prepare() {
        if (contract == null && preparing.compareAndSet(false, true)) {
            Thread thread = new Thread(this::contract, "api-contract");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /** {@code /api/v1/schemas/{type}}: the JSON Schema of a type's items. */
    public void schema(Context ctx) {
        answer(ctx, () -> {
            new ApiQuery(ctx.queryParamMap()).only(Set.of());
            JsonNode schema = contract().schema(ctx.pathParam("type"));
            if (schema == null) {
                unknownType(ctx);
                return;
            }
            views.write(ctx, store.snapshot(), "application/schema+json", ApiJson.write(schema), CACHE_CONTROL, Map.of());
        });
    }

    /** {@code /api/v1/openapi.json}: the OpenAPI 3.1 document of the whole API. */
    public void openApi(Context ctx) {
        answer(ctx, () -> {
            new ApiQuery(ctx.queryParamMap()).only(Set.of());
            send(ctx, store.snapshot(), contract().openApi(), Map.of());
        });
    }

    /** {@code /api}: the reference, in the site's layout, made from the same contract. */
    public void reference(Context ctx) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Content API");
        model.put("description", "Read the site's programs, news, wellness initiatives and pages as JSON: addresses, parameters, filters and fields.");
        model.put("baseUrl", baseUrl);
        model.put("types", contract().reference());
        model.put("operations", contract().operationDocs());
        model.put("maxSize", ApiQuery.MAX_SIZE);
        model.put("defaultSize", ApiQuery.DEFAULT_SIZE);
        views.render(ctx, store.snapshot(), "api/reference", model);
    }

    /** Any other {@code /api/v1/{type}}: names the types there are. */
    public void unknownType(Context ctx) {
        answer(ctx, () -> {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "No such content type", "type", "there is no content type '"
                    + ApiQuery.shown(ctx.pathParam("type")) + "'; the types are "
                    + String.join(", ", types().stream().map(ContentType::name).toList()));
        });
    }

    /** Links to this list's first, previous, next and last pages (RFC 8288 relations), keeping every other parameter. */
    private Map<String, String> links(Map<String, List<String>> params, String path, int page, int last) {
        StringBuilder others = new StringBuilder();
        params.forEach((name, values) -> {
            if (!name.equals(ApiQuery.PAGE)) {
                values.forEach(v -> others.append(encode(name)).append('=').append(encode(v)).append('&'));
            }
        });
        String base = baseUrl + path + "?" + others + ApiQuery.PAGE + "=";
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base + page);
        links.put("first", base + 1);
        if (page > 1) {
            links.put("prev", base + (page - 1));
        }
        if (page < last) {
            links.put("next", base + (page + 1));
        }
        links.put("last", base + last);
        return links;
    }

    static String linkHeader(Map<String, String> links) {
        List<String> parts = new ArrayList<>();
        links.forEach((rel, url) -> parts.add("<" + url + ">; rel=\"" + rel + "\""));
        return String.join(", ", parts);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void send(Context ctx, ContentSnapshot snapshot, JsonNode body, Map<String, String> headers) {
        views.write(ctx, snapshot, JSON, ApiJson.write(body), CACHE_CONTROL, headers);
    }

    /** An answer with live members is written fresh each time (its ETag from its body), never from or into the page cache. */
    private void send(Context ctx, ContentSnapshot snapshot, Answer answer) {
        if (answer.live()) {
            views.writeLive(ctx, JSON, ApiJson.write(answer.body()), LIVE_CACHE_CONTROL, answer.headers());
        } else {
            send(ctx, snapshot, answer.body(), answer.headers());
        }
    }

    /** Answers with live members: kept by clients only to revalidate (ETag, 304). */
    static final String LIVE_CACHE_CONTROL = "no-cache";

    private static void removeNulls(ObjectNode node) {
        List<String> nulls = new ArrayList<>();
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isNull()) {
                nulls.add(f.getKey());
            }
        });
        nulls.forEach(node::remove);
    }

    /** Runs a handler; a refused request becomes a problem document naming the parameter at fault. */
    private static void answer(Context ctx, Runnable handler) {
        try {
            handler.run();
        } catch (ApiProblem problem) {
            Problems.send(ctx, problem.status(), problem.title(), problem.getMessage(), Map.of("parameter", problem.parameter()));
        }
    }
}
