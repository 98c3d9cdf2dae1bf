package dev.wirewatch.processing.story;

import dev.wirewatch.model.Article;

/**
 * An original article with the id of the story it belongs to.
 *
 * <p>Immutable.
 */
public record StoriedArticle(Article article, String storyId) {
}
