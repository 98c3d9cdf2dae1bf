package dev.wirewatch.ingest.extract;

import dev.wirewatch.ingest.extract.TextStats.Counts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the block of a page that holds the article: every paragraph votes for its ancestors (more for long text with
 * commas and few links, less the further up), the markup adds or takes away (tag and class words), the best-scored
 * ancestor wins, and its siblings that look like article text too are taken with it.
 *
 * <p>Stateless and thread safe; reads the DOM, does not edit it.
 */
final class ContentFinder {

    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final int ANCESTOR_LEVELS = 5;
    private static final Set<String> PARAGRAPHS = Set.of(
            "p", "pre", "blockquote", "li", "dd", "h2", "h3", "h4", "h5", "h6");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…。](\\s|$)");

    private ContentFinder() {
    }

    /** The elements holding the article, in document order; {@code body} itself when nothing stands out. */
    static List<Element> find(Element body) {
        TextStats stats = new TextStats(body);
        Map<Element, Double> scores = vote(body, stats);
        if (scores.isEmpty()) {
            return List.of(body);
        }
        scores.replaceAll((e, score) -> score * (1 - stats.of(e).linkDensity()));
        List<Element> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(Comparator.comparingDouble((Element e) -> scores.get(e)).reversed());
        Element top = ranked.get(0);
        if (top == body) {
            return List.of(body);
        }
        top = sharedAncestor(top, ranked, scores, body);
        top = climb(top, scores, body);
        return withSiblings(top, scores, stats, body);
    }

    private static Map<Element, Double> vote(Element body, TextStats stats) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element e : body.getAllElements()) {
            Counts c = stats.of(e);
            if (c.ownChars < MIN_PARAGRAPH_CHARS || !TextStats.isBlock(e) || e.nameIs("h1")) {
                continue;
            }
            double score = (1 + c.ownCommas + Math.min(c.ownChars / 100, 3)) * (1 - c.ownLinkDensity());
            // loose text in a container (a div, a layout table's cell) is a paragraph of that container
            Element ancestor = PARAGRAPHS.contains(e.normalName()) ? e.parent() : e;
            for (int level = 0; level < ANCESTOR_LEVELS && ancestor != null; level++) {
                int divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, initialScore(ancestor) + score / divider, (old, add) -> old + score / divider);
                if (ancestor == body) {
                    break;
                }
                ancestor = ancestor.parent();
            }
        }
        return scores;
    }

    private static double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String itemprop = e.attr("itemprop");
        if (itemprop.equals("articleBody") || itemprop.equals("text")) {
            score += 25;
        }
        return score + Boilerplate.classWeight(e);
    }

    /** Moves up to the ancestor shared with most other strong candidates: the article is split into columns. */
    private static Element sharedAncestor(Element top, List<Element> ranked, Map<Element, Double> scores,
                                          Element body) {
        double topScore = scores.get(top);
        List<Set<Element>> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(5, ranked.size()); i++) {
            Element other = ranked.get(i);
            if (scores.get(other) / topScore >= 0.75) {
                Set<Element> ancestors = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                ancestors.addAll(other.parents());
                alternatives.add(ancestors);
            }
        }
        if (alternatives.size() < 3) {
            return top;
        }
        for (Element up = top.parent(); up != null && up != body; up = up.parent()) {
            int containing = 0;
            for (Set<Element> ancestors : alternatives) {
                if (ancestors.contains(up)) {
                    containing++;
                }
            }
            if (containing >= 3) {
                return up;
            }
        }
        return top;
    }

    /** Moves up while an ancestor scores better, and past wrappers that hold nothing but the candidate. */
    private static Element climb(Element top, Map<Element, Double> scores, Element body) {
        double last = scores.getOrDefault(top, 0.0);
        double threshold = last / 3;
        for (Element up = top.parent(); up != null && up != body; up = up.parent()) {
            Double score = scores.get(up);
            if (score == null) {
                continue;
            }
            if (score < threshold) {
                break;
            }
            if (score > last) {
                top = up;
                break;
            }
            last = score;
        }
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    /**
     * The candidate and those of its siblings that score like it. A sibling is judged by the best score inside it,
     * so an article split into several same-shaped sections (text, figure, text) is taken whole.
     */
    private static List<Element> withSiblings(Element top, Map<Element, Double> scores, TextStats stats,
                                              Element body) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        Map<Element, Double> best = bestPerChild(parent, scores);
        double topScore = best.getOrDefault(top, 0.0);
        double threshold = Math.max(10, topScore * 0.2);
        Set<String> topClasses = new HashSet<>(top.classNames());
        List<Element> content = new ArrayList<>();
        for (Element sibling : parent.children()) {
            double bonus = !topClasses.isEmpty() && topClasses.equals(sibling.classNames()) ? topScore * 0.2 : 0;
            Double score = best.get(sibling);
            if (sibling == top) {
                content.add(sibling);
            } else if (Boilerplate.notText(sibling) || Boilerplate.classWeight(sibling) < 0) {
                continue; // a bio box or a caption next to the article scores like text but is not
            } else if (score != null && score + bonus >= threshold || looksLikeParagraph(sibling, stats)) {
                content.add(sibling);
            }
        }
        return content;
    }

    /** For each child of {@code parent}, the best score of it or any element inside it. */
    private static Map<Element, Double> bestPerChild(Element parent, Map<Element, Double> scores) {
        Map<Element, Double> best = new IdentityHashMap<>();
        for (Map.Entry<Element, Double> scored : scores.entrySet()) {
            Element e = scored.getKey();
            for (int hops = 0; e != null && hops <= PageCleaner.MAX_DEPTH; hops++, e = e.parent()) {
                if (e.parent() == parent) {
                    best.merge(e, scored.getValue(), Math::max);
                    break;
                }
            }
        }
        return best;
    }

    private static boolean looksLikeParagraph(Element e, TextStats stats) {
        if (!e.nameIs("p")) {
            return false;
        }
        Counts c = stats.of(e);
        if (c.chars > 80) {
            return c.linkDensity() < 0.25;
        }
        return c.chars > 0 && c.linkChars == 0 && SENTENCE_END.matcher(e.text()).find();
    }
}
