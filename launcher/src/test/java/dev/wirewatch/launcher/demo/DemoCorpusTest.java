package dev.wirewatch.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.ingest.extract.PageExtractor;
import dev.wirewatch.ingest.feed.FeedItem;
import dev.wirewatch.ingest.feed.FeedParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCorpusTest {

    private final DemoCorpus corpus = DemoCorpus.load();

    @Test
    void corpusHasTheSizeAndShapeTheDemoPromises() {
        assertTrue(corpus.sites().size() >= 6);
        assertTrue(corpus.entries().size() >= 30);
        assertEquals(Set.of("rss", "atom"), corpus.sites().stream().map(DemoCorpus.Site::format)
                .collect(Collectors.toSet()));
        Map<String, Long> sitesPerText = corpus.entries().stream()
                .collect(Collectors.groupingBy(DemoCorpus.Entry::text, Collectors.counting()));
        for (String story : List.of("su35-report", "c130-report", "ruble-report")) {
            assertTrue(sitesPerText.get(story) >= 3, story + " is republished on several sites");
        }
        assertEquals(corpus.entries().size(), corpus.entries().stream().map(DemoCorpus.Entry::path).distinct()
                .count(), "every page has its own path");
    }

    @Test
    void everyPageExtractsToExactlyItsTextWhateverTheBoilerplate() {
        PageExtractor extractor = new PageExtractor();
        for (DemoCorpus.Entry entry : corpus.entries()) {
            String html = corpus.renderPage(entry, "http://127.0.0.1:1");
            String expected = String.join("\n\n", corpus.text(entry.text()).paragraphs());
            assertEquals(expected, extractor.extract(org.jsoup.Jsoup.parse(html)).text(), entry.path());
        }
    }

    @Test
    void serverServesParseableFeedsListingEveryArticle() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        FeedParser parser = new FeedParser();
        int items = 0;
        try (DemoFeedServer server = DemoFeedServer.start(corpus)) {
            for (String feedUrl : server.feedUrls()) {
                HttpResponse<byte[]> feed = client.send(HttpRequest.newBuilder(URI.create(feedUrl)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, feed.statusCode(), feedUrl);
                List<FeedItem> parsed = parser.parse(feed.body(), feed.headers().firstValue("Content-Type")
                        .orElse(null), URI.create(feedUrl));
                for (FeedItem item : parsed) {
                    assertTrue(item.publishedAt() != null, item.link());
                    HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(item.link())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, page.statusCode(), item.link());
                }
                items += parsed.size();
            }
        }
        assertEquals(corpus.entries().size(), items);
    }
}
