package dev.wirewatch.processing.story;

import dev.wirewatch.model.Article;

/**
 * Assigns each original article its story. For now every original starts its own story (its id is the story id):
 * exact copies never get here, so a republished article and its original share one story; rewrites in other words
 * are separate stories until story clustering lands.
 *
 * <p>Stateless and thread safe.
 */
public final class StoryAssigner {

    public StoriedArticle assign(Article article) {
        return new StoriedArticle(article, article.id());
    }
}
