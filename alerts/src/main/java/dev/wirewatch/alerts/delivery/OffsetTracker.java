package dev.wirewatch.alerts.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which input offsets a sink may commit: per partition, up to the first mention still waiting (in a group window,
 * for the rate limit or for a retry), or up to the consumer's position when nothing waits. Mentions complete out of
 * order (groups of different topics fall due at different times), so the commit never passes a waiting one.
 *
 * <p>Not thread safe; used by one sink worker.
 */
final class OffsetTracker {

    private final Map<TopicPartition, TreeSet<Long>> waiting = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    /** A mention at {@code offset} is waiting to be sent. */
    void waiting(TopicPartition partition, long offset) {
        waiting.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
    }

    /** The mention at {@code offset} was sent or dead-lettered. */
    void done(TopicPartition partition, long offset) {
        TreeSet<Long> offsets = waiting.get(partition);
        if (offsets != null) {
            offsets.remove(offset);
        }
    }

    /** The offsets to commit now: only partitions whose commit point moved forward. */
    Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> assigned,
                                                    ToLongFunction<TopicPartition> position) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : assigned) {
            TreeSet<Long> pending = waiting.get(partition);
            long target = pending == null || pending.isEmpty() ? position.applyAsLong(partition) : pending.first();
            Long previous = committed.get(partition);
            if (previous == null || previous < target) {
                offsets.put(partition, new OffsetAndMetadata(target));
            }
        }
        return offsets;
    }

    /** Records a successful commit. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((p, o) -> committed.put(p, o.offset()));
    }

    /** Forgets partitions given to another instance; it reads them again from their last commit. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            waiting.remove(p);
            committed.remove(p);
        });
    }
}
