package edu.rush.gme.staff;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Page;
import edu.rush.gme.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Images uploaded from the editor into the item's page bundle ({@code content/news/story/photo.png}),
 * where the site already serves a bundle's files at the page's address ({@code /news/story/photo.png}).
 *
 * <p>An image is accepted by what its bytes are, never by its name or the type the browser claims:
 * PNG, JPEG and GIF by their signature and a header Java's ImageIO can read (its width and height),
 * WebP by its RIFF header and the size in its first chunk. SVG (it can carry scripts) and anything
 * else is refused with a sentence saying so. It is stored under a name made here (the lower-case
 * slug of the uploaded name and the extension of the detected type), never over another file unless
 * staff ask for that. An item that is one file ({@code news/story.md}) becomes a bundle on its first
 * image: the file moves to {@code news/story/index.md} in one rename, so its address, its slug and
 * its history stay the same.
 */
public final class ImageUploads {

    /** Where the editor's image form posts. */
    public static final String PATH = ContentEditor.EDIT + "/image";
    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    /** The whole multipart body: the image and the form's few fields. */
    public static final int MAX_BODY_BYTES = MAX_IMAGE_BYTES + 64 * 1024;
    /** What a body over the limit is told, before any of it reaches the application. */
    public static final String TOO_LARGE = "The image is larger than 5 MB, so nothing was stored. Make it smaller (a photo for the web"
            + " needs about 1,600 pixels across, saved as JPEG or WebP), then go back to the editor and upload it again.";
    /** Width times height at most: a small file can claim a huge picture that would take the reader's memory. */
    static final long MAX_PIXELS = 50_000_000L;
    private static final int MAX_NAME = 60;

    /** The image formats accepted, with the extension a stored file gets. */
    enum Format {
        PNG("png", "PNG"), JPEG("jpg", "JPEG"), GIF("gif", "GIF"), WEBP("webp", "WebP");

        final String extension;
        final String label;

        Format(String extension, String label) {
            this.extension = extension;
            this.label = label;
        }
    }

    /** What the bytes are. */
    record Detected(Format format, int width, int height) {
    }

    /** Not stored, with the status and the sentence staff read. */
    static final class Refused extends Exception {
        final HttpStatus status;
        final String field;

        Refused(HttpStatus status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }
    }

    /**
     * What the editor page shows about images of the item it edits, and the form's errors (by field:
     * image, alt, replace) and description; {@code newTab}: the form answers in a new tab (from the
     * editor, whose unsaved text stays), or in its own (on the page that answered an upload).
     */
    public record Panel(boolean bundle, String folder, List<Stored> images, Map<String, String> errors, String alt, boolean newTab) {
        Panel with(Map<String, String> given, String text) {
            Map<String, String> all = new java.util.HashMap<>();
            for (String field : List.of("image", "alt", "replace")) {
                all.put(field, given.get(field));
            }
            return new Panel(bundle, folder, images, all, text, newTab);
        }
    }

    /** One file of the bundle: its name and the address the site serves it at. */
    public record Stored(String name, String url) {
        public String markdown() {
            return "![Describe the picture](" + url + ")";
        }
    }

    private final ContentStore store;
    private final Views views;
    private final StaffService staff;
    private final ContentSaves.Listener history;

    ImageUploads(ContentStore store, Views views, StaffService staff, ContentSaves.Listener history) {
        this.store = store;
        this.views = views;
        this.staff = staff;
        this.history = history;
    }

    // --- what the bytes are ---

