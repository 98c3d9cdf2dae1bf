package dev.wirewatch.ingest.extract;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Strips a page body of what is never article text before any scoring: scripts, styles, embedded objects, form
 * controls, comments, hidden elements, and (optionally) page furniture marked as such by tag, role, class or id.
 *
 * <p>Stateless and thread safe; edits the given element in place. A block is kept, furniture markup or not, when it
 * holds most of the page's paragraph text or the article itself: some sites name their whole content column after the
 * sidebar next to it.
 */
final class PageCleaner {

    /** Deeper elements are flattened to their text: no article needs it, and it bounds every later walk. */
    static final int MAX_DEPTH = 256;

    private static final Set<String> JUNK = Set.of(
            "script", "style", "noscript", "template", "svg", "canvas", "iframe", "frame", "frameset", "object",
            "embed", "applet", "link", "meta", "button", "input", "select", "textarea", "option", "dialog", "map",
            "audio", "video", "source", "track", "head", "title", "base", "math");
    private static final Set<String> FURNITURE = Set.of("nav", "aside", "footer", "header", "menu");
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

    private PageCleaner() {
    }

    /** Removes junk and hidden nodes, and furniture too when {@code dropFurniture}. */
    static void clean(Element body, boolean dropFurniture) {
        NodeTraversor.filter(new Junk(), body);
        if (dropFurniture) {
            TextStats stats = new TextStats(body);
            NodeTraversor.filter(new Furniture(stats, stats.of(body).paragraphChars), body);
        }
    }

    private static boolean hidden(Element e) {
        if (e.hasAttr("hidden")) {
            return true;
        }
        if ("true".equalsIgnoreCase(e.attr("aria-hidden")) && !e.className().contains("fallback-image")) {
            return true;
        }
        String style = e.attr("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
    }

    private static final class Junk implements NodeFilter {
        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof Comment || node instanceof DataNode) {
                return FilterResult.REMOVE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            if (JUNK.contains(e.normalName()) || hidden(e)) {
                return FilterResult.REMOVE;
            }
            if (depth >= MAX_DEPTH && e.childNodeSize() > 0) {
                e.text(e.text());
                return FilterResult.SKIP_CHILDREN;
            }
            return FilterResult.CONTINUE;
        }
    }

    private static final class Furniture implements NodeFilter {
        private final TextStats stats;
        private final int paragraphChars;

        Furniture(TextStats stats, int paragraphChars) {
            this.stats = stats;
            this.paragraphChars = paragraphChars;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element e) || depth == 0 || e.nameIs("body") || e.nameIs("a")) {
                return FilterResult.CONTINUE;
            }
            if (e.nameIs("table") || e.nameIs("code") || e.nameIs("pre")) {
                return FilterResult.SKIP_CHILDREN; // layout tables and code keep their insides
            }
            boolean furniture = FURNITURE.contains(e.normalName()) || Boilerplate.unlikely(e);
            if (furniture && !holdsArticle(e)) {
                return FilterResult.REMOVE;
            }
            return FilterResult.CONTINUE;
        }

        private boolean holdsArticle(Element e) {
            if (paragraphChars > 0 && stats.of(e).paragraphChars * 2 > paragraphChars) {
                return true;
            }
            return e.selectFirst("[itemprop=articleBody]") != null;
        }
    }
}
