package dev.wirewatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.json.Json;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;

/**
 * Writes each article as one JSON object per line, for {@code ingest --once --output jsonl} (no broker needed).
 *
 * <p>Thread safe: lines from concurrent feeds never interleave.
 */
public final class JsonLinesArticleSink implements ArticleSink {

    private final PrintWriter out;

    public JsonLinesArticleSink(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized CompletableFuture<Void> accept(Article article) {
        try {
            out.println(Json.mapper().writeValueAsString(article));
            return CompletableFuture.completedFuture(null);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("cannot write article " + article.id()
                    + " as JSON", e));
        }
    }

    @Override
    public synchronized void flush() {
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
