package edu.rush.gme.authoring;

import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentProblem;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.ContentTypes;
import edu.rush.gme.content.FrontMatterReader;
import edu.rush.gme.content.Page;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code new TYPE "Title"}: a new file of a registered content type, copied from
 * {@code content/_archetypes/TYPE.md} with the title filled in, {@code draft: true}, today's date
 * where the archetype has a date, under a free slug made from the title.
 */
public final class NewContent {

    public static final String COMMAND = "new";
    public static final String USAGE = "usage: java -jar gme-site.jar " + COMMAND + " TYPE \"Title\"   (TYPE: the content type, e.g. news)";

    /** Where the starting points for new files lie, one per type, named after it ({@code news.md}). */
    public static final String ARCHETYPES = "_archetypes";

    /** The top-level keys the command writes; any other line of the archetype is kept as it is. */
    private static final Pattern TITLE = Pattern.compile("^title\\s*:.*");
    private static final Pattern DRAFT = Pattern.compile("^draft\\s*:.*");
    private static final Pattern DATE = Pattern.compile("^date\\s*:.*");

    private NewContent() {
    }

    /** The types a file can be added to: every registered type but the one home page. */
    public static List<ContentType<?>> creatable(ContentTypes types) {
        return types.all().stream().filter(t -> t.placement() != ContentType.Placement.HOME).toList();
    }

    /** @return 0 created, 1 the file could not be made (or the archetype is broken), 2 a wrong type, title or folder */
    public static int run(ContentTypes types, Path contentDir, Clock clock, List<String> args, PrintStream out, PrintStream err) {
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.size() > 2) {
            return usage(err, "put the title in quotes, so that it is one argument: new " + args.get(0) + " \""
                    + String.join(" ", args.subList(1, args.size())) + "\"");
        }
        if (args.size() < 2) {
            return usage(err, args.isEmpty() ? "which type, and what title?" : "a title is needed: new " + args.get(0) + " \"Title\"");
        }
        ContentType<?> type = types.named(args.get(0)).orElse(null);
        List<String> names = creatable(types).stream().map(ContentType::name).toList();
        if (type != null && type.placement() == ContentType.Placement.HOME) {
            return usage(err, "the site has one " + type.singular() + ", content/_index.md: edit it instead; new files can be "
                    + String.join(", ", names));
        }
        if (type == null) {
            String suggestion = FrontMatterReader.closest(args.get(0), names);
            return usage(err, "unknown content type '" + args.get(0) + "'" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                    + "; the types are " + String.join(", ", names));
        }
        String title = args.get(1).strip();
        if (title.isEmpty()) {
            return usage(err, "the title is empty: give it in quotes, like new " + type.name() + " \"" + example(type) + "\"");
        }
        if (title.lines().count() > 1 || title.chars().anyMatch(Character::isISOControl)) {
            return usage(err, "the title must be one line of text");
        }
        String base = TitleSlug.of(title);
        if (base.isEmpty()) {
            return usage(err, "the title \"" + title + "\" has no letters or digits that can make a web address: start with a title in "
                    + "Latin letters or digits (you can change the title in the file afterwards)");
        }
        if (!Files.isDirectory(contentDir)) {
            return usage(err, "content folder '" + contentDir + "' not found: run the command where content/ is, or set GME_CONTENT_DIR");
        }
        String shownDir = Validate.shownFolder(contentDir);
        Path archetype = contentDir.resolve(ARCHETYPES).resolve(type.name() + ".md");
        String template;
        try {
            template = Files.readString(archetype, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("no archetype for " + type.name() + ": " + shownDir + ARCHETYPES + "/" + type.name() + ".md cannot be read ("
                    + e.getClass().getSimpleName() + "); add it, with front matter the new " + type.singular() + " starts from");
            return 1;
        }
        ContentSnapshot snapshot = new ContentLoader(contentDir, clock, types).load();
        Path folder = type.folder().isEmpty() ? contentDir : contentDir.resolve(type.folder());
        String slug = freeSlug(base, takenSlugs(types, type, snapshot), folder);
        LocalDate today = LocalDate.now(clock.withZone(snapshot.site().zone()));
        Path file = folder.resolve(slug + ".md");
        String shown = shownDir + contentDir.relativize(file).toString().replace('\\', '/');
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            err.println("cannot create " + shown + ": " + shownDir + type.folder() + " is a file, not a folder; move it away");
            return 1;
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(file, fill(template, title, today), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            err.println("cannot create " + shown + " (" + describe(e) + "): check that the content folder exists and can be written");
            return 1;
        }
        List<ContentProblem> problems = new ContentLoader(contentDir, clock, types).load().problems().stream()
                .filter(p -> p.file().endsWith("/" + contentDir.relativize(file).toString().replace('\\', '/')))
                .toList();
        if (!problems.isEmpty()) {
            err.println("created " + shown + ", but it has problems (fix them there, and in the archetype "
                    + shownDir + ARCHETYPES + "/" + type.name() + ".md):");
            problems.forEach(p -> err.println(p.toString()));
            return 1;
        }
        out.println("created " + shown + ": a draft " + type.singular() + " at " + type.url(slug) + ", not on the site until published");
        out.println("  write it:   fill in the fields and the text (every field is explained in docs/editing.md)");
        out.println("  check it:   java -jar gme-site.jar validate");
        out.println("  preview it: java -jar gme-site.jar preview " + shown);
        out.println("  publish it: delete the line 'draft: true' (add 'publishDate:' to choose when it appears), then deploy the content");
        out.flush();
        return 0;
    }

