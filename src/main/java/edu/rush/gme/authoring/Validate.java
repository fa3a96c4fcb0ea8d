package edu.rush.gme.authoring;

import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentProblem;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentTypes;
import edu.rush.gme.content.Page;
import edu.rush.gme.search.SearchService;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * {@code validate [--format text|github] [CONTENT_DIR]}: loads a content folder with the site's own
 * loader (the same rules, the same messages as the server's log) and prints every problem as
 * {@code file:line:col: message}, or as GitHub Actions annotations, then one line of totals.
 * Nothing else starts: no web server, no database, no search index.
 */
public final class Validate {

    public static final String COMMAND = "validate";
    public static final String USAGE = "usage: java -jar gme-site.jar " + COMMAND + " [--format text|github] [CONTENT_DIR]"
            + "   (CONTENT_DIR: GME_CONTENT_DIR, or content)";

    /** How problems are printed. */
    enum Format {
        /** {@code content/news/a.md:3:1: message}, as compilers write them (editors link them). */
        TEXT,
        /** {@code ::error file=content/news/a.md,line=3,col=1::message}: annotations on a pull request's lines. */
        GITHUB
    }

    private Validate() {
    }

    /**
     * Runs the command.
     *
     * @param defaultDir the folder checked when none is given (the site's GME_CONTENT_DIR)
     * @param staticDir  the site's static files (GME_STATIC_DIR), where {@code /images/...} pictures are
     * @return 0 valid, 1 problems found, 2 a wrong option or a folder that is not there
     */
    public static int run(ContentTypes types, Path defaultDir, Path staticDir, Clock clock, List<String> args, PrintStream out, PrintStream err) {
        Format format = Format.TEXT;
        String folder = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            if (arg.equals("--format")) {
                if (i + 1 == args.size()) {
                    return usage(err, "--format needs a value, text or github");
                }
                value = args.get(++i);
            } else if (arg.startsWith("--format=")) {
                value = arg.substring("--format=".length());
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                return usage(err, "unknown option '" + arg + "'");
            } else if (folder != null) {
                return usage(err, "one content folder at a time, got '" + folder + "' and '" + arg + "'");
            } else {
                folder = arg;
            }
            if (value != null) {
                switch (value) {
                    case "text" -> format = Format.TEXT;
                    case "github" -> format = Format.GITHUB;
                    default -> {
                        return usage(err, "--format must be text or github, got '" + value + "'");
                    }
                }
            }
        }
        Path dir = folder == null ? defaultDir : Path.of(folder);
        if (!Files.isDirectory(dir)) {
            return usage(err, "content folder '" + dir + "' not found" + (Files.exists(dir) ? " (it is a file, not a folder)" : ""));
        }
        Report report;
        try {
            report = check(types, dir, staticDir, clock);
        } catch (UncheckedIOException e) {
            // Files.walk reports a file removed while it walks (an editor's temporary file) this way.
            err.println("cannot read the content folder '" + dir + "' (" + e.getCause().getMessage() + "); run the command again");
            return 2;
        }
        for (ContentProblem problem : report.problems()) {
            out.println(format == Format.GITHUB ? annotation(problem) : problem.toString());
        }
        out.println(report.summary());
        out.flush();
        return report.problems().isEmpty() ? 0 : 1;
    }

    private static int usage(PrintStream err, String message) {
        err.println(message);
        err.println(USAGE);
        return 2;
    }

    /** What a check found: every problem, in file and line order, and how many files were read. */
    record Report(List<ContentProblem> problems, int filesChecked) {

        /** "3 problems in 2 files; 97 files checked" or "content is valid: 97 files checked". */
        String summary() {
            if (problems.isEmpty()) {
                return "content is valid: " + plural(filesChecked, "file") + " checked";
            }
            long files = problems.stream().map(ContentProblem::file).distinct().count();
            return plural(problems.size(), "problem") + " in " + plural((int) files, "file") + "; " + plural(filesChecked, "file") + " checked";
        }

        private static String plural(int count, String noun) {
            return count + " " + noun + (count == 1 ? "" : "s");
        }
    }

    /** Loads the folder as the server would, and checks the search synonyms as the search index would. */
    static Report check(ContentTypes types, Path dir, Path staticDir, Clock clock) {
        String prefix = displayPrefix(dir);
        Path synonyms = dir.resolve(ContentLoader.SYNONYMS);
        String synonymsShown = prefix + "/" + ContentLoader.SYNONYMS;
        // The synonym rules are read by Lucene, whose start-up costs about as much as the loader's:
        // on another core, at the same time.
        CompletableFuture<ContentProblem> rules = Files.isRegularFile(synonyms)
                ? CompletableFuture.supplyAsync(() -> synonymProblem(synonyms, synonymsShown), Validate::startDaemon)
                : CompletableFuture.completedFuture(null);
        ContentSnapshot snapshot = new ContentLoader(dir, clock, types).load();
        List<ContentProblem> problems = new ArrayList<>(snapshot.problems());
        ContentProblem rule = rules.join();
        if (rule != null && problems.stream().noneMatch(p -> p.file().equals(synonymsShown))) {
            problems.add(rule);
        }
        problems.addAll(missingPictures(snapshot, dir, prefix, staticDir));
        // The files read: every page loaded, every file with a problem, site.yaml and the synonyms.
        Set<String> files = new TreeSet<>(snapshot.bySource().keySet());
        problems.forEach(p -> files.add(p.file()));
        files.add(prefix + "/site.yaml");
        if (Files.isRegularFile(synonyms)) {
            files.add(synonymsShown);
        }
        String shownDir = shownFolder(dir);
        // A message that names another file ("duplicate slug 'a': content/news/a.md already uses /news/a") names it the same way.
        java.util.regex.Pattern otherFile = java.util.regex.Pattern.compile("(?<=\\s)" + java.util.regex.Pattern.quote(prefix + "/")
                + "(?=\\S+\\.(md|yaml|txt)\\b)");
        List<ContentProblem> shown = problems.stream()
                .map(p -> p.file().startsWith(prefix + "/")
                        ? new ContentProblem(shownDir + p.file().substring(prefix.length() + 1), p.line(), p.column(),
                                otherFile.matcher(p.message()).replaceAll(java.util.regex.Matcher.quoteReplacement(shownDir)))
                        : p)
                .sorted()
                .toList();
        return new Report(shown, files.size());
    }

    /**
     * Pictures named in front matter that the site would not find: a page bundle's file that is
     * not in the bundle (or a page that is not a bundle), or one of the site's images that
     * {@code staticDir} does not have. The loader checks the name; only the files can tell this.
     */
    private static List<ContentProblem> missingPictures(ContentSnapshot snapshot, Path dir, String prefix, Path staticDir) {
        List<ContentProblem> problems = new ArrayList<>();
        for (Page<?> page : snapshot.bySource().values()) {
            String image = page.meta().image();
            if (image == null || image.isBlank()) {
                continue;
            }
            String why = null;
            if (image.startsWith("/")) {
                if (staticDir != null && Files.isDirectory(staticDir) && !Files.isRegularFile(staticDir.resolve(image.substring(1)))) {
                    why = "is not one of the site's images (no file " + image.substring(1) + " in " + staticDir + ")";
                }
            } else if (!snapshot.resources().containsKey(page.imageUrl())) {
                why = page.source().endsWith("/index.md") ? "is not a file beside this index.md"
                        : "must lie beside the page in a page bundle (a folder with index.md and its pictures); this page is a single file";
            }
            if (why != null) {
                Path file = dir.resolve(page.source().substring(prefix.length() + 1));
                problems.add(new ContentProblem(page.source(), lineOf(file, "image"), 1, "'image' names \"" + image + "\", which " + why));
            }
        }
        return problems;
    }

    /** The line of a top-level field in a file's front matter; 1 when it cannot be found. */
    private static int lineOf(Path file, String field) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
                if (lines.get(i).startsWith(field + ":") || lines.get(i).startsWith(field + " :")) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            // The loader read it a moment ago; the first line will do.
        }
        return 1;
    }

    /** The first synonym rule that cannot be read; null when all can (or the file is not UTF-8, which the loader reports). */
    private static ContentProblem synonymProblem(Path file, String shown) {
        try {
            return SearchService.synonymProblem(shown, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    private static void startDaemon(Runnable work) {
        Thread thread = new Thread(work, "validate-synonyms");
        thread.setDaemon(true);
        thread.start();
    }

    /** How the loader names the folder in problems: its own name ("content"). */
    private static String displayPrefix(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "content" : name.toString();
    }

    /**
     * The folder as the user gave it, so that a problem's path leads to the file from where the
     * command ran (and GitHub finds the line): "content/", "site/content/", "" for ".".
     */
    static String shownFolder(Path dir) {
        String path = dir.normalize().toString().replace('\\', '/');
        return path.isEmpty() ? "" : path.endsWith("/") ? path : path + "/";
    }

    /**
     * A problem as a GitHub Actions workflow command. GitHub reads '%', CR and LF as escapes in the
     * message, and also ':' and ',' in a property's value (the toolkit's escapeData and escapeProperty).
     */
    static String annotation(ContentProblem problem) {
        return "::error file=" + escapeProperty(problem.file()) + ",line=" + problem.line() + ",col=" + problem.column()
                + "::" + escapeData(problem.message());
    }

    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
