package dev.wirewatch.alerts.console;

import dev.wirewatch.alerts.Alert;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.RoutedSink;
import dev.wirewatch.config.SinkRoute;
import java.io.PrintStream;

/**
 * Prints each alert as one readable line: topic, headline, source, link.
 *
 * <p>Not thread safe beyond what {@link PrintStream} offers.
 */
public final class ConsoleSink extends RoutedSink {

    private final PrintStream out;

    public ConsoleSink(String id, SinkRoute route, PrintStream out) {
        super(id, route);
        this.out = out;
    }

    @Override
    public void deliver(AlertBatch batch) {
        batch.alerts().forEach(this::print);
        out.flush();
    }

    private void print(Alert alert) {
        out.printf("ALERT [%s] %s — %s (%s)%n", alert.topicName(), alert.title() == null ? "(untitled)"
                : alert.title(), alert.source(), alert.url());
    }
}
