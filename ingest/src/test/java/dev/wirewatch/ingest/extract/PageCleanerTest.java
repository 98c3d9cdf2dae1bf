package dev.wirewatch.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What the cleaner strips before scoring, and the depth bound that keeps every later walk short. */
class PageCleanerTest {

    @Test
    void elementsBelowTheDepthLimitAreFlattenedToTheirText() {
        StringBuilder html = new StringBuilder("<body>");
        for (int i = 0; i < 2_000; i++) {
            html.append("<div>level ").append(i).append(' ');
        }
        Document doc = Jsoup.parse(html.toString());
        PageCleaner.clean(doc.body(), false);
        int deepest = 0;
        for (Element e : doc.body().getAllElements()) {
            int depth = 0;
            for (Element up = e; up != doc.body(); up = up.parent()) {
                depth++;
            }
            deepest = Math.max(deepest, depth);
        }
        assertTrue(deepest <= PageCleaner.MAX_DEPTH + 1, "deepest element at " + deepest);
        assertTrue(doc.body().text().endsWith("level 1998 level 1999"), "text below the limit is kept");
    }

    @Test
    void scriptsStylesFormControlsCommentsAndHiddenBlocksGo() {
        Document doc = Jsoup.parse("""
                <body><!-- note --><script>x()</script><style>p{}</style><p>kept</p>
                <div hidden>hidden attribute</div><div style="display: none">display none</div>
                <span aria-hidden="true">icon</span><button>Click</button><select><option>One</option></select>
                </body>""");
        PageCleaner.clean(doc.body(), false);
        assertEquals("kept", doc.body().text());
    }

    @Test
    void furnitureGoesButAColumnHoldingMostOfTheTextStays() {
        Document doc = Jsoup.parse("""
                <body><nav><p>Menu</p></nav><div class="share-buttons"><p>Share</p></div>
                <div class="sidebar-layout"><p>Most of the page's paragraph text sits in this column.</p></div>
                <div class="sidebar"><p>Ad</p></div><footer><p>Footer</p></footer></body>""");
        PageCleaner.clean(doc.body(), true);
        assertEquals("Most of the page's paragraph text sits in this column.", doc.body().text());
        assertFalse(doc.body().html().contains("nav"));
    }
}
