package dev.wirewatch.launcher.once;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures how far a consumer group is behind on its input topics: the sum, over partitions, of log end offset minus
 * committed offset. Zero means everything written so far has been processed and committed.
 *
 * <p>Thread safe (Admin is). Used by {@code --once} to know when nothing is in flight.
 */
public final class Backlog {

    private static final long TIMEOUT_MS = 10_000;

    private final Admin admin;

    public Backlog(Admin admin) {
        this.admin = admin;
    }

    /** Records not yet committed by {@code groupId} on the topics that {@code inputs} accepts. */
    public long of(String groupId, Predicate<String> inputs) {
        try {
            Set<String> topics = admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            List<String> watched = topics.stream().filter(inputs).toList();
            if (watched.isEmpty()) {
                return 0;
            }
            Map<String, TopicDescription> described = admin.describeTopics(watched).allTopicNames()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            described.values().forEach(d -> d.partitions().forEach(
                    p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            long behind = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                long position = done == null ? 0 : done.offset();
                behind += Math.max(0, end.getValue().offset() - position);
            }
            return behind;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading consumer offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read consumer offsets of " + groupId + ": " + e, e);
        }
    }
}
