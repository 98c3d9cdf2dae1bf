package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wirewatch.model.json.JsonSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class StoreFrequenciesTest {

    private static final Duration RETENTION = Duration.ofDays(14);
    private static final long DAY = Duration.ofDays(1).toMillis();

    private static KeyValueStore<String, Frequency> store() {
        KeyValueStore<String, Frequency> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("f"),
                Serdes.String(), new JsonSerde<>(Frequency.class)).withLoggingDisabled().build();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    @Test
    void aRestartedTaskSweepingBeforeItsFirstArticleForgetsNothing() {
        KeyValueStore<String, Frequency> store = store();
        StoreFrequencies before = new StoreFrequencies(store, RETENTION);
        before.add(List.of("hanoi", "sukhoi"), 100 * DAY);

        StoreFrequencies restarted = new StoreFrequencies(store, RETENTION);
        assertEquals(0, restarted.forgetOld());
        assertEquals(1, restarted.frequency("hanoi"));
        assertEquals(1, restarted.documents());
    }

    @Test
    void countsFadeAfterTwoEpochsAndAreThenSwept() {
        StoreFrequencies frequencies = new StoreFrequencies(store(), RETENTION);
        frequencies.add(List.of("hanoi"), 0);
        frequencies.add(List.of("moscow"), 7 * DAY);
        assertEquals(1, frequencies.frequency("hanoi"), "the previous epoch still counts");
        assertEquals(Map.of("moscow", 2L), frequencies.add(List.of("moscow"), 14 * DAY), "counts with this one");
        assertEquals(0, frequencies.frequency("hanoi"));
        assertEquals(2, frequencies.frequency("moscow"));
        assertEquals(1, frequencies.forgetOld());
    }
}
