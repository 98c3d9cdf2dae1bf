package dev.wirewatch.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wirewatch.ingest.LocalHttpServer;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class PageExtractorTest {

    private final PageExtractor extractor = new PageExtractor();

    private ExtractedPage extract(String fixture) {
        return extractor.extract(LocalHttpServer.resource("pages/" + fixture), "text/html; charset=utf-8",
                "http://localhost/articles/page.html");
    }

    @Test
    void articleTextKeepsParagraphsAndHeadingsAndDropsBoilerplate() {
        ExtractedPage page = extract("su35.html");
        assertEquals("""
                Vietnam is weighing an order for Su-35 fighters, two officials said on Monday.

                Price

                The contract could be worth billions of dollars.""", page.text());
        assertEquals("Hanoi weighs Su-35 order", page.title());
        assertEquals("Linh Pham", page.author());
        assertEquals("en-gb", page.language());
        assertEquals("http://localhost/articles/su35.html?utm_source=rss", page.canonicalUrl());
    }

    @Test
    void sameStoryUnderOtherBoilerplateExtractsToTheSameText() {
        assertEquals(extract("su35.html").text(), extract("su35-other-site.html").text());
    }

    @Test
    void pageWithOnlyScriptsHasNoText() {
        ExtractedPage page = extract("scripts-only.html");
        assertEquals("", page.text());
        assertEquals("App shell", page.title());
        assertNull(page.canonicalUrl());
    }

    @Test
    void charsetFromHeaderDecodesWindows1251() {
        byte[] cp1251 = "<html><body><article><p>Ханой подписал контракт на Су-35</p></article></body></html>"
                .getBytes(Charset.forName("windows-1251"));
        ExtractedPage page = extractor.extract(cp1251, "text/html; charset=windows-1251", "http://localhost/");
        assertEquals("Ханой подписал контракт на Су-35", page.text());
        assertNull(PageDecoder.fromHeader("text/html; charset=\"bogus-charset\""));
    }
}
