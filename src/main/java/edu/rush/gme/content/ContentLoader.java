package edu.rush.gme.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole {@code content/} folder into a {@link ContentSnapshot}. The folder has Hugo's
 * shape: {@code _index.md} for the home page and for each section, one Markdown file (or a leaf
 * bundle folder with {@code index.md} and its images) per page, {@code site.yaml} for site-wide
 * settings. A file with problems is reported and left out; everything else is still served.
 */
public final class ContentLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ContentLoader.class);

    private final Path contentDir;
    /** How problems name the folder: its own name, e.g. "content" in content/news/story.md:3:1. */
    private final String displayPrefix;
    private final Clock clock;
    private final ContentTypes types;
    private final FrontMatterReader reader = new FrontMatterReader();
    /** Made when a page's HTML is first asked for: {@code validate} never renders, and saves Flexmark's start-up. */
    private volatile MarkdownRenderer markdown;
    /**
     * Each Markdown file as the last load prepared it, with the digest of its bytes: a reload reuses
     * the files that did not change (their parsed front matter and rendered HTML), so saving one
     * file costs one file's work, and the pages of the others stay what they were.
     */
    private final Map<Path, Prepared> lastPrepared = new ConcurrentHashMap<>();

    public ContentLoader(Path contentDir, Clock clock, ContentTypes types) {
        this.contentDir = contentDir;
        this.types = types;
        Path name = contentDir.toAbsolutePath().normalize().getFileName();
        this.displayPrefix = name == null ? "content" : name.toString();
        this.clock = clock;
    }

    private MarkdownRenderer markdown() {
        MarkdownRenderer renderer = markdown;
        if (renderer == null) {
            synchronized (this) {
                if (markdown == null) {
                    markdown = new MarkdownRenderer();
                }
                renderer = markdown;
            }
        }
        return renderer;
    }

    public Path contentDir() {
        return contentDir;
    }

    public ContentTypes types() {
        return types;
    }

    /** Builds a new snapshot from the folder as it is now. */
    public ContentSnapshot load() {
        return load(null);
    }

    /**
     * Builds a new snapshot; a file that has become broken since {@code previous} keeps its last
     * good version (and its problems are reported), so a half-saved edit never takes a page down.
     */
    public ContentSnapshot load(ContentSnapshot previous) {
        return load(previous, Map.of());
    }

    /**
     * The folder as it would be with {@code file} holding {@code bytes} (a staff member's unsaved
     * edit): the same reading, binding and rules, so its problems are exactly those {@code validate}
     * would print and its page is what the site would serve. Nothing is written, and what this
     * load prepares is not kept for the next reload.
     */
    public ContentSnapshot loadWith(Path file, byte[] bytes) {
        return load(null, Map.of(file, bytes));
    }

    private ContentSnapshot load(ContentSnapshot previous, Map<Path, byte[]> overlay) {
        long started = System.nanoTime();
        Run run = new Run();
        run.overlay.putAll(overlay);
        if (previous != null) {
            run.lastGood.putAll(previous.bySource());
        }
        List<Path> files = listFiles(run);
        prepareInParallel(files, run);
        for (Path file : files) {
            run.fingerprint(file);
        }
        SiteConfig site = loadSite(run);
        for (Path file : files) {
            if (file.getFileName().toString().endsWith(".md")) {
                loadMarkdown(file, run);
            }
        }
        for (ContentType<?> type : types.all()) {
            check(run, type);
        }
        ContentSnapshot snapshot = new ContentSnapshot(run.version(), clock.instant(), site, types, run.pages, run.intros,
                run.resources, readSynonyms(run), run.problems);
        if (!overlay.isEmpty()) {
            return snapshot; // an editor's check while staff type: nothing published, nothing to log
        }
        snapshot.problems().forEach(problem -> LOG.warn("{}", problem));
        StringBuilder counts = new StringBuilder();
        for (ContentType<?> type : types.all()) {
            counts.append(snapshot.all(type).size()).append(' ').append(type.name()).append(", ");
        }
        LOG.info("content loaded in {} ms: {}{} problems (version {})",
                (System.nanoTime() - started) / 1_000_000, counts, snapshot.problems().size(), snapshot.version());
        return snapshot;
    }

    /** What one load collects; thrown away when the snapshot is built. */
    private static final class Run {
        final List<ContentProblem> problems = new ArrayList<>();
        final Map<ContentType<?>, List<Page<?>>> pages = new LinkedHashMap<>();
        final Map<ContentType<?>, Page<SectionIntro>> intros = new LinkedHashMap<>();
        final Map<String, Path> resources = new LinkedHashMap<>();
        final Map<String, String> urlOwners = new HashMap<>();
        /** Files read and bound ahead, on all cores (the costly part of a load). */
        final Map<Path, Prepared> prepared = new ConcurrentHashMap<>();
        /** The pages of the previous snapshot by source file, to keep serving when a file breaks. */
        final Map<String, Page<?>> lastGood = new HashMap<>();
        /** Files read from these bytes instead of the disk (an unsaved edit); such a run keeps nothing for the next. */
        final Map<Path, byte[]> overlay = new HashMap<>();
        /** Where each file's fields stand, to point problems found across files at their line. */
        final Map<String, FrontMatterReader.Parsed<?>> parsedBySource = new HashMap<>();

        ContentProblem problemAt(String source, String field, String message) {
            FrontMatterReader.Parsed<?> parsed = parsedBySource.get(source);
            Map<String, int[]> fields = parsed == null ? Map.of() : parsed.fieldPositions();
            int[] position = fields.getOrDefault(field, new int[] {1, 1});
            return new ContentProblem(source, position[0], position[1], message);
        }
        final MessageDigest digest = sha256();

        /** Each file's digest, from the pass that read it. */
        final Map<Path, byte[]> digests = new ConcurrentHashMap<>();

        void fingerprint(Path file) {
            digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
            digest.update(digests.getOrDefault(file, new byte[0]));
        }

        String version() {
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A type's rules across its files: problems are reported at their line, and the pages it corrects are served as corrected. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void check(Run run, ContentType type) {
        List<Page<?>> pages = run.pages.getOrDefault(type, List.of());
        ContentType.Loaded loaded = other -> {
            Set<String> slugs = new HashSet<>();
            run.pages.getOrDefault(other, List.of()).forEach(page -> slugs.add(page.slug()));
            return slugs;
        };
        List<Page<?>> checked = type.check(List.copyOf(pages), loaded,
                (ContentType.Problems) (page, field, message) -> run.problems.add(run.problemAt(page.source(), field, message)));
        run.pages.put(type, new ArrayList<>(checked));
    }

    private List<Path> listFiles(Run run) {
        if (!Files.isDirectory(contentDir)) {
            run.problems.add(new ContentProblem(contentDir.toString(), 1, 1, "content folder not found"));
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(contentDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> !isIgnored(contentDir.relativize(path)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            run.problems.add(new ContentProblem(contentDir.toString(), 1, 1, "cannot read content folder: " + e.getMessage()));
            return List.of();
        }
    }

    /** Hidden files, editor back-ups and folders starting with '_' (archetypes) are not content. */
    private static boolean isIgnored(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.endsWith("~") || (name.startsWith("_") && !name.equals("_index.md"))) {
                return true;
            }
        }
        return false;
    }

    private String display(Path file) {
        return displayPrefix + "/" + contentDir.relativize(file).toString().replace('\\', '/');
    }

    private SiteConfig loadSite(Run run) {
        Path file = contentDir.resolve("site.yaml");
        if (!Files.isRegularFile(file)) {
            run.problems.add(new ContentProblem(display(file), 1, 1, "site.yaml is missing: the site runs with a default name and no navigation"));
            return SiteConfig.FALLBACK;
        }
        try {
            return reader.readDocument(display(file), TextFile.read(file, display(file)), SiteConfig.class);
        } catch (ContentException e) {
            run.problems.addAll(e.problems());
        } catch (IOException e) {
            run.problems.add(new ContentProblem(display(file), 1, 1, unreadable(e)));
        }
        return SiteConfig.FALLBACK;
    }

    /** The search synonyms file is plain text; the search index checks its rules. */
    private String readSynonyms(Run run) {
        Path file = contentDir.resolve(SYNONYMS);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            return TextFile.read(file, display(file));
        } catch (ContentException e) {
            run.problems.addAll(e.problems());
        } catch (IOException e) {
            run.problems.add(new ContentProblem(display(file), 1, 1, unreadable(e)));
        }
        return "";
    }

    /** Where staff keep the search synonyms. */
    public static final String SYNONYMS = "synonyms.txt";

    private static String unreadable(IOException e) {
        return "cannot read the file: " + e.getMessage();
    }

    private void loadMarkdown(Path file, Run run) {
        Path relative = contentDir.relativize(file);
        String fileName = relative.getFileName().toString();
        int depth = relative.getNameCount();
        String shown = display(file);
        if (depth == 1) {
            ContentType<?> type = fileName.equals("_index.md") ? types.home() : types.page();
            if (type == null) {
                run.problems.add(new ContentProblem(shown, 1, 1, "this site has no " + (fileName.equals("_index.md") ? "home page" : "top-level pages")));
            } else {
                addEntry(run, type, parse(file, run, type.record(), "", type == types.home() ? "" : stripMd(fileName), type));
            }
            return;
        }
        String section = relative.getName(0).toString();
        ContentType<?> type = types.inFolder(section).orElse(null);
        if (type == null) {
            run.problems.add(new ContentProblem(shown, 1, 1, "unknown section '" + section
                    + "': content goes in " + folderList() + ", or directly in content/ for a page like /about"));
            return;
        }
        if (depth == 2 && fileName.equals("_index.md")) {
            Page<SectionIntro> intro = parse(file, run, SectionIntro.class, section, section, null);
            if (intro != null) {
                run.intros.put(type, intro);
            }
        } else if (depth == 2) {
            addEntry(run, type, parse(file, run, type.record(), section, stripMd(fileName), type));
        } else if (depth == 3 && fileName.equals("index.md")) {
            String bundle = relative.getName(1).toString();
            Page<? extends FrontMatter> page = parse(file, run, type.record(), section, bundle, type);
            List<Path> resources = bundleResources(file.getParent(), run);
            if (addEntry(run, type, page == null ? null : withResources(page, resources, run))) {
                resources.forEach(resource -> run.resources.put(page.url() + "/" + resource.getFileName(), resource));
            }
        } else if (depth == 3) {
            run.problems.add(new ContentProblem(shown, 1, 1, "a page bundle folder holds one index.md (and its images); "
                    + "move this page to " + section + "/ or rename it index.md"));
        } else {
            run.problems.add(new ContentProblem(shown, 1, 1, "too deep: pages go in " + section + "/NAME.md or " + section + "/NAME/index.md"));
        }
    }

    /** "programs/, news/ or wellness/" */
    private String folderList() {
        List<String> folders = types.folders().stream().map(f -> f + "/").toList();
        if (folders.size() < 2) {
            return String.join("", folders);
        }
        return String.join(", ", folders.subList(0, folders.size() - 1)) + " or " + folders.get(folders.size() - 1);
    }

    /** The files of a page bundle besides its Markdown, by name. */
    private List<Path> bundleResources(Path bundleDir, Run run) {
        try (Stream<Path> files = Files.list(bundleDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".md"))
                    .filter(f -> !isIgnored(f.getFileName()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            run.problems.add(new ContentProblem(display(bundleDir), 1, 1, "cannot list page bundle: " + e.getMessage()));
            return List.of();
        }
    }

    /** A bundle's page with a digest of its index.md and its images: a changed image is a changed page (the change journal tells). */
    private static <T extends FrontMatter> Page<T> withResources(Page<T> page, List<Path> resources, Run run) {
        if (resources.isEmpty()) {
            return page;
        }
        MessageDigest digest = Run.sha256();
        digest.update(page.digest().getBytes(StandardCharsets.UTF_8));
        for (Path resource : resources) {
            digest.update((resource.getFileName() + "\0").getBytes(StandardCharsets.UTF_8));
            digest.update(run.digests.getOrDefault(resource, new byte[0]));
        }
        return page.withDigest(HexFormat.of().formatHex(digest.digest()));
    }

    private boolean addEntry(Run run, ContentType<?> type, Page<? extends FrontMatter> page) {
        if (page == null || !claimUrl(run, page, reservedSlugs(type))) {
            return false;
        }
        run.pages.computeIfAbsent(type, t -> new ArrayList<>()).add(page);
        return true;
    }

    /** A type's own reserved slugs; a top-level page also keeps clear of every section's folder. */
    private Set<String> reservedSlugs(ContentType<?> type) {
        if (type != types.page()) {
            return type.reservedSlugs();
        }
        Set<String> reserved = new HashSet<>(type.reservedSlugs());
        reserved.addAll(types.folders());
        return reserved;
    }

    /** Slugs are unique within a section, and never take a URL the site's own routes use. */
    private boolean claimUrl(Run run, Page<?> page, Set<String> reserved) {
        String where = page.section().isEmpty() ? "/" : "/" + page.section() + "/";
        ContentProblem problem = null;
        if (reserved.contains(page.slug())) {
            problem = slugProblem(run, page, "slug '" + page.slug() + "' is taken by the site's own page " + where + page.slug()
                    + "; choose another slug");
        } else if (run.urlOwners.containsKey(page.url())) {
            problem = slugProblem(run, page, "duplicate slug '" + page.slug() + "': " + run.urlOwners.get(page.url())
                    + " already uses " + page.url());
        }
        if (problem != null) {
            run.problems.add(problem);
            return false;
        }
        run.urlOwners.put(page.url(), page.source());
        return true;
    }

    private static ContentProblem slugProblem(Run run, Page<?> page, String message) {
        return run.problemAt(page.source(), "slug", message);
    }

    /**
     * Parses one file into a page, or reports its problems and returns null.
     *
     * @param fallbackSlug the slug from the file or bundle name, used unless front matter sets one
     * @param owner        the content type whose URL it takes; null for a section's intro
     */
    @SuppressWarnings("unchecked")
    private <T extends FrontMatter> Page<T> parse(Path file, Run run, Class<T> type, String section, String fallbackSlug, ContentType<?> owner) {
        boolean fixedUrl = owner == null || owner.placement() == ContentType.Placement.HOME;
        String shown = display(file);
        Prepared prepared = run.prepared.get(file);
        if (prepared == null || prepared.type() != type) {
            prepared = prepare(file, type);
        }
        try {
            if (prepared.failure() instanceof ContentException problems) {
                throw problems;
            }
            if (prepared.failure() instanceof IOException unreadable) {
                throw unreadable;
            }
            FrontMatterReader.Parsed<T> parsed = (FrontMatterReader.Parsed<T>) prepared.parsed();
            Meta meta = parsed.meta();
            String slug = meta.slug() != null ? meta.slug() : fallbackSlug;
            if (!fixedUrl && meta.slug() == null && !Slugs.isValid(slug)) {
                run.problems.add(new ContentProblem(shown, 1, 1, "the file name '" + file.getFileName()
                        + "' cannot be a web address: rename it with lowercase letters, digits and hyphens (like 'internal-medicine.md') or set 'slug'"));
                return null;
            }
            run.parsedBySource.put(shown, parsed);
            String url = owner == null ? "/" + section : owner.url(slug);
            return new Page<>(section, slug, url, shown, prepared.modified(), meta, parsed.data(), prepared.html(),
                    HexFormat.of().formatHex(prepared.digest()));
        } catch (ContentException e) {
            run.problems.addAll(e.problems());
        } catch (IOException e) {
            run.problems.add(new ContentProblem(shown, 1, 1, unreadable(e)));
        }
        return lastGood(run, shown, type);
    }

    /**
     * One file read, split and bound to its type, its body rendered when first needed; or what went
     * wrong. {@code digest} is of the bytes it was made from.
     */
    private record Prepared(Class<?> type, byte[] digest, FrontMatterReader.Parsed<?> parsed, LazyHtml html, Instant modified,
                            Exception failure) {
        boolean isOf(Class<?> fileType, byte[] bytesDigest) {
            return type == fileType && java.util.Arrays.equals(digest, bytesDigest);
        }
    }

    private Prepared prepare(Path file, Class<? extends FrontMatter> type) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return prepare(file, type, bytes, digestOf(bytes));
        } catch (IOException e) {
            return new Prepared(type, null, null, null, null, e);
        }
    }

    private Prepared prepare(Path file, Class<? extends FrontMatter> type, byte[] bytes, byte[] digest) {
        try {
            SourceText source = SourceText.split(display(file), TextFile.decode(bytes, display(file)));
            FrontMatterReader.Parsed<?> parsed = reader.read(source, type);
            String body = source.body();
            return new Prepared(type, digest, parsed, new LazyHtml(() -> markdown().render(body)),
                    Files.getLastModifiedTime(file).toInstant(), null);
        } catch (ContentException | IOException e) {
            return new Prepared(type, digest, null, null, null, e);
        }
    }

    /**
     * Reads every file once on all cores: its digest for the content version, and for a Markdown
     * file its front matter bound to its type (or the last load's result, when its bytes are the
     * same). The rules that need all files run after, in order.
     */
    private void prepareInParallel(List<Path> files, Run run) {
        Set<Path> present = ConcurrentHashMap.newKeySet();
        files.parallelStream().forEach(file -> {
            byte[] bytes = run.overlay.get(file);
            try {
                bytes = bytes != null ? bytes : Files.readAllBytes(file);
            } catch (IOException e) {
                return;
            }
            byte[] digest = digestOf(bytes);
            run.digests.put(file, digest);
            Class<? extends FrontMatter> type = typeFor(contentDir.relativize(file));
            if (type == null) {
                return;
            }
            Prepared last = lastPrepared.get(file);
            Prepared prepared = last != null && last.isOf(type, digest) ? last : prepare(file, type, bytes, digest);
            run.prepared.put(file, prepared);
            present.add(file);
        });
        if (run.overlay.isEmpty()) {
            lastPrepared.keySet().retainAll(present);
            lastPrepared.putAll(run.prepared);
        }
    }

    private static byte[] digestOf(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The front matter type of a Markdown file by where it lies; null for files that do not fit the folder's shape. */
    private Class<? extends FrontMatter> typeFor(Path relative) {
        String name = relative.getFileName().toString();
        if (!name.endsWith(".md")) {
            return null;
        }
        int depth = relative.getNameCount();
        if (depth == 1) {
            ContentType<?> type = name.equals("_index.md") ? types.home() : types.page();
            return type == null ? null : type.record();
        }
        ContentType<?> section = types.inFolder(relative.getName(0).toString()).orElse(null);
        if (section == null) {
            return null;
        }
        if (depth == 2) {
            return name.equals("_index.md") ? SectionIntro.class : section.record();
        }
        return depth == 3 && name.equals("index.md") ? section.record() : null;
    }

    /** The previous good version of a file that is broken now, if there was one of the same type. */
    @SuppressWarnings("unchecked")
    private static <T extends FrontMatter> Page<T> lastGood(Run run, String source, Class<T> type) {
        Page<?> previous = run.lastGood.get(source);
        if (previous == null || !type.isInstance(previous.data())) {
            return null;
        }
        LOG.warn("{}: still serving the last good version of this file until it is fixed", source);
        return (Page<T>) previous;
    }

    private static String stripMd(String fileName) {
        return fileName.substring(0, fileName.length() - ".md".length());
    }
}
