package dev.wirewatch.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.ingest.LocalHttpServer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The extractor on whole pages written for these tests: what is kept, what is dropped, what metadata is read. */
class ArticleExtractionTest {

    private final PageExtractor extractor = new PageExtractor();

    private ExtractedPage extract(String fixture) {
        return extractor.extract(LocalHttpServer.resource("extract/" + fixture), null,
                "https://ledger.example/world/page");
    }

    @Test
    void newsPageKeepsParagraphsAndSubheadingsAndDropsEveryKindOfBoilerplate() {
        assertEquals("""
                A C-130 transport aircraft landed at Noi Bai airport on Tuesday evening, three days later than \
                planned, after a technical inspection in Singapore, airport officials said.

                The aircraft, one of two the air force received this year, had been held on the ground while \
                engineers replaced a propeller gearbox, according to a statement from the defence ministry.

                Delivery schedule

                Officials said the second aircraft would follow in May, and that pilots, mechanics and loadmasters \
                had completed their training abroad, which took most of last year.

                The ministry did not say what the inspection had cost, or whether the supplier would pay for the \
                repair.""", extract("wire-story.html").text());
    }

    @Test
    void metadataComesFromJsonLdGraphOpenGraphAndLinkTags() {
        ExtractedPage page = extract("wire-story.html");
        assertEquals("Transport aircraft lands in Hanoi after delay", page.title());
        assertEquals("Mai Tran, Oskar Lind", page.author());
        assertEquals(Instant.parse("2026-03-04T00:15:00Z"), page.publishedAt());
        assertEquals("en", page.language());
        assertEquals("https://ledger.example/world/c130-hanoi", page.canonicalUrl());
        assertEquals("https://ledger.example/img/c130-hanoi.jpg", page.leadImage());
        assertFalse(page.truncated());
    }

    @Test
    void articleSplitIntoSectionsAroundFiguresIsTakenWholeWithoutCaptions() {
        String text = extract("sectioned.html").text();
        assertTrue(text.startsWith("When the two central banks first discussed"), text);
        assertTrue(text.contains("A second attempt\n\nThe second round of talks"), text);
        assertTrue(text.endsWith("avoided answering in public."), text);
        assertFalse(text.contains("Payments settled outside"), text);
        assertFalse(text.contains("More stories"), text);
    }

    @Test
    void textWithLineBreaksInALayoutTableIsFoundWithoutTheNavigationCell() {
        String text = extract("loose-text.html").text();
        assertTrue(text.contains("The northern basin closes to small craft from Monday"), text);
        assertTrue(text.endsWith("followed by a survey of the new depth."), text);
        assertFalse(text.contains("Contact"), text);
    }

    @Test
    void columnNamedAfterTheSidebarIsKeptWhenItHoldsTheArticle() {
        String text = extract("sidebar-named-column.html").text();
        assertTrue(text.startsWith("The defence ministry confirmed on Thursday"), text);
        assertTrue(text.endsWith("when the budget for the air force rose sharply."), text);
        assertFalse(text.contains("Home"), text);
    }

    @Test
    void clientRenderedPageFallsBackToTheJsonLdBody() {
        String html = """
                <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Rendered later",
                "articleBody":"The app renders this text in the browser.<br><br>Its second paragraph, too."}</script>
                </head><body><div id="root"></div><script>render()</script></body></html>""";
        ExtractedPage page = extractor.extract(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
                "https://app.example/");
        assertEquals("The app renders this text in the browser.\nIts second paragraph, too.", page.text());
        assertEquals("Rendered later", page.title());
    }

    @Test
    void linksInsideSentencesStayAndLinkOnlyLinesGo() {
        String html = """
                <html><body><article>
                <p>Japan's <a href="/q/n225"><span class="ticker">Nikkei 225</span></a> fell 0.3%, while the yen,
                which had risen for a week, held steady against the dollar in early trading in Tokyo.</p>
                <p><a href="/other">Markets slide as talks stall</a></p>
                <p>Traders said thin volumes made the moves look bigger than they were, and expected calmer days.</p>
                </article></body></html>""";
        String text = extractor.extract(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, "https://x/")
                .text();
        assertTrue(text.startsWith("Japan's Nikkei 225 fell 0.3%"), text);
        assertFalse(text.contains("Markets slide"), text);
        assertTrue(text.endsWith("expected calmer days."), text);
    }
}
