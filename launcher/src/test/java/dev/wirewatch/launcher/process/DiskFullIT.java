package dev.wirewatch.launcher.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.model.topic.TopicProvisioner;
import dev.wirewatch.model.topic.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory's disk fills up under a running broker ({@code wirewatch broker}, its own JVM, on a small tmpfs
 * mounted for the test): writes fail and are reported as failed, a restart while the disk is still full is refused
 * with a clear error, and once space returns the broker comes back with every acknowledged record readable and
 * intact. Needs root to mount the tmpfs; skipped where that is not possible.
 */
class DiskFullIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int RECORD_BYTES = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsWritesVisiblyRefusesARestartAndLosesNothingAcknowledged() throws Exception {
        Path disk = dir.resolve("disk");
        Files.createDirectories(disk);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=192m", "tmpfs", disk.toString()) == 0,
                "cannot mount a small tmpfs here (needs root)");
        PackagedJar broker = null;
        PackagedJar restarted = null;
        try {
            Path data = disk.resolve("broker");
            broker = broker(data, 0);
            String bootstrap = broker.brokerAddress(WAIT);
            Topics topics = Topics.standard();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(topics.articles()), 1);
            }
            Path filler = disk.resolve("filler");
            fillLeaving(filler, 6L * 1024 * 1024);

            Set<String> acked = ConcurrentHashMap.newKeySet();
            Set<String> failed = ConcurrentHashMap.newKeySet();
            try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
                for (int i = 0; i < 400; i++) {
                    String key = "a" + i;
                    producer.send(new ProducerRecord<>(topics.articles().name(), key, payload(i)), (m, e) -> {
                        (e == null ? acked : failed).add(key);
                    });
                }
                producer.flush();
            }
            assertFalse(acked.isEmpty(), "some records were written before the disk filled");
            assertFalse(failed.isEmpty(), "the rest were reported failed, not silently dropped");
            PackagedJar full = broker;
            Await.until("the broker stops serving its full log directory", WAIT, () -> !full.process().isAlive()
                    || full.output().stream().anyMatch(l -> l.contains("No space left") || l.contains("offline")),
                    full::tail);
            broker.process().destroyForcibly();
            assertTrue(broker.process().waitFor(30, TimeUnit.SECONDS));

            PackagedJar refused = broker(data, 64);
            assertEquals(1, refused.process().waitFor(60, TimeUnit.SECONDS) ? refused.process().exitValue() : -1);
            Await.until("the refusal says why", WAIT, () -> String.join("\n", refused.output())
                    .contains("MB free, less than kafka.minFreeDiskMb"), refused::tail);

            Files.delete(filler); // space returns
            restarted = broker(data, 64);
            assertEquals(bootstrap, restarted.brokerAddress(WAIT));
            Map<String, byte[]> read = readAll(bootstrap, topics.articles().name());
            assertTrue(read.keySet().containsAll(acked), "every acknowledged record is there: missing "
                    + acked.stream().filter(k -> !read.containsKey(k)).toList());
            for (String key : acked) {
                assertTrue(java.util.Arrays.equals(payload(Integer.parseInt(key.substring(1))), read.get(key)),
                        "intact: " + key);
            }
            System.out.printf("fault: disk full under the broker: %d records acknowledged, %d reported failed; "
                    + "restart refused while full; after space returned all %d acknowledged records read back "
                    + "intact%n", acked.size(), failed.size(), acked.size());
        } finally {
            if (broker != null) {
                broker.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            if (restarted != null) {
                restarted.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            run("umount", "-l", disk.toString());
        }
    }

    private static byte[] payload(int i) {
        byte[] bytes = new byte[RECORD_BYTES];
        new java.util.Random(i).nextBytes(bytes); // incompressible: the disk fills as the test expects
        return bytes;
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static Map<String, byte[]> readAll(String bootstrap, String topic) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Map<String, byte[]> read = new java.util.HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts, Duration.ofSeconds(60));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (parts.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    read.put(r.key(), r.value());
                }
            }
        }
        return read;
    }

    /** Writes {@code file} until the disk has about {@code leave} bytes free. */
    private static void fillLeaving(Path file, long leave) throws IOException {
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (Files.getFileStore(file).getUsableSpace() > leave + block.length) {
                out.write(block);
            }
        }
    }

    private static PackagedJar broker(Path data, int minFreeMb) throws IOException {
        return PackagedJar.broker(data, 1, "--min-free-disk-mb", String.valueOf(minFreeMb));
    }


    private static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
