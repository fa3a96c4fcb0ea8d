package edu.rush.gme.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.DatabaseSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images uploaded from the editor, over HTTP as a browser sends the form (multipart): stored in the
 * item's bundle under a safe name and served at the page's address; an item that is one file becomes
 * a bundle with the same address; SVG, text dressed as an image, a picture too large, a wrong role,
 * a missing form token and path tricks are refused with a sentence, and nothing is stored.
 */
class ImageUploadTest {

    static final String STORY = """
            ---
            title: "Match Day 2026"
            date: 2026-03-20
            summary: "All positions filled."
            ---
            Our residents matched.
            """;

    @TempDir
    Path temp;

    private TestSite site;
    private ContentFixture content;
    private StaffSessions sessions;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        content = ContentFixture.minimal(temp)
                .write("news/match-day.md", STORY)
                .write("news/open-day/index.md", STORY.replace("Match Day 2026", "Open day").replace("---\nOur", "draft: true\n---\nOur"))
                .write("about.md", "---\ntitle: About\n---\nAbout us.\n");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T16:00:00Z"));
        Settings settings = Settings.forFolders(content.dir(), Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("gme.db"), null, null));
        site = TestSite.start(settings, clock);
        sessions = new StaffSessions(site, Role.EDITOR, Role.PUBLISHER, Role.COORDINATOR);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    static byte[] png(int width, int height) throws IOException {
        return image("png", width, height);
    }

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private String csrf(Role role) {
        return sessions.csrf(role);
    }

    private TestSite.Response upload(Role role, Map<String, String> fields, String fileName, byte[] bytes) {
        return upload(site, sessions.cookie(role), fields, fileName, bytes);
    }

    /** The upload form as a browser sends it (multipart): the fields, then the file (none when fileName is null). */
    static TestSite.Response upload(TestSite site, String session, Map<String, String> fields, String fileName, byte[] bytes) {
        String boundary = "----gmeTestBoundary7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + field.getValue()
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (fileName != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(site.url(ImageUploads.PATH)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "gme_staff=" + session)
                .header("Origin", site.url("")).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new TestSite.Response(response.statusCode(), response, Jsoup.parse(response.body(), site.url("/")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> fields(Role role, String file, String alt) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf(role));
        fields.put("file", file);
        fields.put("alt", alt);
        return fields;
    }

    private List<String> filesUnder(String folder) throws IOException {
        Path dir = content.dir().resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void a_png_makes_a_single_file_story_a_bundle_with_the_same_address_and_is_served_there() throws IOException {
        Document editor = sessions.get(Role.EDITOR, "/admin/edit?file=content/news/match-day.md").page();
        assertThat(editor.select("form[action='/admin/edit/image'][enctype='multipart/form-data'] input[type=file][name=image]")).hasSize(1);
        assertThat(editor.select("#image-hint").text()).contains("up to 5 MB", "SVG is not accepted", "content/news/match-day/");
        assertThat(editor.select("form[action='/admin/edit/image']").attr("target")).isEqualTo("_blank");

        byte[] picture = png(40, 30);
        TestSite.Response stored = upload(Role.EDITOR, fields(Role.EDITOR, "content/news/match-day.md", "Residents [celebrating]"),
                "Match Day Résidents.PNG", picture);
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        assertThat(stored.page().select("#image-markdown").text())
                .isEqualTo("![Residents \\[celebrating\\]](/news/match-day/match-day-residents.png)");
        assertThat(stored.text()).contains("Stored content/news/match-day/match-day-residents.png (PNG, 40 × 30 pixels",
                "it is now a folder with its pictures: content/news/match-day/index.md", "/news/match-day");
        assertThat(stored.page().select("form[action='/admin/edit/image']").attr("target")).as("the answer's own form stays in its tab").isEmpty();
        assertThat(stored.page().select("form[action='/admin/edit/image'] input[name=file]").attr("value")).isEqualTo("content/news/match-day/index.md");
        assertThat(content.dir().resolve("news/match-day.md")).doesNotExist();
        assertThat(Files.readString(content.dir().resolve("news/match-day/index.md"))).isEqualTo(STORY);
        assertThat(filesUnder("news/match-day")).containsExactly("index.md", "match-day-residents.png");

        assertThat(site.get("/news/match-day").status()).isEqualTo(200);
        HttpResponse<byte[]> served = site.bytes("/news/match-day/match-day-residents.png");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.body()).isEqualTo(picture);
        assertThat(site.app().services().staff().auditLog(10).stream().map(e -> e.action() + " " + e.detail()))
                .contains("uploaded content/news/match-day/match-day-residents.png");

        // The same name again: a new name, said so; nothing overwritten.
        TestSite.Response again = upload(Role.EDITOR, fields(Role.EDITOR, "content/news/match-day/index.md", "Résidents à l’hôpital"),
                "match-day-residents.png", png(8, 8));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).contains("was there already, so this one is match-day-residents-2.png");
        assertThat(again.page().select("#image-markdown").text()).isEqualTo("![Résidents à l’hôpital](/news/match-day/match-day-residents-2.png)");
        assertThat(Files.readAllBytes(content.dir().resolve("news/match-day/match-day-residents.png"))).isEqualTo(picture);
        // Replacing a published page's picture is a publisher's change.
        Map<String, String> replace = fields(Role.EDITOR, "content/news/match-day/index.md", "New picture");
        replace.put("replace", "true");
        TestSite.Response refused = upload(Role.EDITOR, replace, "match-day-residents.png", png(9, 9));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("only a publisher can change what a published page shows");
        Map<String, String> byPublisher = fields(Role.PUBLISHER, "content/news/match-day/index.md", "New picture");
        byPublisher.put("replace", "true");
        byte[] newer = png(9, 9);
        assertThat(upload(Role.PUBLISHER, byPublisher, "match-day-residents.png", newer).text()).contains("It replaces the file of the same name");
        assertThat(Files.readAllBytes(content.dir().resolve("news/match-day/match-day-residents.png"))).isEqualTo(newer);

        // An editor's tab opened before the move still saves the item, now at its new name.
        Map<String, String> form = StaffSessions.editorForm(editor);
        form.put("body", "Our residents matched.\n\n![Residents celebrating](/news/match-day/match-day-residents.png)\n");
        form.put("csrf", csrf(Role.PUBLISHER));
        TestSite.Response saved = sessions.post(Role.PUBLISHER, "/admin/edit", form);
        assertThat(saved.status()).as(saved.text()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo("/admin/edit?file=content%2Fnews%2Fmatch-day%2Findex.md&done=saved");
        assertThat(site.get("/news/match-day").page().select("img[src='/news/match-day/match-day-residents.png']").attr("alt"))
                .isEqualTo("Residents celebrating");
        // Its history kept the version from before the move (without git: the kept copies moved with it).
        ContentHistory history = site.app().services().history();
        assertThat(history.history(content.dir().resolve("news/match-day/index.md"))).extracting(ContentHistory.Version::message)
                .contains("As it was before the first save in the workspace");
        assertThat(sessions.get(Role.EDITOR, "/admin/edit?file=content/news/match-day/index.md").page().select(".editor__image-list").text()).contains("match-day-residents.png", "match-day-residents-2.png");
    }

    @Test
    void svg_text_dressed_as_png_and_a_missing_description_are_refused_and_nothing_is_stored() throws IOException {
        TestSite.Response svg = upload(Role.EDITOR, fields(Role.EDITOR, "content/news/open-day/index.md", "A logo"), "logo.svg",
                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
        assertThat(svg.status()).isEqualTo(415);
        assertThat(svg.page().select(".error-summary").text()).contains("SVG images are not accepted");
        assertThat(svg.page().select("#image-image").attr("aria-invalid")).isEqualTo("true");

        TestSite.Response html = upload(Role.EDITOR, fields(Role.EDITOR, "content/news/match-day.md", "A photo"), "photo.png",
                "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.text()).contains("This file is text (HTML, XML or similar), not an image, whatever its name says");

        byte[] truncated = java.util.Arrays.copyOf(png(20, 20), 12);
        TestSite.Response broken = upload(Role.EDITOR, fields(Role.EDITOR, "content/news/open-day/index.md", "A photo"), "photo.png", truncated);
        assertThat(broken.status()).isEqualTo(415);
        assertThat(broken.text()).contains("starts like a PNG image but cannot be read as one");

        TestSite.Response noAlt = upload(Role.EDITOR, fields(Role.EDITOR, "content/news/open-day/index.md", "  "), "photo.png", png(5, 5));
        assertThat(noAlt.status()).isEqualTo(422);
        assertThat(noAlt.page().select(".error-summary a[href='#image-alt']").text()).contains("Describe the picture");

        TestSite.Response noFile = upload(Role.EDITOR, fields(Role.EDITOR, "content/news/open-day/index.md", "A photo"), null, null);
        assertThat(noFile.status()).isEqualTo(422);
        assertThat(noFile.text()).contains("Choose the image file to upload");

        TestSite.Response page = upload(Role.EDITOR, fields(Role.EDITOR, "content/about.md", "A photo"), "photo.png", png(5, 5));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("is a top-level page or a section's introduction");

        assertThat(filesUnder("news/open-day")).containsExactly("index.md");
        assertThat(content.dir().resolve("news/match-day.md")).exists();
        assertThat(content.dir().resolve("news/match-day")).doesNotExist();
        assertThat(site.get("/news/open-day/logo.svg").status()).isEqualTo(404);
    }

    @Test
    void a_picture_over_5_mb_is_refused_with_413_and_a_sentence_and_nothing_is_stored() throws IOException {
        byte[] large = new byte[6 * 1024 * 1024];
        System.arraycopy(png(10, 10), 0, large, 0, png(10, 10).length);
        TestSite.Response tooLarge = upload(Role.EDITOR, fields(Role.EDITOR, "content/news/open-day/index.md", "A photo"), "huge.png", large);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.text()).contains("The image is larger than 5 MB, so nothing was stored");
        // Just over 5 MB in the image, but within the body's room for the form: the editor's own answer.
        byte[] over = new byte[ImageUploads.MAX_IMAGE_BYTES + 10];
        System.arraycopy(png(10, 10), 0, over, 0, png(10, 10).length);
        TestSite.Response justOver = upload(Role.EDITOR, fields(Role.EDITOR, "content/news/open-day/index.md", "A photo"), "huge.png", over);
        assertThat(justOver.status()).isEqualTo(413);
        assertThat(justOver.page().select(".error-summary").text()).contains("The image is larger than 5 MB");
        // Far larger (50 MB announced): refused at once, before any of it is read, with the same sentence.
        edu.rush.gme.RawHttp.Answer huge = edu.rush.gme.RawHttp.send(site.app().port(), "POST " + ImageUploads.PATH + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + 50 * 1024 * 1024 + "\r\n\r\n--b\r\n", 5000);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body()).contains("The image is larger than 5 MB, so nothing was stored");
        assertThat(filesUnder("news/open-day")).containsExactly("index.md");
    }

    @Test
    void a_wrong_role_a_missing_token_and_path_tricks_are_refused() throws IOException {
        Map<String, String> coordinator = fields(Role.COORDINATOR, "content/news/open-day/index.md", "A photo");
        TestSite.Response wrongRole = upload(Role.COORDINATOR, coordinator, "photo.png", png(5, 5));
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.text()).contains("This page is for the editor role");

        // Not a multipart form at all: no image, said so.
        TestSite.Response plain = sessions.post(Role.EDITOR, ImageUploads.PATH, fields(Role.EDITOR, "content/news/open-day/index.md", "A photo"));
        assertThat(plain.status()).isEqualTo(422);
        assertThat(plain.text()).contains("Choose the image file to upload");

        Map<String, String> noToken = fields(Role.EDITOR, "content/news/open-day/index.md", "A photo");
        noToken.remove("csrf");
        assertThat(upload(Role.EDITOR, noToken, "photo.png", png(5, 5)).status()).isEqualTo(403);
        Map<String, String> otherToken = fields(Role.EDITOR, "content/news/open-day/index.md", "A photo");
        otherToken.put("csrf", csrf(Role.PUBLISHER));
        TestSite.Response forged = upload(Role.EDITOR, otherToken, "photo.png", png(5, 5));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.text()).contains("did not come from your own session");

        for (String trick : List.of("content/../secret.md", "/etc/passwd", "content/news/../../secret.md", "content/news/open-day/../../x.md",
                "content/_archetypes/news.md")) {
            TestSite.Response refused = upload(Role.EDITOR, fields(Role.EDITOR, trick, "A photo"), "photo.png", png(5, 5));
            assertThat(refused.status()).as(trick).isEqualTo(400);
            assertThat(refused.text()).as(trick).contains("No image was stored");
        }
        for (String name : List.of("../../../evil.png", "..\\..\\evil.png", "a/b.png")) {
            TestSite.Response refused = upload(Role.EDITOR, fields(Role.EDITOR, "content/news/open-day/index.md", "A photo"), name, png(5, 5));
            assertThat(refused.status()).as(name).isEqualTo(400);
            assertThat(refused.text()).as(name).contains("has a folder, '..' or control characters in it");
        }
        // A folder named like the story's bundle that links elsewhere: nothing is written through it.
        Files.createDirectories(temp.resolve("elsewhere"));
        Files.createSymbolicLink(content.dir().resolve("news/match-day"), temp.resolve("elsewhere"));
        TestSite.Response linked = upload(Role.EDITOR, fields(Role.EDITOR, "content/news/match-day.md", "A photo"), "photo.png", png(5, 5));
        assertThat(linked.status()).isEqualTo(400);
        assertThat(linked.text()).contains("is a link to a folder elsewhere");
        assertThat(content.dir().resolve("news/match-day.md")).exists();
        assertThat(filesUnder("news/open-day")).containsExactly("index.md");
        try (Stream<Path> all = Files.walk(temp)) {
            assertThat(all.filter(p -> p.getFileName().toString().endsWith(".png"))).isEmpty();
        }
    }

    @Test
    void the_format_is_read_from_the_bytes_and_the_name_is_made_here() throws Exception {
        assertThat(ImageUploads.detect(png(3, 2))).isEqualTo(new ImageUploads.Detected(ImageUploads.Format.PNG, 3, 2));
        assertThat(ImageUploads.detect(image("jpg", 7, 5))).isEqualTo(new ImageUploads.Detected(ImageUploads.Format.JPEG, 7, 5));
        assertThat(ImageUploads.detect(image("gif", 4, 9))).isEqualTo(new ImageUploads.Detected(ImageUploads.Format.GIF, 4, 9));
        assertThat(ImageUploads.detect(webpLossless(300, 200))).isEqualTo(new ImageUploads.Detected(ImageUploads.Format.WEBP, 300, 200));
        assertThatThrownBy(() -> ImageUploads.detect("GIF89a".getBytes(StandardCharsets.US_ASCII))).hasMessageContaining("cannot be read as one");
        assertThatThrownBy(() -> ImageUploads.detect(new byte[] {'%', 'P', 'D', 'F', '-', '1'})).hasMessageContaining("is not a PNG, JPEG, WebP or GIF");
        assertThatThrownBy(() -> ImageUploads.detect("\uFEFF  <svg/>".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("SVG images are not accepted");
        assertThatThrownBy(() -> ImageUploads.detect(webpLossless(16000, 16000))).hasMessageContaining("16000 by 16000 pixels");

        assertThat(ImageUploads.storedName("Match Day Résidents.PNG", ImageUploads.Format.PNG)).isEqualTo("match-day-residents.png");
        assertThat(ImageUploads.storedName("photo.svg.png", ImageUploads.Format.JPEG)).isEqualTo("photo-svg.jpg");
        assertThat(ImageUploads.storedName("index.html", ImageUploads.Format.GIF)).isEqualTo("image.gif");
        assertThat(ImageUploads.storedName("———.png", ImageUploads.Format.PNG)).isEqualTo("image.png");
        assertThat(ImageUploads.storedName(".htaccess", ImageUploads.Format.PNG)).isEqualTo("htaccess.png");
        assertThatThrownBy(() -> ImageUploads.storedName("../x.png", ImageUploads.Format.PNG)).isInstanceOf(ImageUploads.Refused.class);
    }

    /** The header of a lossless WebP of that size (enough for the size to be read; the pixels are not). */
    static byte[] webpLossless(int width, int height) {
        byte[] b = new byte[40];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        int riff = b.length - 8;
        b[4] = (byte) riff;
        System.arraycopy("WEBPVP8L".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
        b[16] = (byte) (b.length - 20);
        b[20] = 0x2F;
        long bits = (width - 1) | ((long) (height - 1) << 14);
        for (int i = 0; i < 4; i++) {
            b[21 + i] = (byte) (bits >> (8 * i));
        }
        return b;
    }
}
