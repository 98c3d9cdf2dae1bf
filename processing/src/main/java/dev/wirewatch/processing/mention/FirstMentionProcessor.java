package dev.wirewatch.processing.mention;

import dev.wirewatch.model.Mention;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Passes on the first mention of each (topic, story) and drops later ones, so one story yields one alert per topic.
 * Input is keyed by {@link Mention#key()}; the store remembers the article that first mentioned the pair.
 *
 * <p>One instance per task; not thread safe. A repeat of the first article itself (a replay) is dropped too.
 */
public final class FirstMentionProcessor implements FixedKeyProcessor<String, Mention, Mention> {

    private final String storeName;
    private final Runnable onRepeat;
    private final Runnable onFirst;
    private FixedKeyProcessorContext<String, Mention> context;
    private KeyValueStore<String, String> firstArticle;

    public FirstMentionProcessor(String storeName, Runnable onFirst, Runnable onRepeat) {
        this.storeName = storeName;
        this.onFirst = onFirst;
        this.onRepeat = onRepeat;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Mention> context) {
        this.context = context;
        this.firstArticle = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, Mention> record) {
        Mention mention = record.value();
        if (firstArticle.get(record.key()) != null) {
            onRepeat.run();
            return;
        }
        firstArticle.put(record.key(), mention.articleId());
        onFirst.run();
        context.forward(record);
    }
}
