package dev.wirewatch.desk.index;

import java.util.List;

/**
 * How many retained articles match a query, and the newest of them.
 *
 * <p>Immutable.
 */
public record SearchResult(int count, List<ArticleHit> articles) {

    public SearchResult {
        articles = List.copyOf(articles);
    }
}