    /** The format and size of an image, from its bytes alone; refused with the reason when it is not one of the four. */
    static Detected detect(byte[] bytes) throws Refused {
        Format format = signature(bytes);
        if (format == null) {
            throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "image", looksLikeText(bytes)
                    ? (isSvg(bytes) ? "SVG images are not accepted: an SVG file can carry scripts. Export the picture as PNG or WebP and upload that."
                    : "This file is text (HTML, XML or similar), not an image, whatever its name says. Upload a PNG, JPEG, WebP or GIF picture.")
                    : "This file is not a PNG, JPEG, WebP or GIF image (its content says so, whatever its name). Save the picture in one of those formats and upload it again.");
        }
        int[] size = format == Format.WEBP ? webpSize(bytes) : imageIoSize(bytes, format);
        if (size == null || size[0] <= 0 || size[1] <= 0) {
            throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "image", "This file starts like a " + format.label
                    + " image but cannot be read as one (it is damaged or cut short). Save it again and upload the new file.");
        }
        if ((long) size[0] * size[1] > MAX_PIXELS) {
            throw new Refused(HttpStatus.UNPROCESSABLE_CONTENT, "image", "This picture is " + size[0] + " by " + size[1]
                    + " pixels, far more than a web page needs. Make it at most about 2,000 pixels across and upload it again.");
        }
        return new Detected(format, size[0], size[1]);
    }

    private static Format signature(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Format.PNG;
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Format.JPEG;
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Format.GIF;
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Format.WEBP;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int at, int... expected) {
        if (bytes.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String head(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }

    private static boolean isSvg(byte[] bytes) {
        return head(bytes).contains("<svg");
    }

    private static boolean looksLikeText(byte[] bytes) {
        String start = head(bytes).replace("\uFEFF", "").stripLeading();
        return start.startsWith("<");
    }

    /** Width and height from the image's header, read by ImageIO's reader for that format (the pixels are not decoded). */
    private static int[] imageIoSize(byte[] bytes, Format format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    String name = reader.getFormatName().toLowerCase(Locale.ROOT);
                    boolean matches = switch (format) {
                        case PNG -> name.equals("png");
                        case JPEG -> name.equals("jpeg") || name.equals("jpg");
                        case GIF -> name.equals("gif");
                        case WEBP -> false;
                    };
                    if (!matches) {
                        continue;
                    }
                    reader.setInput(in, true, true);
                    return new int[] {reader.getWidth(0), reader.getHeight(0)};
                } finally {
                    reader.dispose();
                }
            }
            return null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** A WebP's size from its first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended); the RIFF size must fit the file. */
    static int[] webpSize(byte[] b) {
        if (b.length < 30) {
            return null;
        }
        long riff = le32(b, 4);
        if (riff + 8 > b.length || riff < 22) {
            return null;
        }
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 " -> {
                // Frame tag (3 bytes), then the key frame's start code 9d 01 2a, then 14-bit width and height.
                if (!startsWith(b, 23, 0x9D, 0x01, 0x2A)) {
                    return null;
                }
                return new int[] {le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF};
            }
            case "VP8L" -> {
                if ((b[20] & 0xFF) != 0x2F) {
                    return null;
                }
                long bits = le32(b, 21);
                return new int[] {(int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1};
            }
            case "VP8X" -> {
                return new int[] {le24(b, 24) + 1, le24(b, 27) + 1};
            }
            default -> {
                return null;
            }
        }
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int le24(byte[] b, int at) {
        return le16(b, at) | (b[at + 2] & 0xFF) << 16;
    }

    private static long le32(byte[] b, int at) {
        return (le24(b, at) | (long) (b[at + 3] & 0xFF) << 24) & 0xFFFFFFFFL;
    }

    // --- the name it is stored under ---

    /**
     * The stored name: the uploaded file's name as a lower-case slug, with the extension of the
     * detected format. A name with a folder or a '..' in it is refused: a browser sends the file's
     * own name only, so such a name was made up to reach elsewhere.
     */
    static String storedName(String given, Format format) throws Refused {
        String name = given == null ? "" : given.strip();
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.chars().anyMatch(c -> c < ' ' || c == 127)) {
            throw new Refused(HttpStatus.BAD_REQUEST, "image", "The file name '" + printable(name)
                    + "' has a folder, '..' or control characters in it; upload the picture from your computer with a plain name like photo.png.");
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String slug = Normalizer.normalize(stem, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_NAME) {
            slug = slug.substring(0, MAX_NAME).replaceAll("-+$", "");
        }
        if (slug.isEmpty() || slug.equals("index")) {
            slug = "image";
        }
        return slug + "." + format.extension;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(120).forEach(c -> out.append(c < ' ' || c == 127 ? "?" : Character.toString(c)));
        return out.toString();
    }

    // --- the item's bundle ---

    /** Whether an item can hold images: a section's file or bundle, not a top-level page or a section's intro. */
    static boolean canHoldImages(Path contentDir, Path file) {
        Path relative = contentDir.toAbsolutePath().normalize().relativize(file);
        String name = relative.getFileName().toString();
        return (relative.getNameCount() == 2 && !name.equals("_index.md") && !name.equals("index.md"))
                || (relative.getNameCount() == 3 && name.equals("index.md"));
    }

    private static boolean isBundle(Path file) {
        return file.getFileName().toString().equals("index.md");
    }

    /** The folder an item's images go in: its bundle's, or the one it will become. */
    private static Path folderOf(Path file) {
        if (isBundle(file)) {
            return file.getParent();
        }
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".md".length()));
    }

    /** What the editor shows about the item's images; null for a file that cannot hold any. */
    Panel panel(ContentPaths.Resolved path) {
        Path contentDir = store.contentDir();
        if (!canHoldImages(contentDir, path.file())) {
            return null;
        }
        boolean bundle = isBundle(path.file());
        String shownFolder = shown(folderOf(path.file())) + "/";
        List<Stored> images = new ArrayList<>();
        if (bundle) {
            Page<?> page = store.snapshot().bySource().get(path.shown());
            try (Stream<Path> files = Files.list(path.file().getParent())) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (Files.isRegularFile(f) && !name.endsWith(".md") && !name.startsWith(".")) {
                        images.add(new Stored(name, page == null ? name : page.url() + "/" + name));
                    }
                }
            } catch (IOException e) {
                // Nothing listed; the form still works.
            }
        }
        return new Panel(bundle, shownFolder, images, Map.of(), "", true).with(Map.of(), "");
    }

    private String shown(Path file) {
        Path root = store.contentDir().toAbsolutePath().normalize();
        return ContentPaths.shownPrefix(store.contentDir()) + "/" + root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    // --- the upload ---

    void upload(Context ctx) {
        StaffSession session = StaffController.sessionOf(ctx);
        String given = ctx.formParam("file");
        ContentPaths.Resolved path;
        try {
            path = ContentPaths.resolve(store.contentDir(), store.types(), given);
        } catch (ContentPaths.Refused refused) {
            message(ctx, HttpStatus.BAD_REQUEST, "No image was stored", refused.getMessage());
            return;
        }
        if (!Files.isRegularFile(path.file())) {
            ContentPaths.Resolved moved = ContentPaths.movedIntoBundle(store.contentDir(), store.types(), path);
            if (moved == null) {
                message(ctx, HttpStatus.NOT_FOUND, "No image was stored", path.shown()
                        + " is not there (it may have been moved or deleted). Open it again from the content list.");
                return;
            }
            path = moved;
        }
        if (!canHoldImages(store.contentDir(), path.file())) {
            message(ctx, HttpStatus.BAD_REQUEST, "No image was stored", "Images are stored in the folder of a section's item (a story,"
                    + " a program, an event...). " + path.shown() + " is a top-level page or a section's introduction, which has no folder of"
                    + " its own; ask the site's administrator to add its pictures.");
            return;
        }
        String alt = ctx.formParam("alt") == null ? "" : ctx.formParam("alt").strip().replaceAll("\\s+", " ");
        boolean replace = "true".equals(ctx.formParam("replace"));
        Map<String, String> errors = new LinkedHashMap<>();
        UploadedFile upload = ctx.uploadedFile("image");
        HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
        Detected detected = null;
        byte[] bytes = null;
        String name = null;
        if (upload == null || (upload.filename().isEmpty() && upload.size() == 0)) {
            errors.put("image", "Choose the image file to upload.");
        } else if (upload.size() > MAX_IMAGE_BYTES) {
            errors.put("image", TOO_LARGE);
            status = HttpStatus.CONTENT_TOO_LARGE;
        } else {
            try (InputStream in = upload.content()) {
                bytes = in.readNBytes(MAX_IMAGE_BYTES + 1);
            } catch (IOException e) {
                bytes = null;
            }
            try {
                if (bytes == null || bytes.length == 0) {
                    throw new Refused(HttpStatus.UNPROCESSABLE_CONTENT, "image", "The file arrived empty; choose the image again and upload it.");
                }
                if (bytes.length > MAX_IMAGE_BYTES) {
                    throw new Refused(HttpStatus.CONTENT_TOO_LARGE, "image", TOO_LARGE);
                }
                detected = detect(bytes);
                name = storedName(upload.filename(), detected.format());
            } catch (Refused refused) {
                errors.put(refused.field, refused.getMessage());
                status = refused.status;
            }
        }
        if (alt.isEmpty()) {
            errors.put("alt", "Describe the picture in a few words (its alt text), for people who cannot see it: what it shows, not \"image of\".");
        } else if (alt.length() > 250) {
            errors.put("alt", "Keep the description under 250 characters; say the rest in the text.");
        }
        if (!errors.isEmpty()) {
            render(ctx, status, path, errors, alt, null);
            return;
        }
        Result result;
        try {
            result = store(session, path, name, bytes, replace);
        } catch (Refused refused) {
            render(ctx, refused.status, path, Map.of(refused.field, refused.getMessage()), alt, null);
            return;
        } catch (IOException e) {
            message(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "No image was stored", "The image could not be written (" + e.getMessage()
                    + "); nothing was changed. Tell the site's administrator.");
            return;
        }
        store.reload();
        staff.audit(session.account(), "uploaded", shown(result.image()), ctx.ip());
        ContentPaths.Resolved now = new ContentPaths.Resolved(result.page(), shown(result.page()));
        Page<?> page = store.snapshot().bySource().get(now.shown());
        String url = (page == null ? "" : page.url() + "/") + result.image().getFileName();
        List<String> said = new ArrayList<>();
        said.add("Stored " + shown(result.image()) + " (" + detected.format().label + ", " + detected.width() + " × " + detected.height()
                + " pixels, " + kilobytes(bytes.length) + ").");
        if (result.renamedFrom() != null) {
            said.add("A file named " + result.renamedFrom() + " was there already, so this one is " + result.image().getFileName()
                    + " (tick \"Replace\" to put a new picture in its place).");
        }
        if (result.replaced()) {
            said.add("It replaces the file of the same name; pages that show it show the new picture now.");
        }
        if (result.bundledFrom() != null) {
            said.add("The " + typeName(now) + " was one file, " + result.bundledFrom() + "; it is now a folder with its pictures: " + now.shown()
                    + ". Its address" + (page == null ? "" : ", " + page.url() + ",") + " and its history stay the same.");
        }
        render(ctx, HttpStatus.CREATED, now, Map.of(), alt, new Uploaded(said, url, "![" + alt.replace("\\", "\\\\").replace("[", "\\[")
                .replace("]", "\\]") + "](" + url + ")", result.image().getFileName().toString()));
    }

    private String typeName(ContentPaths.Resolved path) {
        Path relative = store.contentDir().toAbsolutePath().normalize().relativize(path.file());
        return store.types().inFolder(relative.getName(0).toString()).map(ContentType::singular).orElse("item");
    }

    private static String kilobytes(int bytes) {
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB" : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Where it went: the item's file now, the image, the name taken if the wished one was taken, the file it was before it became a bundle. */
    private record Result(Path page, Path image, String renamedFrom, boolean replaced, String bundledFrom) {
    }

    /** What the page says after a stored image: sentences, the image's address, the Markdown to paste. */
    public record Uploaded(List<String> said, String url, String markdown, String name) {
    }

    private Result store(StaffSession session, ContentPaths.Resolved path, String name, byte[] bytes, boolean replace)
            throws Refused, IOException {
        return ContentWrites.of(store.contentDir()).<Result, Refused>locked(() -> storeLocked(session, path, name, bytes, replace));
    }

    private Result storeLocked(StaffSession session, ContentPaths.Resolved path, String name, byte[] bytes, boolean replace)
            throws Refused, IOException {
        Path file = path.file();
        Path folder = folderOf(file);
        boolean bundle = isBundle(file);
        if (!bundle && Files.exists(folder.resolve("index.md"))) {
            throw new Refused(HttpStatus.CONFLICT, "image", shown(folder.resolve("index.md")) + " exists beside " + path.shown()
                    + ": two files claim the same address, so this one cannot become a folder for its pictures. Move one of them to the trash first.");
        }
        if (Files.isSymbolicLink(folder) || (Files.exists(folder) && !folder.toRealPath().startsWith(store.contentDir().toAbsolutePath().normalize().toRealPath()))) {
            throw new Refused(HttpStatus.BAD_REQUEST, "image", shown(folder) + " is a link to a folder elsewhere, so no picture is stored there;"
                    + " ask the site's administrator to replace it with a real folder.");
        }
        Path target = folder.resolve(name);
        String renamedFrom = null;
        boolean replaced = false;
        if (Files.exists(target)) {
            if (replace) {
                Page<?> page = store.snapshot().bySource().get(path.shown());
                if (page != null && !page.meta().isDraft() && !session.account().role().allows(Role.PUBLISHER)) {
                    throw new Refused(HttpStatus.FORBIDDEN, "replace", "Not stored: " + name + " is a picture of a published page, and only a"
                            + " publisher can change what a published page shows. Untick \"Replace\" to store it under a new name.");
                }
                replaced = true;
            } else {
                String stem = name.substring(0, name.lastIndexOf('.'));
                String extension = name.substring(name.lastIndexOf('.'));
                int n = 2;
                while (Files.exists(folder.resolve(stem + "-" + n + extension))) {
                    n++;
                }
                renamedFrom = name;
                target = folder.resolve(stem + "-" + n + extension);
            }
        }
        Files.createDirectories(folder);
        ContentEditor.writeAtomically(target, bytes);
        if (bundle) {
            history.added(target, file, session.account(), "Uploaded " + shown(target));
            return new Result(file, target, renamedFrom, replaced, null);
        }
        // One rename makes the item a bundle: the loader sees the file, then the bundle, never both or neither.
        Path index = folder.resolve("index.md");
        history.aboutToWrite(file);
        try {
            Files.move(file, index, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        history.bundled(file, index, target, session.account(), "Uploaded " + shown(target) + ": " + path.shown() + " is now " + shown(index));
        return new Result(index, target, renamedFrom, replaced, path.shown());
    }

    // --- pages ---

    private void render(Context ctx, HttpStatus status, ContentPaths.Resolved path, Map<String, String> errors, String alt, Uploaded uploaded) {
        ContentSnapshot snapshot = store.snapshot();
        Map<String, Object> model = StaffController.signedInModel(ctx, StaffController.sessionOf(ctx),
                uploaded != null ? "Image stored" : "No image was stored");
        model.put("file", path.shown());
        Panel panel = panel(path);
        model.put("images", panel == null ? null : new Panel(panel.bundle(), panel.folder(), panel.images(), Map.of(), alt, false).with(errors, alt));
        model.put("summary", errors.entrySet().stream().map(e -> new StaffController.SummaryItem(e.getValue(), "image-" + e.getKey())).toList());
        model.put("uploaded", uploaded);
        ctx.status(status);
        views.renderUncached(ctx, snapshot, "staff/images", model);
    }

    private void message(Context ctx, HttpStatus status, String title, String text) {
        ctx.status(status);
        views.renderUncached(ctx, store.snapshot(), "staff/message", Map.of("title", title, "text", text));
    }
}
