package edu.rush.gme.preview;

import edu.rush.gme.Settings;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentProblem;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.ContentTypes;
import edu.rush.gme.content.DateOrTime;
import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.Page;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code preview FILE [--valid 7d]} prints a signed link to one page as it will look, and
 * {@code preview --as-of 2026-12-01T09:00 [--valid 2d]} one to the whole site at that time: staff
 * send it to a program director, who needs no account. The link is the base URL
 * ({@code GME_BASE_URL}) and the token; what it shows and until when goes to standard error.
 * Exit status: 0 printed, 1 the file cannot be previewed (missing, not content, has mistakes), 2 a wrong option.
 */
public final class PreviewCommand {

    public static final String COMMAND = "preview";
    public static final String USAGE = """
            usage: java -jar gme-site.jar preview FILE [--valid 7d]                    a link to one page (draft, scheduled or expired)
                   java -jar gme-site.jar preview --as-of 2026-12-01T09:00 [--valid 2d]  a link to the whole site at that time
              --valid  how long the link works: minutes, hours or days (30m, 12h, 7d); default 7d, at most 30d
            """;
    private static final Pattern VALIDITY = Pattern.compile("(\\d{1,6})([mhd])");

    private PreviewCommand() {
    }

    public static int run(Settings settings, ContentTypes types, List<String> args, PrintStream out, PrintStream err, Clock clock) {
        String file = null;
        String asOf = null;
        Duration valid = PreviewTokens.DEFAULT_VALIDITY;
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--valid") || arg.equals("--as-of")) {
                    if (i + 1 == args.size()) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    String value = args.get(++i);
                    if (arg.equals("--valid")) {
                        valid = validity(value);
                    } else {
                        asOf = value;
                    }
                } else if (arg.startsWith("-") || file != null) {
                    throw new IllegalArgumentException("unknown argument '" + arg + "'");
                } else {
                    file = arg;
                }
            }
            if ((file == null) == (asOf == null)) {
                throw new IllegalArgumentException(file == null ? "name a content file, or give --as-of a time" : "give a file or --as-of, not both");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        ContentSnapshot snapshot = new ContentLoader(settings.contentDir(), clock, types).load();
        PreviewTokens tokens = new PreviewTokens(settings.preview().key(), clock);
        return asOf != null ? asOf(settings, snapshot, tokens, asOf, valid, out, err, clock)
                : item(settings, snapshot, tokens, file, valid, out, err);
    }

    static Duration validity(String value) {
        Matcher m = VALIDITY.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--valid must be a number and m, h or d, like 30m, 12h or 7d; got '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration valid = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (valid.isZero() || valid.compareTo(PreviewTokens.MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("--valid must be from 1m to " + PreviewTokens.MAX_VALIDITY.toDays() + "d; got '" + value + "'");
        }
        return valid;
    }

    private static int item(Settings settings, ContentSnapshot snapshot, PreviewTokens tokens, String file, Duration valid,
                            PrintStream out, PrintStream err) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            err.println(file + ": no such file");
            return 1;
        }
        Path dir = settings.contentDir().toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(dir) || !absolute.getFileName().toString().endsWith(".md")) {
            err.println(file + ": not a page of the content folder (" + settings.contentDir() + "): only its Markdown files (.md) can be previewed");
            return 1;
        }
        String source = (dir.getFileName() == null ? "content" : dir.getFileName().toString()) + "/"
                + dir.relativize(absolute).toString().replace('\\', '/');
        List<ContentProblem> problems = snapshot.problems().stream().filter(p -> p.file().equals(source)).toList();
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println(file + ": fix " + (problems.size() == 1 ? "this mistake" : "these mistakes") + " first; a file with mistakes is not on the site, nor in a preview");
            return 1;
        }
        for (ContentType<?> type : snapshot.types().all()) {
            Optional<? extends Page<?>> page = find(snapshot, type, source);
            if (page.isPresent()) {
                String token = tokens.item(type.name(), source, valid);
                out.println(settings.baseUrl() + "/preview/" + token);
                Instant now = tokens.now();
                err.println("A preview of \u201c" + page.get().title() + "\u201d (" + page.get().url() + "), "
                        + (page.get().isVisible(snapshot.at(now)) ? "already published" : page.get().meta().isDraft() ? "a draft" : "not published now")
                        + ". The link works until " + PreviewController.when(snapshot, now.plus(valid))
                        + " for anyone who has it: share it only with the people who should see the page.");
                return 0;
            }
        }
        err.println(file + (absolute.getFileName().toString().equals("_index.md")
                ? ": a section's introduction is shown on its list page; preview the site as it will be with --as-of"
                : ": not a page of the site (is it in a section's folder, like news/ or programs/?)"));
        return 1;
    }

    private static <T extends FrontMatter> Optional<Page<T>> find(ContentSnapshot snapshot, ContentType<T> type, String source) {
        return snapshot.fromSource(type, source);
    }

    private static int asOf(Settings settings, ContentSnapshot snapshot, PreviewTokens tokens, String value, Duration valid,
                            PrintStream out, PrintStream err, Clock clock) {
        Instant at;
        try {
            at = DateOrTime.parse(value.trim()).in(snapshot.site().zone());
        } catch (DateTimeException e) {
            err.println("--as-of must be " + DateOrTime.FORMS + "; got '" + value + "'");
            return 2;
        }
        if (!at.isAfter(clock.instant())) {
            err.println("--as-of must be a time to come; " + PreviewController.when(snapshot, at) + " has passed");
            return 2;
        }
        out.println(settings.baseUrl() + "/preview/as-of/" + tokens.asOf(at, valid));
        err.println("The whole site as it will be at " + PreviewController.when(snapshot, at) + ". The link works until "
                + PreviewController.when(snapshot, clock.instant().plus(valid)) + " for anyone who has it; opening it shows every page"
                + " as of that time until \u201cExit preview\u201d.");
        return 0;
    }
}
