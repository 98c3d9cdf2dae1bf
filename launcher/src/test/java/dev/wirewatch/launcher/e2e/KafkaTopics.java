package dev.wirewatch.launcher.e2e;

import dev.wirewatch.model.DeadLetter;
import dev.wirewatch.model.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what a test run left in Wirewatch's topics. */
final class KafkaTopics {

    private KafkaTopics() {
    }

    /** The committed dead letters, polling until {@code expected} arrived or 30 seconds passed. */
    static List<DeadLetter> deadLetters(String bootstrap, int expected) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                Topics.standard().deadLetters().valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.standard().deadLetters().name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (letters.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(r.value()));
            }
        }
        return letters;
    }
}
