package edu.rush.gme.feed;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Page;
import edu.rush.gme.web.Paths;
import edu.rush.gme.web.Views;
import edu.rush.gme.web.Reading;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The Atom feed of each content type that has one (news, wellness), in its list order. */
public final class AtomFeedController {

    private static final String NS = "http://www.w3.org/2005/Atom";
    private static final int ENTRIES = 20;

    private final ContentStore store;
    private final Views views;
    private final String baseUrl;

    public AtomFeedController(ContentStore store, Views views, String baseUrl) {
        this.store = store;
        this.views = views;
        this.baseUrl = baseUrl;
    }

    /** The feed of a type that has one ({@link ContentType#hasFeed()}): its newest pages, beside its list. */
    public void feed(Context ctx, ContentType<?> type) {
        Reading reading = Reading.of(ctx, store);
        ContentSnapshot snapshot = reading.snapshot();
        write(ctx, snapshot, type, snapshot.list(type, reading.now()));
    }

    private void write(Context ctx, ContentSnapshot snapshot, ContentType<?> type, List<? extends Page<?>> pages) {
        List<? extends Page<?>> entries = pages.subList(0, Math.min(ENTRIES, pages.size()));
        String name = type.label();
        String listUrl = type.listUrl();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            SitemapController.element(xml, "title", snapshot.site().name() + ": " + name);
            SitemapController.element(xml, "id", baseUrl + listUrl);
            link(xml, "self", baseUrl + Paths.feed(listUrl), "application/atom+xml");
            link(xml, "alternate", baseUrl + listUrl, "text/html");
            SitemapController.element(xml, "updated", timestamp(snapshot, entries.stream()
                    .map(Page::modified).max(Instant::compareTo).orElse(snapshot.loadedAt())));
            xml.writeStartElement("author");
            SitemapController.element(xml, "name", snapshot.site().name());
            xml.writeEndElement();
            for (Page<?> page : entries) {
                xml.writeStartElement("entry");
                SitemapController.element(xml, "title", page.title());
                SitemapController.element(xml, "id", baseUrl + page.url());
                link(xml, "alternate", baseUrl + page.url(), "text/html");
                if (page.meta().date() != null) {
                    SitemapController.element(xml, "published", timestamp(snapshot, page.meta().date().atStartOfDay(snapshot.site().zone()).toInstant()));
                }
                SitemapController.element(xml, "updated", timestamp(snapshot, page.modified()));
                SitemapController.element(xml, "summary", type.summary(page));
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(page.html());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        views.write(ctx, snapshot, "application/atom+xml; charset=utf-8", out.toString());
    }

    private static String timestamp(ContentSnapshot snapshot, Instant instant) {
        return OffsetDateTime.ofInstant(instant, snapshot.site().zone()).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
