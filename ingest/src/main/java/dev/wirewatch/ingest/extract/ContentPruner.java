package dev.wirewatch.ingest.extract;

import dev.wirewatch.ingest.extract.TextStats.Counts;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes what sits inside the article block but is not its text: captions and figures, share bars, bylines and
 * related-link boxes named as such, the headline, and blocks that are mostly links, images or form parts rather than
 * sentences.
 *
 * <p>Stateless and thread safe; edits the given element in place. Blocks with many commas are prose and are kept
 * whatever else they contain.
 */
final class ContentPruner {

    private static final Set<String> NEVER_TEXT = Set.of(
            "figure", "figcaption", "nav", "aside", "footer", "h1", "picture", "img", "form", "fieldset", "label");
    private static final Set<String> LINE_BLOCKS = Set.of("p", "li", "h2", "h3", "h4", "h5", "h6", "dd", "dt");
    private static final Set<String> CONDITIONAL = Set.of(
            "div", "section", "ul", "ol", "dl", "table", "header", "center");

    private ContentPruner() {
    }

    /** Prunes {@code root}, which is one of the blocks chosen by {@link ContentFinder}. */
    static void prune(Element root) {
        TextStats stats = new TextStats(root);
        NodeTraversor.filter(new Pruning(stats, stats.of(root).chars), root);
    }

    private record Pruning(TextStats stats, int rootChars) implements NodeFilter {

        @Override
        public FilterResult head(Node node, int depth) {
            if (depth == 0 || !(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            return remove(e) ? FilterResult.REMOVE : FilterResult.CONTINUE;
        }

        private boolean remove(Element e) {
            Counts c = stats.of(e);
            if (NEVER_TEXT.contains(e.normalName())) {
                return !(e.nameIs("form") && c.chars * 2 > rootChars);
            }
            if (Boilerplate.notText(e) && c.chars * 2 < rootChars) {
                return true;
            }
            String tag = e.normalName();
            if (LINE_BLOCKS.contains(tag) && c.chars < 200 && c.linkDensity() > 0.6) {
                return true; // a "read more" line or a list of headlines, not a sentence of the article
            }
            if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                return Boilerplate.classWeight(e) < 0;
            }
            if (!CONDITIONAL.contains(tag) || c.commas >= 10) {
                return false;
            }
            int weight = Boilerplate.classWeight(e);
            if (weight < 0 && c.chars * 2 < rootChars) {
                return true;
            }
            boolean list = tag.equals("ul") || tag.equals("ol") || tag.equals("dl");
            double linkDensity = c.linkDensity();
            double headingDensity = c.chars == 0 ? 0 : (double) c.headingChars / c.chars;
            if (c.images > 1 && (double) c.paragraphs / c.images < 0.5) {
                return true;
            }
            if (!list && headingDensity < 0.9 && c.chars < 25 && (c.images == 0 || c.images > 2)) {
                return true;
            }
            if (list) {
                return linkDensity > 0.5;
            }
            return weight < 25 ? linkDensity > 0.2 : linkDensity > 0.5;
        }
    }
}
