package dev.wirewatch.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deletes the entries of a state store that a predicate selects (expiry, forgotten topics). Keys are collected
 * first and deleted after the scan, because a store must not be modified while one of its iterators is open.
 *
 * <p>Stateless; call from the store's own task.
 */
public final class StoreSweep {

    private StoreSweep() {
    }

    /** Deletes every entry for which {@code doomed} is true; returns how many were deleted. */
    public static <K, V> int deleteWhere(KeyValueStore<K, V> store, BiPredicate<K, V> doomed) {
        List<K> keys = new ArrayList<>();
        try (KeyValueIterator<K, V> all = store.all()) {
            all.forEachRemaining(kv -> {
                if (doomed.test(kv.key, kv.value)) {
                    keys.add(kv.key);
                }
            });
        }
        keys.forEach(store::delete);
        return keys.size();
    }
}
