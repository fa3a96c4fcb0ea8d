package edu.rush.gme.feed;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.Page;
import edu.rush.gme.web.Paths;
import edu.rush.gme.web.Views;
import edu.rush.gme.web.Reading;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** {@code /sitemap.xml} (every visible page with its last change) and {@code /robots.txt}. */
public final class SitemapController {

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final ContentStore store;
    private final Views views;
    private final String baseUrl;

    public SitemapController(ContentStore store, Views views, String baseUrl) {
        this.store = store;
        this.views = views;
        this.baseUrl = baseUrl;
    }

    public void sitemap(Context ctx) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        views.write(ctx, snapshot, "application/xml; charset=utf-8", xml(entries(snapshot, reading.now())));
    }

    public void robots(Context ctx) {
        views.write(ctx, store.snapshot(), "text/plain; charset=utf-8",
                "User-agent: *\nAllow: /\n\nSitemap: " + baseUrl + Paths.SITEMAP + "\n");
    }

    /** URL path to the date it last changed; lists take the newest date of what they list. */
    static Map<String, LocalDate> entries(ContentSnapshot snapshot, Instant now) {
        Map<String, LocalDate> entries = new TreeMap<>();
        for (Page<?> page : snapshot.allVisible(now)) {
            entries.merge(page.url(), lastChanged(snapshot, page), SitemapController::later);
        }
        for (ContentType<?> type : snapshot.types().all()) {
            addLists(entries, snapshot, type, now);
        }
        return entries;
    }

    private static <T extends FrontMatter> void addLists(Map<String, LocalDate> entries, ContentSnapshot snapshot, ContentType<T> type, Instant now) {
        List<Page<T>> visible = snapshot.list(type, now);
        for (ContentType.ListPage<T> list : type.listPages()) {
            addList(entries, snapshot, list.url(), visible.stream().filter(list.shows()).toList());
        }
    }

    private static void addList(Map<String, LocalDate> entries, ContentSnapshot snapshot, String url, List<? extends Page<?>> items) {
        items.stream().map(p -> lastChanged(snapshot, p)).reduce(SitemapController::later)
                .ifPresent(date -> entries.merge(url, date, SitemapController::later));
    }

    private static LocalDate lastChanged(ContentSnapshot snapshot, Page<?> page) {
        return snapshot.at(page.modified()).toLocalDate();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private String xml(Map<String, LocalDate> entries) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(NS);
            for (Map.Entry<String, LocalDate> entry : entries.entrySet()) {
                xml.writeStartElement("url");
                element(xml, "loc", baseUrl + entry.getKey());
                element(xml, "lastmod", entry.getValue().toString());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
