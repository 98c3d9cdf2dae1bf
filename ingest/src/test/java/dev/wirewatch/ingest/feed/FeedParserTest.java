package dev.wirewatch.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wirewatch.ingest.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private static final URI FEED = URI.create("http://localhost/feed.xml");
    private final FeedParser parser = new FeedParser();

    private List<FeedItem> parse(String fixture) throws FeedParseException {
        return parser.parse(LocalHttpServer.resource("feeds/" + fixture), "application/xml", FEED);
    }

    @Test
    void rss2EntriesCarryLinkTitleDateAuthorAndOwnContent() throws Exception {
        List<FeedItem> items = parse("rss2.xml");
        assertEquals(3, items.size());
        FeedItem first = items.get(0);
        assertEquals("http://localhost/articles/su35.html", first.link(), "relative link resolved against the feed");
        assertEquals("Hanoi weighs Su-35 order", first.title());
        assertEquals("Linh Pham", first.author());
        assertEquals(Instant.parse("2025-07-14T06:00:00Z"), first.publishedAt());
        assertEquals("Vietnam is weighing an order for Su-35 fighters, officials said.", first.content());
        assertEquals(Instant.parse("2025-07-15T08:00:00Z"), items.get(2).publishedAt(), "feed date when undated");
        assertEquals("su35-1", first.guid());
        assertEquals(List.of("Defence", "Asia"), first.categories());
        assertEquals(List.of(), items.get(1).categories());
    }

    @Test
    void atom03IsRead() throws Exception {
        FeedItem entry = parse("atom03.xml").get(0);
        assertEquals("http://localhost/atom03/fleet.html", entry.link());
        assertEquals("Transport fleet grounded for checks", entry.title());
        assertEquals(Instant.parse("2025-09-01T09:30:00Z"), entry.publishedAt());
        assertEquals("tag:localhost,2025:fleet", entry.guid());
        assertEquals("The air force grounded its transport fleet for inspections on Monday.", entry.content());
    }

    @Test
    void atomAndRss1AreRead() throws Exception {
        FeedItem atom = parse("atom.xml").get(0);
        assertEquals("http://localhost/wire/c130.html", atom.link());
        assertEquals(Instant.parse("2025-10-02T05:00:00Z"), atom.publishedAt());
        assertEquals("Wire staff", atom.author());
        FeedItem rdf = parse("rss1.xml").get(0);
        assertEquals("http://localhost/rdf/one.html", rdf.link());
        assertEquals("Ruble payments protocol ratified", rdf.title());
    }

    @Test
    void truncatedXmlIsAClearParseError() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse("truncated.xml"));
        assertEquals(true, e.getMessage().startsWith("not a readable RSS/Atom feed"), e.getMessage());
    }

    @Test
    void externalEntitiesAreRefusedAndNothingLeaks() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse("xxe.xml"));
        assertEquals(false, e.getMessage().contains("root:"), "no file content in the error");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(FeedParseException.class, () -> parse("billion-laughs.xml")));
    }

    @Test
    void htmlInsteadOfAFeedIsAParseError() {
        assertThrows(FeedParseException.class, () -> parser.parse(LocalHttpServer.resource("pages/c130.html"),
                "text/html", FEED));
    }
}