    /**
     * What the {@code new} command does, for the staff workspace: a draft of {@code type} from its
     * archetype under a free slug (the title checked by the caller). Returns the file made.
     *
     * @throws IOException the archetype cannot be read or the file cannot be written
     */
    public static Path createDraft(ContentTypes types, Path contentDir, ContentSnapshot snapshot, ContentType<?> type, String title, Clock clock)
            throws IOException {
        String base = TitleSlug.of(title);
        if (base.isEmpty()) {
            throw new IllegalArgumentException("the title has no letters or digits that can make a web address");
        }
        String template = Files.readString(contentDir.resolve(ARCHETYPES).resolve(type.name() + ".md"), StandardCharsets.UTF_8);
        Path folder = type.folder().isEmpty() ? contentDir : contentDir.resolve(type.folder());
        String slug = freeSlug(base, takenSlugs(types, type, snapshot), folder);
        Files.createDirectories(folder);
        Path file = folder.resolve(slug + ".md");
        Files.writeString(file, fill(template, title, LocalDate.ofInstant(clock.instant(), snapshot.site().zone())), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW);
        return file;
    }

    private static int usage(PrintStream err, String message) {
        err.println(message);
        err.println(USAGE);
        return 2;
    }

    private static String example(ContentType<?> type) {
        return switch (type.name()) {
            case "news" -> "New residents start in July";
            case "programs" -> "Internal Medicine Residency";
            default -> "Living in Chicago";
        };
    }

    private static String describe(IOException e) {
        String reason = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase()
                + (reason == null ? "" : ": " + reason);
    }

    /** The slugs the type's pages use, and those the site keeps for its own routes. */
    private static Set<String> takenSlugs(ContentTypes types, ContentType<?> type, ContentSnapshot snapshot) {
        Set<String> taken = new HashSet<>(type.reservedSlugs());
        if (type == types.page()) {
            taken.addAll(types.folders());
        }
        for (Page<?> page : snapshot.all(type)) {
            taken.add(page.slug());
        }
        return taken;
    }

    /** The slug, or the first of slug-2, slug-3 ... that no page, file or route uses. */
    static String freeSlug(String base, Set<String> taken, Path folder) {
        String slug = base;
        for (int n = 2; taken.contains(slug) || Files.exists(folder.resolve(slug + ".md")) || Files.exists(folder.resolve(slug)); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /**
     * The archetype with the title, {@code draft: true} and today's date (where it has a date)
     * written into its front matter; the archetype's other lines and comments stay as they are.
     */
    static String fill(String archetype, String title, LocalDate today) {
        List<String> lines = new ArrayList<>(archetype.replace("\r\n", "\n").lines().toList());
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals("---") || close < 0) {
            lines.add(0, "---");
            lines.add(1, "---");
            close = 1;
        }
        boolean hasTitle = false;
        boolean hasDraft = false;
        for (int i = 1; i < close; i++) {
            String line = lines.get(i);
            if (TITLE.matcher(line).matches()) {
                lines.set(i, "title: " + quoted(title));
                hasTitle = true;
            } else if (DRAFT.matcher(line).matches()) {
                lines.set(i, "draft: true");
                hasDraft = true;
            } else if (DATE.matcher(line).matches()) {
                lines.set(i, "date: " + today);
            }
        }
        if (!hasDraft) {
            lines.add(close, "draft: true");
        }
        if (!hasTitle) {
            lines.add(1, "title: " + quoted(title));
        }
        return String.join("\n", lines) + "\n";
    }

    /** A YAML double-quoted string: the title exactly as typed, whatever its colons or quotes. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
