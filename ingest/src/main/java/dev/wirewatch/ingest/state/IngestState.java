package dev.wirewatch.ingest.state;

import dev.wirewatch.model.Article;
import dev.wirewatch.model.FeedStatus;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What the ingest service remembers across restarts: the article links it has ingested (so a restart does not fetch
 * them again) and each feed's status (health, and when to poll it next).
 *
 * <p>Implementations are thread safe.
 */
public interface IngestState extends AutoCloseable {

    /** Ids of the canonical article links ingested before this start. */
    Set<String> ingestedLinkIds();

    /** Each feed's last status, by feed URL, as of this start. */
    Map<String, FeedStatus> feedStatuses();

    /** Records that these articles are durably written. */
    void ingested(Collection<Article> articles);

    /** Records a feed's status after a poll. */
    void feedStatus(FeedStatus status);

    @Override
    void close();

    /** A state that lives as long as the process: for {@code ingest --output jsonl}, which has no Kafka. */
    static IngestState inMemory() {
        return new IngestState() {
            @Override
            public Set<String> ingestedLinkIds() {
                return Set.of();
            }

            @Override
            public Map<String, FeedStatus> feedStatuses() {
                return Map.of();
            }

            @Override
            public void ingested(Collection<Article> articles) {
                // the poller's own set covers this process
            }

            @Override
            public void feedStatus(FeedStatus status) {
                // nothing outlives the process
            }

            @Override
            public void close() {
            }
        };
    }
}
