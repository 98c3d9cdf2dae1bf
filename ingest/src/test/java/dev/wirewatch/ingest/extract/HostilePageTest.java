package dev.wirewatch.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pages built to break an extractor: each must come back with a result or a reason, never an exception. */
class HostilePageTest {

    private static final String PARAGRAPH = "<p>The harbour authority said on Monday that the channel, closed since the"
            + " storm, would reopen to cargo ships within a week, after divers finish checking the quay walls.</p>";

    private final PageExtractor extractor = new PageExtractor();

    @Test
    void tenMegabytePageIsExtractedWhole() {
        StringBuilder html = new StringBuilder("<html><body><article>");
        while (html.length() < 10_000_000) {
            html.append(PARAGRAPH);
        }
        html.append("<p>The last paragraph ends here.</p></article></body></html>");
        ExtractedPage page = extractor.extract(html.toString().getBytes(StandardCharsets.UTF_8), "text/html", "http://x/");
        assertTrue(page.text().endsWith("The last paragraph ends here."));
        assertTrue(page.text().length() > 9_000_000);
    }

    @Test
    void pageOverTheInputLimitIsCutAndMarkedTruncated() {
        StringBuilder html = new StringBuilder("<html><body><article>");
        for (int i = 0; i < 100; i++) {
            html.append(PARAGRAPH);
        }
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        ExtractedPage page = new PageExtractor(4096).extract(bytes, null, "http://x/");
        assertTrue(page.truncated());
        assertTrue(page.text().startsWith("The harbour authority said on Monday"));
        assertTrue(page.text().length() < 4096);
    }

    @Test
    void domNestedHundredThousandDeepIsFlattenedNotOverflowed() {
        String html = "<html><body>" + "<div>".repeat(100_000) + PARAGRAPH + "</div>".repeat(100_000)
                + "</body></html>";
        ExtractedPage page = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, "http://x/");
        assertTrue(page.text().startsWith("The harbour authority said on Monday"), page.text());
    }

    @Test
    void pageWithoutBodyElementStillYieldsItsText() {
        String html = "<title>Bare</title>" + PARAGRAPH + PARAGRAPH;
        ExtractedPage page = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, "http://x/");
        assertEquals("Bare", page.title());
        assertTrue(page.text().startsWith("The harbour authority said"));
    }

    @Test
    void framesetPageHasNoTextAndDoesNotFail() {
        String html = "<html><frameset><frame src=a.html><frame src=b.html></frameset></html>";
        assertEquals("", extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, "http://x/").text());
    }

    @Test
    void pageOfOnlyScriptsAndStylesHasNoText() {
        String html = "<html><head><style>p{}</style></head><body><script>var text = 'The harbour authority said "
                + "on Monday that the channel would reopen, after a long wait, to cargo ships';</script>"
                + "<noscript>Enable JavaScript to read this site, which needs it for everything.</noscript></body></html>";
        assertEquals("", extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, "http://x/").text());
    }

    @Test
    void undeclaredWindows1252BytesDecodeAsWindows1252() {
        byte[] bytes = ("<html><body><p>Caf\u00e9 owners in the old town said the \u201cnew\u201d rules, which start"
                + " in May, would cost them dearly, and that nobody had asked them.</p></body></html>")
                .getBytes(Charset.forName("windows-1252"));
        String text = extractor.extract(bytes, null, "http://x/").text();
        assertTrue(text.startsWith("Caf\u00e9 owners in the old town said the \u201cnew\u201d rules"), text);
    }

    @Test
    void invalidBytesInADeclaredUtf8PageBecomeReplacementCharactersNotErrors() {
        byte[] head = "<html><head><meta charset=utf-8></head><body><p>Broken bytes here: ".getBytes(StandardCharsets.UTF_8);
        byte[] tail = (" and the sentence goes on, past them, to the end of the paragraph, as written.</p></body>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28;
        bytes[head.length + 2] = (byte) 0xFF;
        System.arraycopy(tail, 0, bytes, head.length + 3, tail.length);
        String text = extractor.extract(bytes, null, "http://x/").text();
        assertTrue(text.startsWith("Broken bytes here:"), text);
        assertTrue(text.endsWith("as written."), text);
    }

    @Test
    void nonHtmlContentIsRefusedWithAReason() {
        byte[] html = "<html><body><p>x</p></body></html>".getBytes(StandardCharsets.UTF_8);
        assertNull(PageTypes.rejection(html, "text/html; charset=utf-8"));
        assertNull(PageTypes.rejection(html, null));
        assertEquals("not an HTML page (content type image/png)", PageTypes.rejection(html, "image/png"));
        assertEquals("not an HTML page (a PDF document)",
                PageTypes.rejection("%PDF-1.7\n...".getBytes(StandardCharsets.ISO_8859_1), null));
        assertEquals("not an HTML page (binary content)", PageTypes.rejection(new byte[] {'<', 0, 1, 2}, null));
        assertNotNull(PageTypes.rejection(new byte[0], "text/html"));
    }
}
