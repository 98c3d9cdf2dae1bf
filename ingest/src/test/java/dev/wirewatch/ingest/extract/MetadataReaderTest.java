package dev.wirewatch.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Metadata from the head: the order of sources and the date formats pages use. */
class MetadataReaderTest {

    private static PageMetadata read(String html) {
        return MetadataReader.read(Jsoup.parse(html, "https://site.example/a/b"));
    }

    @Test
    void metaTagsAreUsedWhenThereIsNoJsonLd() {
        PageMetadata meta = read("""
                <html lang="pt_BR"><head><title>Site | Headline</title>
                <meta property="article:published_time" content="2026-01-02T03:04:05Z">
                <meta name="author" content="Ana Souza">
                <meta property="og:url" content="/canonical">
                </head><body><h1>Headline</h1></body></html>""");
        assertEquals("Headline", meta.title());
        assertEquals("Ana Souza", meta.author());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), meta.publishedAt());
        assertEquals("pt-br", meta.language());
        assertEquals("https://site.example/canonical", meta.canonicalUrl());
    }

    @Test
    void brokenJsonLdIsSkippedAndTheNextBlockIsRead() {
        PageMetadata meta = read("""
                <script type="application/ld+json">{ "@type": "NewsArticle", broken</script>
                <script type="application/ld+json">[{"@type":["Article","NewsArticle"],"headline":"From LD",
                  "author":"Desk Reporter","articleBody":"Body text."}]</script>""");
        assertEquals("From LD", meta.title());
        assertEquals("Desk Reporter", meta.author());
        assertEquals("Body text.", meta.articleBody());
    }

    @Test
    void authorUrlsAreNotNames() {
        assertNull(read("<meta property=\"article:author\" content=\"https://facebook.example/someone\">").author());
    }

    @Test
    void pageDatesInTheFormatsSitesUse() {
        assertEquals(Instant.parse("2019-11-18T10:00:00Z"), MetadataReader.parseDate("2019-11-18T05:00:00-05:00"));
        assertEquals(Instant.parse("2019-11-18T10:00:00Z"), MetadataReader.parseDate("2019-11-18T05:00:00-0500"));
        assertEquals(Instant.parse("2019-11-18T10:00:00Z"), MetadataReader.parseDate("2019-11-18T10:00:00"));
        assertEquals(Instant.parse("2019-11-18T00:00:00Z"), MetadataReader.parseDate("2019-11-18"));
        assertEquals(Instant.parse("2019-11-18T10:00:00Z"), MetadataReader.parseDate("Mon, 18 Nov 2019 10:00:00 GMT"));
        assertNull(MetadataReader.parseDate("last Tuesday"));
        assertNull(MetadataReader.parseDate(null));
    }
}
