package dev.wirewatch.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("mentions", 0);
    private static final TopicPartition P1 = new TopicPartition("mentions", 1);

    @Test
    void theCommitNeverPassesAMentionStillWaitingAndMovesOnWhenItIsDone() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.waiting(P0, 3);
        tracker.waiting(P0, 5);
        Map<TopicPartition, Long> positions = Map.of(P0, 8L, P1, 4L);
        Map<TopicPartition, OffsetAndMetadata> first = tracker.toCommit(List.of(P0, P1), positions::get);
        assertEquals(Map.of(P0, new OffsetAndMetadata(3), P1, new OffsetAndMetadata(4)), first);
        tracker.committed(first);

        tracker.done(P0, 5); // done out of order: 3 still waits
        assertEquals(Map.of(), tracker.toCommit(List.of(P0, P1), positions::get), "nothing moved");
        tracker.done(P0, 3);
        assertEquals(Map.of(P0, new OffsetAndMetadata(8)), tracker.toCommit(List.of(P0, P1), positions::get),
                "all done: up to the position, past transaction markers");
    }

    @Test
    void forgottenPartitionsStartAfresh() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.waiting(P0, 2);
        tracker.committed(Map.of(P0, new OffsetAndMetadata(2)));
        tracker.forget(List.of(P0));
        assertEquals(Map.of(P0, new OffsetAndMetadata(6)), tracker.toCommit(List.of(P0), p -> 6L));
    }
}
