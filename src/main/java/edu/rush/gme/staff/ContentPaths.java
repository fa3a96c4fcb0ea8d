package edu.rush.gme.staff;

import edu.rush.gme.content.ContentTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The one check every file parameter of the editor passes: a Markdown file of a registered type
 * (a top-level page, a section's file or bundle) inside the content folder, named as it is shown
 * ({@code content/news/x.md}); no {@code ..}, no absolute path, no link leading out, nothing else.
 */
final class ContentPaths {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /** A file inside the folder: where it is and how it is shown. */
    record Resolved(Path file, String shown) {
    }

    /** Refused, with a sentence naming the problem. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private ContentPaths() {
    }

    static Resolved resolve(Path contentDir, ContentTypes types, String given) throws Refused {
        if (given == null || given.isBlank()) {
            throw new Refused("No file was given: open a file from the content list.");
        }
        String prefix = shownPrefix(contentDir);
        String relative = given.strip();
        if (relative.chars().anyMatch(c -> c < ' ' || c == '\\' || c == '%' || c == ':')) {
            throw new Refused("The file name '" + given + "' has characters a content file's name cannot have.");
        }
        if (relative.startsWith("/")) {
            throw new Refused("'" + given + "' is an absolute path: give the file as the content list shows it, like " + prefix + "/news/story.md.");
        }
        if (relative.startsWith(prefix + "/")) {
            relative = relative.substring(prefix.length() + 1);
        }
        String[] parts = relative.split("/", -1);
        for (String part : parts) {
            if (part.equals("..") || part.equals(".")) {
                throw new Refused("'" + given + "' leads out of the content folder ('..' is not allowed).");
            }
            if (!PART.matcher(part).matches()) {
                throw new Refused("'" + given + "' is not a content file's name (letters, digits, '-', '_' and '.' only, no empty parts).");
            }
        }
        String name = parts[parts.length - 1];
        if (!name.endsWith(".md")) {
            throw new Refused("'" + given + "' is not a Markdown file: only .md files of the content types can be edited here.");
        }
        boolean shape = switch (parts.length) {
            case 1 -> true;
            case 2 -> types.inFolder(parts[0]).isPresent();
            case 3 -> types.inFolder(parts[0]).isPresent() && name.equals("index.md") && !parts[1].startsWith("_");
            default -> false;
        };
        if (!shape || (parts.length > 1 && parts[0].startsWith("_"))) {
            throw new Refused("'" + given + "' is not where content of a type lies: a page is " + prefix + "/NAME.md, a section's file "
                    + prefix + "/SECTION/NAME.md or " + prefix + "/SECTION/NAME/index.md (sections: " + String.join(", ", types.folders()) + ").");
        }
        Path root = contentDir.toAbsolutePath().normalize();
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            throw new Refused("'" + given + "' leads out of the content folder.");
        }
        try {
            Path realRoot = root.toRealPath();
            // Every part that exists must really be inside: a link pointing out of the folder is refused.
            for (Path at = file; at != null && at.startsWith(root); at = at.getParent()) {
                if (Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                    if (!at.toRealPath().startsWith(realRoot) || (at.equals(file) && Files.isSymbolicLink(at))) {
                        throw new Refused("'" + given + "' is a link to a file outside the content folder; it cannot be edited here.");
                    }
                    break;
                }
            }
        } catch (IOException e) {
            throw new Refused("'" + given + "' cannot be read: " + e.getMessage());
        }
        return new Resolved(file, prefix + "/" + relative);
    }

    /**
     * Where a section's single file ({@code news/x.md}) is once its first image made it a bundle
     * ({@code news/x/index.md}), when that is there; else null. An editor opened before the move
     * still saves to the item.
     */
    static Resolved movedIntoBundle(Path contentDir, ContentTypes types, Resolved single) {
        String shown = single.shown();
        String[] parts = shown.split("/");
        if (parts.length != 3 || single.file().getFileName().toString().equals("index.md") || parts[2].startsWith("_")) {
            return null;
        }
        String bundle = shown.substring(0, shown.length() - ".md".length()) + "/index.md";
        try {
            Resolved moved = resolve(contentDir, types, bundle);
            return Files.isRegularFile(moved.file(), LinkOption.NOFOLLOW_LINKS) ? moved : null;
        } catch (Refused refused) {
            return null;
        }
    }

    /** How problems name the content folder ({@code content}). */
    static String shownPrefix(Path contentDir) {
        Path name = contentDir.toAbsolutePath().normalize().getFileName();
        return name == null ? "content" : name.toString();
    }
}
