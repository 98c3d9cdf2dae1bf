package dev.wirewatch.processing.dedup;

import dev.wirewatch.model.Article;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The dedup step of the topology: screens each article (keyed by content hash) against the store of hashes seen.
 *
 * <p>One instance per task; not thread safe.
 */
public final class DedupProcessor implements FixedKeyProcessor<String, Article, Screened> {

    private final String storeName;
    private final Runnable onCopy;
    private FixedKeyProcessorContext<String, Screened> context;
    private ExactDuplicates duplicates;

    public DedupProcessor(String storeName, Runnable onCopy) {
        this.storeName = storeName;
        this.onCopy = onCopy;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Screened> context) {
        this.context = context;
        KeyValueStore<String, String> store = context.getStateStore(storeName);
        this.duplicates = new ExactDuplicates(new ExactDuplicates.HashMemory() {
            @Override
            public String firstIdFor(String contentHash) {
                return store.get(contentHash);
            }

            @Override
            public void remember(String contentHash, String articleId) {
                store.put(contentHash, articleId);
            }
        });
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        Screened screened = duplicates.screen(record.value());
        if (screened.isCopy()) {
            onCopy.run();
        }
        context.forward(record.withValue(screened));
    }
}
