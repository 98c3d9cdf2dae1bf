package dev.wirewatch.ingest.extract;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Writes article blocks as plain text: one paragraph per block element (paragraphs, headings, list items, quotes,
 * table cells) separated by blank lines, a line break per {@code <br>}, whitespace collapsed inside a line.
 *
 * <p>Stateless and thread safe. Iterative, so any DOM depth is safe.
 */
final class TextRenderer {

    private TextRenderer() {
    }

    static String render(List<Element> blocks) {
        Writer writer = new Writer();
        for (Element block : blocks) {
            writer.paragraph();
            NodeTraversor.traverse(writer, block);
        }
        return writer.text();
    }

    private static final class Writer implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private boolean space;
        private int breaks; // pending: 1 = line break, 2 = paragraph break

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                write(t.getWholeText());
            } else if (node instanceof Element e) {
                if (e.nameIs("br")) {
                    breaks = Math.max(breaks, 1);
                } else if (TextStats.isBlock(e)) {
                    paragraph();
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && TextStats.isBlock(e)) {
                paragraph();
            } else if (node instanceof Element e && (e.nameIs("td") || e.nameIs("th"))) {
                space = true;
            }
        }

        void paragraph() {
            breaks = 2;
        }

        private void write(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.getType(c) == Character.FORMAT) {
                    continue; // zero-width joiners, BOMs, soft hyphens: not a word boundary
                }
                if (Character.isWhitespace(c) || c == '\u00A0') {
                    space = true;
                    continue;
                }
                if (out.length() > 0) {
                    if (breaks > 0) {
                        trimTrailingSpace();
                        out.append(breaks == 2 ? "\n\n" : "\n");
                    } else if (space) {
                        out.append(' ');
                    }
                }
                breaks = 0;
                space = false;
                out.append(c);
            }
        }

        private void trimTrailingSpace() {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
        }

        String text() {
            return out.toString();
        }
    }
}
