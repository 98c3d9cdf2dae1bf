package dev.wirewatch.ingest;

import dev.wirewatch.model.Article;
import java.util.concurrent.CompletableFuture;

/**
 * Where ingested articles go: the {@code articles} Kafka topic, or JSON lines on standard output.
 *
 * <p>Implementations are thread safe: several feeds are polled at once.
 */
public interface ArticleSink extends AutoCloseable {

    /**
     * Hands over one article; it may be buffered until {@link #flush()}. The answer completes when the article is
     * durably written (acknowledged by every in-sync replica, for Kafka) and exceptionally when it could not be.
     */
    CompletableFuture<Void> accept(Article article);

    /** Blocks until every accepted article's answer is complete. */
    void flush();

    @Override
    void close();
}
