package dev.wirewatch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wirewatch.alerts.console.ConsoleSink;
import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.model.Mention;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryTallyTest {

    private static AlertSink sink(String id, String... topics) {
        return new ConsoleSink(id, SinkRoute.ofTopics(List.of(topics)), new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void aMentionCountsOnceHoweverManySinksDeliverItAndIsForgottenWhenAllAreDone() {
        DeliveryTally tally = new DeliveryTally(List.of(sink("a"), sink("b"), sink("only-c130", "c-130")));
        Mention su35 = Mentions.of("su-35", "s1", "t");
        tally.settled(su35, true);
        assertEquals(1, tally.unsettled(), "sink b has not settled it yet");
        tally.settled(su35, true);
        assertEquals(1, tally.delivered());
        assertEquals(0, tally.unsettled(), "both routed sinks are done: nothing kept");

        Mention c130 = Mentions.of("c-130", "s2", "t");
        tally.settled(c130, false); // dead-lettered by one
        tally.settled(c130, false); // skipped as sent before a restart by another
        assertEquals(1, tally.delivered(), "not delivered by anyone yet");
        tally.settled(c130, true);
        assertEquals(2, tally.delivered());
        assertEquals(0, tally.unsettled());
    }
}
