package dev.wirewatch.processing.triage;

import dev.wirewatch.model.Article;

/**
 * An article with its triage decision: dropped as a near-copy, or passed on with its story.
 *
 * <p>Immutable.
 */
public record Triaged(Article article, Decision decision) {
}
