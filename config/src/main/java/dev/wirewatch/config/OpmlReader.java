package dev.wirewatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the feeds of an OPML subscription list (what feed readers export): every {@code <outline>} with an
 * {@code xmlUrl}, at any depth, named by its {@code title} or {@code text}. DOCTYPEs and external entities are
 * refused, as for feeds.
 *
 * <p>Stateless and thread safe.
 */
public final class OpmlReader {

    /** An OPML file that cannot be read, with the reason. */
    public static final class OpmlException extends Exception {
        OpmlException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private OpmlReader() {
    }

    /** The feeds listed in {@code file}, in document order; the poll interval is the default. */
    public static List<FeedSettings> read(Path file) throws OpmlException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new OpmlException("cannot read OPML file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The feeds listed in the OPML document {@code in} (named {@code origin} in errors), in document order. */
    public static List<FeedSettings> read(InputStream in, String origin) throws OpmlException {
        String file = origin;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            NodeList outlines = builder.parse(in).getElementsByTagName("outline");
            List<FeedSettings> feeds = new ArrayList<>();
            for (int i = 0; i < outlines.getLength(); i++) {
                Element outline = (Element) outlines.item(i);
                String url = outline.getAttribute("xmlUrl").trim();
                if (url.isEmpty()) {
                    continue; // a folder, or a plain link
                }
                String name = outline.getAttribute("title").isBlank() ? outline.getAttribute("text")
                        : outline.getAttribute("title");
                feeds.add(new FeedSettings(url, name.isBlank() ? null : name.trim(), null));
            }
            return feeds;
        } catch (IOException e) {
            throw new OpmlException("cannot read OPML file " + file + ": " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new OpmlException("not a readable OPML file " + file + ": " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser supports secure processing", e);
        }
    }
}
