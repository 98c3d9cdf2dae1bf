package dev.wirewatch.processing.decode;

import dev.wirewatch.model.Article;
import dev.wirewatch.model.DeadLetter;
import dev.wirewatch.model.json.JsonSerde;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns raw {@code articles} bytes into {@link Article}s; a record that does not decode becomes a {@link DeadLetter}
 * naming its topic, partition, offset and the error, so one poison record never stops the topology.
 *
 * <p>One instance per task (Kafka Streams contract); not thread safe.
 */
public final class DecodeProcessor implements FixedKeyProcessor<String, byte[], Decoded> {

    private static final Logger LOG = LoggerFactory.getLogger(DecodeProcessor.class);

    private final JsonSerde<Article> serde = new JsonSerde<>(Article.class);
    private final Runnable onDeadLetter;
    private FixedKeyProcessorContext<String, Decoded> context;

    public DecodeProcessor(Runnable onDeadLetter) {
        this.onDeadLetter = onDeadLetter;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Decoded> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        try {
            Article article = serde.read(record.value());
            if (article == null) {
                throw new SerializationException("empty record (tombstone) where an article was expected");
            }
            context.forward(record.withValue(new Decoded(article, null)));
        } catch (SerializationException e) {
            RecordMetadata meta = context.recordMetadata().orElse(null);
            DeadLetter letter = DeadLetter.of(meta == null ? "?" : meta.topic(), meta == null ? -1 : meta.partition(),
                    meta == null ? -1 : meta.offset(), record.key(), record.value(), "decode-article",
                    e.getMessage(), Instant.ofEpochMilli(record.timestamp())); // record time: processing's one clock
            LOG.warn("dead-lettering {}-{}@{}: {}", letter.sourceTopic(), letter.partition(), letter.offset(),
                    e.getMessage());
            onDeadLetter.run();
            context.forward(record.withValue(new Decoded(null, letter)));
        }
    }
}
