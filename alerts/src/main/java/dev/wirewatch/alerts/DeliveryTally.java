package dev.wirewatch.alerts;

import dev.wirewatch.model.Mention;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many distinct mentions at least one sink delivered since start (the {@code --once} summary). A mention is
 * remembered only until every sink routed for its topic has settled it (delivered, dead-lettered or skipped as sent
 * before), so memory follows what is in flight between sinks, not everything ever delivered.
 *
 * <p>Thread safe: every sink worker reports here.
 */
final class DeliveryTally {

    private record Open(int unsettled, boolean counted) {
    }

    private final List<AlertSink> sinks;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();

    DeliveryTally(List<AlertSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    /** One sink is done with {@code mention}; {@code sent} when it delivered it now. */
    void settled(Mention mention, boolean sent) {
        open.compute(mention.key(), (key, before) -> {
            int unsettled = before != null ? before.unsettled() - 1 : routes(mention) - 1;
            boolean counted = before != null && before.counted();
            if (sent && !counted) {
                delivered.incrementAndGet();
                counted = true;
            }
            return unsettled <= 0 ? null : new Open(unsettled, counted);
        });
    }

    long delivered() {
        return delivered.get();
    }

    /** Mentions some routed sink has not settled yet. */
    int unsettled() {
        return open.size();
    }

    private int routes(Mention mention) {
        return (int) sinks.stream().filter(s -> s.accepts(mention)).count();
    }
}
