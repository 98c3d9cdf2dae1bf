package dev.wirewatch.ingest;

import dev.wirewatch.model.Article;

/**
 * Where ingested articles go: the {@code articles} Kafka topic, or JSON lines on standard output.
 *
 * <p>Implementations are thread safe: several feeds are polled at once.
 */
public interface ArticleSink extends AutoCloseable {

    /** Hands over one article; it may be buffered until {@link #flush()}. */
    void accept(Article article);

    /** Blocks until every accepted article is durably written; throws when one could not be. */
    void flush();

    @Override
    void close();
}
