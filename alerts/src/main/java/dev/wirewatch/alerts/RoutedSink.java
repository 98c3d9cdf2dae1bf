package dev.wirewatch.alerts;

import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.model.Mention;

/**
 * The part every sink shares: its configured id and its route (the topics, by id or label, it takes).
 *
 * <p>Immutable in what it holds; subclasses decide their own thread safety.
 */
public abstract class RoutedSink implements AlertSink {

    private final String id;
    private final SinkRoute route;

    protected RoutedSink(String id, SinkRoute route) {
        this.id = id;
        this.route = route;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final boolean accepts(Mention mention) {
        return route.accepts(mention.topicId(), mention.labels());
    }
}
