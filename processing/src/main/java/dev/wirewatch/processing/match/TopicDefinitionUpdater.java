package dev.wirewatch.processing.match;

import dev.wirewatch.model.TopicDefinition;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global store of topic definitions in step with the compacted {@code topics} topic, and bumps a version
 * so that match tasks in this process notice the change without scanning the store on every article.
 *
 * <p>Runs on the global stream thread; the version counter is shared with {@link MatchProcessor}s.
 */
public final class TopicDefinitionUpdater implements Processor<String, TopicDefinition, Void, Void> {

    private final String storeName;
    private final AtomicLong version;
    private KeyValueStore<String, TopicDefinition> store;

    public TopicDefinitionUpdater(String storeName, AtomicLong version) {
        this.storeName = storeName;
        this.version = version;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, TopicDefinition> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        version.incrementAndGet();
    }
}
