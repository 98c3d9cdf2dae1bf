package dev.wirewatch.alerts.delivery;

import dev.wirewatch.model.DeadAlert;
import dev.wirewatch.model.DeadLetter;
import dev.wirewatch.model.MutedAlert;
import dev.wirewatch.model.topic.Topics;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Writes what a sink does not send: undeliverable alerts to {@code alerts.dlq}, alerts a mute holds back to
 * {@code alerts.muted}, undecodable input records to {@code dead-letters}. Each write waits for the broker's
 * acknowledgement, because the input offset is committed right after.
 *
 * <p>Thread safe (the producer is).
 */
final class DeadLetters {

    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;

    DeadLetters(KafkaProducer<String, byte[]> producer, Topics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    void alert(DeadAlert dead) {
        write(topics.alertsDlq().name(), dead.key(),
                topics.alertsDlq().valueSerde().serializer().serialize(topics.alertsDlq().name(), dead));
    }

    void muted(MutedAlert muted) {
        write(topics.muted().name(), muted.key(),
                topics.muted().valueSerde().serializer().serialize(topics.muted().name(), muted));
    }

    void record(ConsumerRecord<String, byte[]> record, String stage, String error, Instant at) {
        DeadLetter letter = DeadLetter.of(record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), stage, error, at);
        write(topics.deadLetters().name(), record.key(),
                topics.deadLetters().valueSerde().serializer().serialize(topics.deadLetters().name(), letter));
    }

    private void write(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing to " + topic, e);
        } catch (ExecutionException e) {
            throw new KafkaException("cannot write to " + topic + ": " + e.getCause(), e.getCause());
        }
    }
}
