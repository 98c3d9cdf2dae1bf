package dev.wirewatch.ingest.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text measures of every element under a root, taken in one pass: characters, characters inside links, commas and
 * child-block counts for the whole subtree, and the same for the element's own inline text (text not inside a nested
 * block), which is what makes a block a paragraph.
 *
 * <p>Not thread safe; a snapshot: edits to the DOM after construction are not reflected. Characters are
 * non-whitespace characters, so layout whitespace does not count as text. Iterative, so any DOM depth is safe.
 */
final class TextStats {

    /** Elements that start a new block of text (everything else flows inline into the nearest one of these). */
    static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
            "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "html", "caption");

    /** Measures of one element. */
    static final class Counts {
        int chars;
        int linkChars;
        int commas;
        int ownChars;
        int ownLinkChars;
        int ownCommas;
        int paragraphs;
        int paragraphChars;
        int listItems;
        int images;
        int headings;
        int headingChars;

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }

        double ownLinkDensity() {
            return ownChars == 0 ? 0 : (double) ownLinkChars / ownChars;
        }
    }

    private static final Counts NONE = new Counts();

    private final Map<Element, Counts> counts = new IdentityHashMap<>();

    TextStats(Element root) {
        NodeTraversor.traverse(new Measure(), root);
    }

    /** The measures of {@code e}, all zero for an element outside the measured root. */
    Counts of(Element e) {
        return counts.getOrDefault(e, NONE);
    }

    static boolean isBlock(Element e) {
        return BLOCKS.contains(e.normalName());
    }

    static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
                n++;
            }
        }
        return n;
    }

    static int nonSpace(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\u00A0') {
                n++;
            }
        }
        return n;
    }

    private final class Measure implements NodeVisitor {
        private final Deque<Counts> open = new ArrayDeque<>();
        private final Deque<Counts> blocks = new ArrayDeque<>();
        private int linkDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) {
                Counts c = new Counts();
                counts.put(e, c);
                open.push(c);
                if (isBlock(e) || blocks.isEmpty()) {
                    blocks.push(c);
                }
                if (e.nameIs("a")) {
                    linkDepth++;
                }
            } else if (node instanceof TextNode t && !open.isEmpty()) {
                String text = t.getWholeText();
                int chars = nonSpace(text);
                int commas = commas(text);
                Counts c = open.peek();
                c.chars += chars;
                c.commas += commas;
                Counts block = blocks.peek();
                block.ownChars += chars;
                block.ownCommas += commas;
                if (linkDepth > 0) {
                    c.linkChars += chars;
                    block.ownLinkChars += chars;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            Counts c = open.pop();
            if (blocks.peek() == c) {
                blocks.pop();
            }
            if (e.nameIs("a")) {
                linkDepth--;
            }
            Counts parent = open.peek();
            if (parent == null) {
                return;
            }
            parent.chars += c.chars;
            parent.linkChars += c.linkChars;
            parent.commas += c.commas;
            parent.paragraphs += c.paragraphs + (e.nameIs("p") ? 1 : 0);
            parent.paragraphChars += c.paragraphChars + (e.nameIs("p") ? c.ownChars : 0);
            parent.listItems += c.listItems + (e.nameIs("li") ? 1 : 0);
            parent.images += c.images + (e.nameIs("img") ? 1 : 0);
            boolean heading = e.normalName().length() == 2 && e.normalName().charAt(0) == 'h'
                    && Character.isDigit(e.normalName().charAt(1));
            parent.headings += c.headings + (heading ? 1 : 0);
            parent.headingChars += c.headingChars + (heading ? c.chars : 0);
        }
    }
}
