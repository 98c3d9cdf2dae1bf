package dev.wirewatch.alerts.console;

import dev.wirewatch.alerts.Alert;
import dev.wirewatch.alerts.AlertSink;
import dev.wirewatch.alerts.TopicRoute;
import java.io.PrintStream;

/**
 * Prints each alert as one readable line: topic, headline, source, link.
 *
 * <p>Not thread safe beyond what {@link PrintStream} offers.
 */
public final class ConsoleSink implements AlertSink {

    private final String id;
    private final TopicRoute route;
    private final PrintStream out;

    public ConsoleSink(String id, TopicRoute route, PrintStream out) {
        this.id = id;
        this.route = route;
        this.out = out;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean accepts(String topicId) {
        return route.accepts(topicId);
    }

    @Override
    public void deliver(Alert alert) {
        out.printf("ALERT [%s] %s — %s (%s)%n", alert.topicName(), alert.title() == null ? "(untitled)"
                : alert.title(), alert.source(), alert.url());
        out.flush();
    }
}
