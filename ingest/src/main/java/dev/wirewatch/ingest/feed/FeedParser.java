package dev.wirewatch.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom documents through Rome into {@link FeedItem}s.
 *
 * <p>Thread safe (a new Rome input per call). DOCTYPEs are refused, which shuts out external entities (XXE) and
 * entity expansion bombs; the charset comes from the HTTP header, then the BOM and XML declaration (Rome's
 * {@link XmlReader}). Entries without a link are skipped (an Atom id or RSS guid that is a URL stands in for a missing
 * link); relative links are resolved against the feed URL. Dates: the entry's published, else updated, else the
 * feed's; categories and guid/id are kept.
 */
public final class FeedParser {

    /** Parses {@code body}, served from {@code feedUri} with {@code contentType} (may be null). */
    public List<FeedItem> parse(byte[] body, String contentType, URI feedUri) throws FeedParseException {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedParseException("not a readable RSS/Atom feed: " + e.getMessage(), e);
        }
        Instant feedDate = toInstant(feed.getPublishedDate());
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = resolve(feedUri, entry.getLink() != null ? entry.getLink() : entry.getUri());
            if (link == null) {
                continue;
            }
            Instant published = toInstant(entry.getPublishedDate());
            if (published == null) {
                published = toInstant(entry.getUpdatedDate());
            }
            List<String> categories = entry.getCategories().stream().map(c -> blankToNull(c.getName()))
                    .filter(java.util.Objects::nonNull).distinct().toList();
            items.add(new FeedItem(link, clean(entry.getTitle()), blankToNull(entry.getAuthor()),
                    published != null ? published : feedDate, entryText(entry), blankToNull(entry.getUri()),
                    categories));
        }
        return items;
    }

    private static String entryText(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return clean(content.getValue());
            }
        }
        return entry.getDescription() == null ? null : clean(entry.getDescription().getValue());
    }

    /** Feed texts are often HTML fragments; keep only their text. */
    private static String clean(String html) {
        if (html == null) {
            return null;
        }
        String text = Jsoup.parse(html).text().trim();
        return text.isEmpty() ? null : text;
    }

    private static String resolve(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = base.resolve(link.trim());
            String scheme = resolved.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? resolved.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
