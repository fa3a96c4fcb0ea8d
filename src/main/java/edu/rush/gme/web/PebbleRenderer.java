package edu.rush.gme.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders Pebble templates from {@code templates/} on the classpath (or, in dev mode, straight
 * from the source folder so a saved template shows on the next request). Autoescaping is on:
 * only sanitized Markdown is printed {@code | raw}.
 */
public final class PebbleRenderer implements FileRenderer {

    private static final Path SOURCE_TEMPLATES = Path.of("src/main/resources/templates");

    private final PebbleEngine engine;
    /** Templates read again at each render (development): nothing rendered from them may be kept either. */
    private final boolean devMode;

    public PebbleRenderer(boolean devMode, StaticAssets assets) {
        this.devMode = devMode;
        boolean fromSource = devMode && Files.isDirectory(SOURCE_TEMPLATES);
        Loader<String> loader = fromSource ? new FileLoader(SOURCE_TEMPLATES.toAbsolutePath().toString()) : new ClasspathLoader();
        if (!fromSource) {
            loader.setPrefix("templates");
        }
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .addEscapingStrategy("html", new HtmlEscaping())
                .strictVariables(true)
                .cacheActive(!devMode)
                .extension(new SiteExtension(assets))
                .build();
    }

    /** Whether what a template renders may be kept: false while templates are being edited (development). */
    boolean keepsTemplates() {
        return !devMode;
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        return render(template, model);
    }

    public String render(String template, Map<String, ?> model) {
        return render(template, model, 8192);
    }

    /** As above, into a buffer of this many characters to start with (a part of a page: a finder card is about 1,300). */
    public String render(String template, Map<String, ?> model, int expectedChars) {
        StringWriter out = new StringWriter(expectedChars);
        evaluate(template, model, out);
        return out.toString();
    }

    /** The page as UTF-8 bytes, encoded as it is rendered (for a response: not a string encoded whole afterwards). */
    public byte[] renderUtf8(String template, Map<String, ?> model) {
        // Room for the size this template's last page had, and an eighth more: a 100 KB finder page
        // no longer grows its buffer from 16 KB by doubling (240 KB allocated and copied for each).
        int expected = lastSizes.getOrDefault(template, FIRST_GUESS);
        Utf8Output out = new Utf8Output(expected + expected / 8);
        evaluate(template, model, out);
        byte[] page = out.toByteArray();
        lastSizes.put(template, Math.min(page.length, LARGEST_GUESS));
        return page;
    }

    private static final int FIRST_GUESS = 16_384;
    private static final int LARGEST_GUESS = 1 << 20;
    /** Per template, the size in bytes of the page it last rendered. */
    private final Map<String, Integer> lastSizes = new java.util.concurrent.ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private void evaluate(String template, Map<String, ?> model, java.io.Writer out) {
        PebbleTemplate compiled = engine.getTemplate(template);
        try {
            compiled.evaluate(out, (Map<String, Object>) model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code asset('/css/site.css')} gives the file's fingerprinted URL; {@code url | hostAndPath}
     * shows a web address as people read it: without its scheme, "www." and a trailing slash.
     */
    private static final class SiteExtension extends AbstractExtension {
        private final StaticAssets assets;

        SiteExtension(StaticAssets assets) {
            this.assets = assets;
        }

        @Override
        public Map<String, Function> getFunctions() {
            return Map.of("asset", new Function() {
                @Override
                public List<String> getArgumentNames() {
                    return List.of("path");
                }

                @Override
                public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                    return assets.url(String.valueOf(args.get("path")));
                }
            });
        }

        @Override
        public List<io.pebbletemplates.pebble.extension.NodeVisitorFactory> getNodeVisitors() {
            return List.of(EncodedText.IN_EVERY_TEMPLATE);
        }

        @Override
        public List<io.pebbletemplates.pebble.attributes.AttributeResolver> getAttributeResolver() {
            return List.of(new RecordAttributes());
        }

        @Override
        public Map<String, Filter> getFilters() {
            return Map.of("hostAndPath", new Filter() {
                @Override
                public List<String> getArgumentNames() {
                    return List.of();
                }

                @Override
                public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                    return input == null ? null : hostAndPath(input.toString());
                }
            });
        }
    }

    static String hostAndPath(String url) {
        String shown = url.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
        int query = shown.indexOf('?');
        if (query >= 0) {
            shown = shown.substring(0, query);
        }
        return shown.endsWith("/") ? shown.substring(0, shown.length() - 1) : shown;
    }
}
