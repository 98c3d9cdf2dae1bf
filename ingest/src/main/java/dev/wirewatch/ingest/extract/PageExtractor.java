package dev.wirewatch.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Takes the article text out of a page with Jsoup: the paragraphs and headings of the main container
 * ({@code <article>}, {@code itemprop=articleBody}, {@code <main>}, else the body), minus navigation, asides,
 * forms, figures and blocks whose class or id says they are boilerplate (share bars, related links, comments,
 * bylines, captions).
 *
 * <p>Thread safe. Deliberately simple; a scoring extractor replaces it without changing this contract.
 */
public final class PageExtractor {

    private static final Pattern BOILERPLATE = Pattern.compile(
            "share|social|related|comment|reply|byline|caption|promo|newsletter|subscribe|cookie|advert|\\bads?\\b"
                    + "|sidebar|breadcrumb|footer|masthead|menu|tags",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    /** Extracts from {@code body}, served as {@code contentType} (may be null) from {@code baseUri}. */
    public ExtractedPage extract(byte[] body, String contentType, String baseUri) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(body), charsetOf(contentType), baseUri);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail
        }
        return extract(doc);
    }

    /** Extracts from an already parsed document. */
    public ExtractedPage extract(Document doc) {
        Element container = firstOf(doc, "article", "[itemprop=articleBody]", "main", "body");
        List<String> blocks = new ArrayList<>();
        if (container != null) {
            for (Element block : container.select("p, h2, h3, h4, blockquote")) {
                if (!isBoilerplate(block, container)) {
                    String text = block.text().trim();
                    if (!text.isEmpty()) {
                        blocks.add(text);
                    }
                }
            }
        }
        return new ExtractedPage(title(doc), String.join("\n\n", blocks), meta(doc, "author"),
                language(doc), canonical(doc));
    }

    private static boolean isBoilerplate(Element block, Element container) {
        for (Element e = block; e != null && e != container.parent(); e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("nav") || tag.equals("aside") || tag.equals("footer") || tag.equals("form")
                    || tag.equals("figure") || tag.equals("figcaption") || (tag.equals("header") && e != container)) {
                return true;
            }
            if (BOILERPLATE.matcher(e.className() + " " + e.id()).find()) {
                return true;
            }
        }
        return false;
    }

    private static Element firstOf(Document doc, String... selectors) {
        for (String selector : selectors) {
            Element found = doc.selectFirst(selector);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String title(Document doc) {
        String og = doc.select("meta[property=og:title]").attr("content").trim();
        if (!og.isEmpty()) {
            return og;
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().trim();
        }
        return doc.title().isBlank() ? null : doc.title().trim();
    }

    private static String meta(Document doc, String name) {
        String value = doc.select("meta[name=" + name + "]").attr("content").trim();
        return value.isEmpty() ? null : value;
    }

    private static String language(Document doc) {
        String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang").trim();
        return lang.isEmpty() ? null : lang.toLowerCase(Locale.ROOT);
    }

    private static String canonical(Document doc) {
        String href = doc.select("link[rel=canonical]").attr("abs:href").trim();
        if (href.isEmpty()) {
            href = doc.select("meta[property=og:url]").attr("abs:content").trim();
        }
        return href.isEmpty() ? null : href;
    }

    /** The charset named in a Content-Type header, or null to let Jsoup sniff the BOM and meta tags. */
    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1)).name();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null; // an unknown charset name in the header: fall back to sniffing
        }
    }
}
