package dev.wirewatch.ingest.assign;

import dev.wirewatch.config.FeedSettings;
import java.util.List;

/**
 * Where an ingest instance learns which feeds to poll: a fixed list (the config) or its share of the {@code feeds}
 * topic ({@link FeedAssignment}), which changes while it runs.
 */
public interface FeedSource extends AutoCloseable {

    /** Told what to poll; called from the source's own thread. */
    interface Listener {
        /** Start polling {@code feed}, or poll it with these settings from now on. */
        void feedAssigned(FeedSettings feed);

        /** Stop polling the feed at {@code url}. */
        void feedUnassigned(String url);
    }

    /** Starts telling {@code listener} about feeds. */
    void start(Listener listener);

    /** False when it stopped telling about feeds on its own (its thread died): liveness. */
    default boolean alive() {
        return true;
    }

    @Override
    void close();

    /** Exactly these feeds, for as long as the process runs. */
    static FeedSource of(List<FeedSettings> feeds) {
        List<FeedSettings> fixed = List.copyOf(feeds);
        return new FeedSource() {
            @Override
            public void start(Listener listener) {
                fixed.forEach(listener::feedAssigned);
            }

            @Override
            public void close() {
            }
        };
    }
}
