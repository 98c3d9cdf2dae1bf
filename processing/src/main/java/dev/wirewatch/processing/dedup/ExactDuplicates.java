package dev.wirewatch.processing.dedup;

import dev.wirewatch.model.Article;

/**
 * Decides whether an article is an exact copy (same normalized content hash) of one seen before.
 *
 * <p>Kafka-free: the memory of seen hashes is a {@link HashMemory}, a state store in the topology and a map in
 * tests. Not thread safe (state stores are per task). The same article arriving twice (a re-poll) is not a copy of
 * itself: it is passed on as the original again, so later steps decide what to do with a repeat.
 */
public final class ExactDuplicates {

    /** Remembers the first article id seen for each content hash. */
    public interface HashMemory {
        String firstIdFor(String contentHash);

        void remember(String contentHash, String articleId);
    }

    private final HashMemory memory;

    public ExactDuplicates(HashMemory memory) {
        this.memory = memory;
    }

    public Screened screen(Article article) {
        String first = memory.firstIdFor(article.contentHash());
        if (first == null) {
            memory.remember(article.contentHash(), article.id());
            return Screened.original(article);
        }
        return first.equals(article.id()) ? Screened.original(article) : Screened.exactCopy(article, first);
    }
}
