package dev.wirewatch.processing.mention;

import dev.wirewatch.model.Mention;
import dev.wirewatch.model.MentionCount;
import dev.wirewatch.processing.StoreSweep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Passes on the first mention of each (topic, story) and counts later ones, so one story yields one alert per topic
 * while alerts can still learn how widely it runs. Input is keyed by {@link Mention#key()}.
 *
 * <p>One instance per task; not thread safe. A pair not seen for {@code retention} is forgotten (checked every
 * minute), which bounds the state; a story that resurfaces after that alerts again.
 */
public final class FirstMentionProcessor implements FixedKeyProcessor<String, Mention, MentionOutcome> {

    private static final Duration EXPIRY_CHECK = Duration.ofMinutes(1);

    private final String storeName;
    private final Duration retention;
    private final Clock clock;
    private final Consumer<String> onFirst;
    private final Consumer<String> onRepeat;
    private FixedKeyProcessorContext<String, MentionOutcome> context;
    private KeyValueStore<String, MentionTally> tallies;

    /** {@code onFirst} and {@code onRepeat} are told the topic id of each first and repeated mention. */
    public FirstMentionProcessor(String storeName, Duration retention, Clock clock, Consumer<String> onFirst,
                                 Consumer<String> onRepeat) {
        this.storeName = storeName;
        this.retention = retention;
        this.clock = clock;
        this.onFirst = onFirst;
        this.onRepeat = onRepeat;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, MentionOutcome> context) {
        this.context = context;
        this.tallies = context.getStateStore(storeName);
        context.schedule(EXPIRY_CHECK, PunctuationType.WALL_CLOCK_TIME, now -> expire(clock.instant()
                .minus(retention)));
    }

    @Override
    public void process(FixedKeyRecord<String, Mention> record) {
        Mention mention = record.value();
        Instant now = clock.instant();
        MentionTally tally = tallies.get(record.key());
        Mention first = null;
        if (tally == null) {
            tally = new MentionTally(mention.articleId(), 1, mention.articleId(), now);
            first = mention;
            onFirst.accept(mention.topicId());
        } else {
            tally = tally.counting(mention.articleId(), now);
            onRepeat.accept(mention.topicId());
        }
        tallies.put(record.key(), tally);
        MentionCount count = new MentionCount(MentionCount.SCHEMA_VERSION, mention.topicId(), mention.storyId(),
                tally.firstArticleId(), tally.articles(), tally.lastArticleId(), now);
        context.forward(record.withValue(new MentionOutcome(first, count)));
    }

    private void expire(Instant cutoff) {
        StoreSweep.deleteWhere(tallies, (key, tally) -> tally.lastSeen().isBefore(cutoff));
    }
}
