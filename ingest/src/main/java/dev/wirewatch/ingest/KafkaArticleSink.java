package dev.wirewatch.ingest;

import dev.wirewatch.model.Article;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces articles to the {@code articles} topic, keyed by article id, with an idempotent producer
 * ({@code acks=all}), so a retried send never writes an article twice.
 *
 * <p>Thread safe (KafkaProducer is).
 */
public final class KafkaArticleSink implements ArticleSink {

    private final KafkaProducer<String, Article> producer;
    private final Topic<String, Article> topic;
    private final KafkaClientMetrics producerMetrics;

    public KafkaArticleSink(String bootstrapServers, Topic<String, Article> topic, MeterRegistry registry) {
        this(KafkaConnection.plain(bootstrapServers), topic, registry);
    }

    public KafkaArticleSink(KafkaConnection kafka, Topic<String, Article> topic, MeterRegistry registry) {
        Properties props = kafka.properties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-ingest");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.topic = topic;
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
    }

    @Override
    public CompletableFuture<Void> accept(Article article) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic.name(), article.id(), article), (metadata, e) -> {
                if (e == null) {
                    written.complete(null);
                } else {
                    written.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) { // closed producer, metadata timeout, record too large
            written.completeExceptionally(e);
        }
        return written;
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
        producerMetrics.close();
    }
}
