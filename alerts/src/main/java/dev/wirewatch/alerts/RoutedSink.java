package dev.wirewatch.alerts;

/**
 * The part every sink shares: its configured id and the topics routed to it.
 *
 * <p>Immutable in what it holds; subclasses decide their own thread safety.
 */
public abstract class RoutedSink implements AlertSink {

    private final String id;
    private final TopicRoute route;

    protected RoutedSink(String id, TopicRoute route) {
        this.id = id;
        this.route = route;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final boolean accepts(String topicId) {
        return route.accepts(topicId);
    }
}
