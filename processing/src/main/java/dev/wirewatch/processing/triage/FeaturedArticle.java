package dev.wirewatch.processing.triage;

import dev.wirewatch.model.Article;

/**
 * An article with its triage features, between the feature and the match steps.
 *
 * <p>Immutable.
 */
public record FeaturedArticle(Article article, ArticleFeatures features) {
}
