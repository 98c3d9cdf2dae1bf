package dev.wirewatch.processing.triage;

import dev.wirewatch.model.Article;

/**
 * An article on its way to the candidate index, with its sketch. Every index partition receives it.
 *
 * <p>Immutable.
 */
public record SketchedArticle(Sketch sketch, Article article) {
}
