package dev.wirewatch.processing.triage;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends each record to every partition: each candidate-index partition must see every article, to keep whole
 * document frequencies and to probe the keys it owns.
 *
 * <p>Stateless and thread safe.
 */
public final class BroadcastPartitioner<K, V> implements StreamPartitioner<K, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, K key, V value, int numPartitions) {
        return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
    }
}
