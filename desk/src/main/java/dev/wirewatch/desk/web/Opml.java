package dev.wirewatch.desk.web;

import dev.wirewatch.desk.view.DeskView;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the feed list as OPML 2.0, the format feed readers exchange subscriptions in; the JDK's XML writer escapes
 * names and URLs.
 *
 * <p>Stateless and thread safe.
 */
final class Opml {

    private Opml() {
    }

    static String write(List<DeskView.FeedRow> feeds) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("head");
            xml.writeStartElement("title");
            xml.writeCharacters("Wirewatch feeds");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("body");
            for (DeskView.FeedRow row : feeds) {
                xml.writeEmptyElement("outline");
                xml.writeAttribute("type", "rss");
                xml.writeAttribute("text", row.feed().name());
                xml.writeAttribute("title", row.feed().name());
                xml.writeAttribute("xmlUrl", row.feed().url());
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing OPML to memory cannot fail", e);
        }
        return out.toString();
    }
}
