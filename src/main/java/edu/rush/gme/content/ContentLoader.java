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
    /**
     * Each file's size and modification time when the last load read it, with the digest of what it
     * read: an editor's check ({@link #loadWith}) takes a file whose size and time are the same from
     * here instead of reading it again, so checking one edited file among 10,000 reads that one file.
     */
    private final Map<Path, Stamp> lastStamps = new ConcurrentHashMap<>();

    /**
     * The last full load's files, folders and what each Markdown file gave: an editor's check
     * replays it with the edited file's outcome in its place, while every file and folder still has
     * the size and time it had then (else the check reads the folder as a load does).
     */
    private volatile Listing lastListing;

    private record Listing(List<Path> files, Map<Path, Stamp> stamps, Map<Path, java.nio.file.attribute.FileTime> folders,
                           Map<Path, Outcome> outcomes, Map<Path, byte[]> digests) {
        /** Whether nothing was added, removed or changed since (the edited files aside, which must be among them). */
        boolean stillValid(Set<Path> edited) {
            if (stamps.size() != files.size() || !stamps.keySet().containsAll(edited)) {
                return false;
            }
            return folders.entrySet().parallelStream().allMatch(folder -> folder.getValue().equals(attributes(folder.getKey()).map(
                            java.nio.file.attribute.BasicFileAttributes::lastModifiedTime).orElse(null)))
                    && stamps.entrySet().parallelStream().allMatch(file -> edited.contains(file.getKey())
                            || file.getValue().matches(attributes(file.getKey()).orElse(null)));
        }

        private static java.util.Optional<java.nio.file.attribute.BasicFileAttributes> attributes(Path path) {
            try {
                return java.util.Optional.of(Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class));
            } catch (IOException e) {
                return java.util.Optional.empty();
            }
        }
    }

    /** Whether a check of {@code file} now would replay the last load (for tests: the same problems either way). */
    boolean replays(Path file) {
        Listing listing = lastListing;
        return listing != null && listing.stillValid(Set.of(file));
    }

    /** A file's size and time as seen before it was read, and the digest of the bytes then read. */
    private record Stamp(long size, java.nio.file.attribute.FileTime modified, byte[] digest) {
        boolean matches(java.nio.file.attribute.BasicFileAttributes now) {
            return now != null && now.size() == size && now.lastModifiedTime().equals(modified);
        }
    }

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
     *
     * <p>While every file and folder has the size and time the last load saw, the check replays that
     * load: each other file's outcome as it was, the edited one made from {@code bytes}, then the
     * rules across files (unique addresses, related programs...) over the whole set, so at 10,000
     * files a check costs one file's work and those rules, not a reading of the folder.
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
        Listing replayed = overlay.isEmpty() ? null : lastListing;
        List<Path> files;
        if (replayed != null && replayed.stillValid(overlay.keySet())) {
            // An editor's check with nothing changed on disk since the last load: that load's files and
            // outcomes, with the edited file read from its new bytes; the rules across files run as always.
            files = replayed.files();
            run.digests.putAll(replayed.digests());
            overlay.forEach((file, bytes) -> prepare(file, bytes, run));
        } else {
            replayed = null;
            files = listFiles(run);
            prepareInParallel(files, run);
        }
        for (Path file : files) {
            run.fingerprint(file);
        }
        SiteConfig site = loadSite(run);
        Map<Path, Outcome> outcomes = overlay.isEmpty() ? new HashMap<>() : null;
        for (Path file : files) {
            if (file.getFileName().toString().endsWith(".md")) {
                Outcome outcome = replayed == null || overlay.containsKey(file) ? null : replayed.outcomes().get(file);
                outcome = outcome != null ? outcome : outcome(file, run);
                if (outcomes != null) {
                    outcomes.put(file, outcome);
                }
                apply(outcome, run);
            }
        }
        if (overlay.isEmpty()) {
            lastListing = new Listing(files, Map.copyOf(lastStamps), Map.copyOf(run.folders), outcomes, Map.copyOf(run.digests));
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
        /** Each folder's time, as the walk saw it: a file added or removed changes it. */
        final Map<Path, java.nio.file.attribute.FileTime> folders = new ConcurrentHashMap<>();
        /** Each file's size and time, as the walk of the folder saw them (before it was read). */
        final Map<Path, java.nio.file.attribute.BasicFileAttributes> attributes = new ConcurrentHashMap<>();

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
        try (Stream<Path> walk = Files.find(contentDir, Integer.MAX_VALUE, (path, seen) -> {
            if (seen.isDirectory() && !isIgnored(contentDir.relativize(path))) {
                run.folders.put(path, seen.lastModifiedTime());
            }
            java.nio.file.attribute.BasicFileAttributes attributes = seen;
            if (seen.isSymbolicLink()) {
                // As Files.isRegularFile: a link to a file counts as that file (a link to a folder is not walked into).
                try {
                    attributes = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
                } catch (IOException e) {
                    return false;
                }
            }
            if (!attributes.isRegularFile() || isIgnored(contentDir.relativize(path))) {
                return false;
            }
            run.attributes.put(path, attributes);
            return true;
        })) {
            return walk.sorted().toList();
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

    /**
     * What one Markdown file gives before the rules across files: its type, its page (null when it
     * has problems), the problems found in it alone, where its fields stand, its bundle's files. It
     * depends on the file's bytes and its bundle's files only, so an editor's check reuses the last
     * load's outcome of every file but the edited one ({@link #loadWith}).
     *
     * @param type   the type it belongs to (for a section's intro, the section's); null for a file in no type's place
     * @param failed whether it could not be read or bound (then the last good version, if any, is served)
     */
    private record Outcome(String shown, ContentType<?> type, boolean intro, Class<? extends FrontMatter> record, Page<? extends FrontMatter> page,
                           List<ContentProblem> problems, FrontMatterReader.Parsed<?> parsed, List<Path> resources, boolean failed) {
        static Outcome problem(String shown, ContentProblem problem) {
            return new Outcome(shown, null, false, null, null, List.of(problem), null, List.of(), false);
        }

        Outcome in(ContentType<?> owner, boolean isIntro, List<Path> bundleFiles, List<ContentProblem> more) {
            List<ContentProblem> all = more.isEmpty() ? problems : java.util.stream.Stream.concat(problems.stream(), more.stream()).toList();
            return new Outcome(shown, owner, isIntro, record, page, all, parsed, bundleFiles, failed);
        }
    }

    private Outcome outcome(Path file, Run run) {
        Path relative = contentDir.relativize(file);
        String fileName = relative.getFileName().toString();
        int depth = relative.getNameCount();
        String shown = display(file);
        if (depth == 1) {
            ContentType<?> type = fileName.equals("_index.md") ? types.home() : types.page();
            if (type == null) {
                return Outcome.problem(shown, new ContentProblem(shown, 1, 1, "this site has no " + (fileName.equals("_index.md") ? "home page" : "top-level pages")));
            }
            return parse(file, run, type.record(), "", type == types.home() ? "" : stripMd(fileName), type).in(type, false, List.of(), List.of());
        }
        String section = relative.getName(0).toString();
        ContentType<?> type = types.inFolder(section).orElse(null);
        if (type == null) {
            return Outcome.problem(shown, new ContentProblem(shown, 1, 1, "unknown section '" + section
                    + "': content goes in " + folderList() + ", or directly in content/ for a page like /about"));
        }
        if (depth == 2 && fileName.equals("_index.md")) {
            return parse(file, run, SectionIntro.class, section, section, null).in(type, true, List.of(), List.of());
        } else if (depth == 2) {
            return parse(file, run, type.record(), section, stripMd(fileName), type).in(type, false, List.of(), List.of());
        } else if (depth == 3 && fileName.equals("index.md")) {
            String bundle = relative.getName(1).toString();
            Outcome parsed = parse(file, run, type.record(), section, bundle, type);
            List<ContentProblem> listing = new ArrayList<>();
            List<Path> resources = bundleResources(file.getParent(), listing);
            return parsed.in(type, false, resources, listing);
        } else if (depth == 3) {
            return Outcome.problem(shown, new ContentProblem(shown, 1, 1, "a page bundle folder holds one index.md (and its images); "
                    + "move this page to " + section + "/ or rename it index.md"));
        }
        return Outcome.problem(shown, new ContentProblem(shown, 1, 1, "too deep: pages go in " + section + "/NAME.md or " + section + "/NAME/index.md"));
    }

    /** An outcome into the run, in file order: its problems, then its page (or the last good one) claims its URL. */
    @SuppressWarnings("unchecked")
    private void apply(Outcome outcome, Run run) {
        run.problems.addAll(outcome.problems());
        if (outcome.parsed() != null) {
            run.parsedBySource.put(outcome.shown(), outcome.parsed());
        }
        if (outcome.type() == null) {
            return;
        }
        Page<? extends FrontMatter> page = outcome.page() != null ? outcome.page()
                : outcome.failed() ? lastGood(run, outcome.shown(), outcome.record()) : null;
        if (outcome.intro()) {
            if (page != null) {
                run.intros.put(outcome.type(), (Page<SectionIntro>) page);
            }
            return;
        }
        List<Path> resources = outcome.resources();
        if (addEntry(run, outcome.type(), page == null ? null : withResources(page, resources, run))) {
            String url = page.url();
            resources.forEach(resource -> run.resources.put(url + "/" + resource.getFileName(), resource));
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
    private List<Path> bundleResources(Path bundleDir, List<ContentProblem> problems) {
        try (Stream<Path> files = Files.list(bundleDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".md"))
                    .filter(f -> !isIgnored(f.getFileName()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new ContentProblem(display(bundleDir), 1, 1, "cannot list page bundle: " + e.getMessage()));
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
     * Parses one file into a page, or says its problems (its outcome, with no type yet).
     *
     * @param fallbackSlug the slug from the file or bundle name, used unless front matter sets one
     * @param owner        the content type whose URL it takes; null for a section's intro
     */
    private <T extends FrontMatter> Outcome parse(Path file, Run run, Class<T> type, String section, String fallbackSlug, ContentType<?> owner) {
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
            @SuppressWarnings("unchecked")
            FrontMatterReader.Parsed<T> parsed = (FrontMatterReader.Parsed<T>) prepared.parsed();
            Meta meta = parsed.meta();
            String slug = meta.slug() != null ? meta.slug() : fallbackSlug;
            if (!fixedUrl && meta.slug() == null && !Slugs.isValid(slug)) {
                return new Outcome(shown, null, false, type, null, List.of(new ContentProblem(shown, 1, 1, "the file name '" + file.getFileName()
                        + "' cannot be a web address: rename it with lowercase letters, digits and hyphens (like 'internal-medicine.md') or set 'slug'")),
                        null, List.of(), false);
            }
            String url = owner == null ? "/" + section : owner.url(slug);
            Page<T> page = new Page<>(section, slug, url, shown, prepared.modified(), meta, parsed.data(), prepared.html(),
                    HexFormat.of().formatHex(prepared.digest()));
            return new Outcome(shown, null, false, type, page, List.of(), parsed, List.of(), false);
        } catch (ContentException e) {
            return new Outcome(shown, null, false, type, null, List.copyOf(e.problems()), null, List.of(), true);
        } catch (IOException e) {
            return new Outcome(shown, null, false, type, null, List.of(new ContentProblem(shown, 1, 1, unreadable(e))), null, List.of(), true);
        }
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
            String shown = display(file);
            SourceText source = SourceText.split(shown, TextFile.decode(bytes, shown));
            // The text is not kept, only these bytes packed: the body and (for a problem found later
            // across files) the fields' positions are made from them again, so they are always of the
            // version whose front matter the page has, whatever the disk holds by then.
            PackedText packed = PackedText.of(bytes);
            FrontMatterReader.Parsed<?> parsed = reader.read(source, type, () -> packed.source(shown));
            return new Prepared(type, digest, parsed, new LazyHtml(() -> packed.source(shown).body(), this::markdown),
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
        Set<Path> stamped = ConcurrentHashMap.newKeySet();
        files.parallelStream().forEach(file -> {
            byte[] bytes = run.overlay.get(file);
            if (bytes == null && !run.overlay.isEmpty() && reuse(file, run)) {
                return;
            }
            java.nio.file.attribute.BasicFileAttributes seen = run.attributes.get(file);
            try {
                bytes = bytes != null ? bytes : Files.readAllBytes(file);
            } catch (IOException e) {
                return;
            }
            byte[] digest = digestOf(bytes);
            run.digests.put(file, digest);
            if (run.overlay.isEmpty() && seen != null) {
                lastStamps.put(file, new Stamp(seen.size(), seen.lastModifiedTime(), digest));
                stamped.add(file);
            }
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
            lastStamps.keySet().retainAll(stamped);
        }
    }

    /**
     * For an editor's check: a file the last load read, whose size and time are still the same,
     * counts as the same bytes (its digest and what was made of it are taken as they were). A file
     * changed since, or new, is read. The rules across files then run over every page as always.
     */
    private boolean reuse(Path file, Run run) {
        Stamp stamp = lastStamps.get(file);
        if (stamp == null || !stamp.matches(run.attributes.get(file))) {
            return false;
        }
        Class<? extends FrontMatter> type = typeFor(contentDir.relativize(file));
        if (type == null) {
            run.digests.put(file, stamp.digest());
            return true;
        }
        Prepared last = lastPrepared.get(file);
        if (last == null || !last.isOf(type, stamp.digest())) {
            return false;
        }
        run.digests.put(file, stamp.digest());
        run.prepared.put(file, last);
        return true;
    }

    /** An edited file's new bytes, in a replayed check: digested and bound (or the last load's result for the same bytes). */
    private void prepare(Path file, byte[] bytes, Run run) {
        byte[] digest = digestOf(bytes);
        run.digests.put(file, digest);
        Class<? extends FrontMatter> type = typeFor(contentDir.relativize(file));
        if (type != null) {
            Prepared last = lastPrepared.get(file);
            run.prepared.put(file, last != null && last.isOf(type, digest) ? last : prepare(file, type, bytes, digest));
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
