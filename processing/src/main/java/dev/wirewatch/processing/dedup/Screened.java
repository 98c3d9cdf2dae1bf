package dev.wirewatch.processing.dedup;

import dev.wirewatch.model.Article;

/**
 * An article after the duplicate check: either an original ({@code copyOf} null) or a copy of the article whose id
 * is {@code copyOf}, with the similarity and the rule that decided.
 *
 * <p>Immutable.
 */
public record Screened(Article article, String copyOf, double similarity, String reason) {

    public static Screened original(Article article) {
        return new Screened(article, null, 0, null);
    }

    public static Screened exactCopy(Article article, String originalId) {
        return new Screened(article, originalId, 1.0, "exact-content");
    }

    public boolean isCopy() {
        return copyOf != null;
    }
}
