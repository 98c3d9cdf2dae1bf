package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.launcher.broker.EmbeddedKafka;
import dev.wirewatch.launcher.demo.DemoCorpus;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.launcher.support.TopicReader;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.topic.TopicProvisioner;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.ProcessingService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same corpus through the processing topology on a real broker with 1 and with 4 partitions gets the same
 * near-copy and story decisions (read from the story-assignments topic, as any consumer would); a restart without
 * local state restores triage from its changelogs.
 */
class TriagePartitionsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Instant START = Instant.parse("2025-07-14T06:00:00Z");

    @TempDir
    Path dir;

    /** Every demo text once, then copies under chrome, truncated, and the fixtures' rewrite and crash stories. */
    private static List<Article> corpus() {
        DemoCorpus demo = DemoCorpus.load();
        List<String> names = List.of("su35-report", "su35-report-edited", "su35-rewrite", "c130-report",
                "c130-report-edited", "c130-rewrite", "ruble-report", "ruble-report-edited", "ruble-rewrite",
                "su30-overhaul", "rouble-slide", "highway-c1300", "hanoi-heatwave", "robusta-prices", "cup-final",
                "metro-line", "rice-harvest", "startup-funding");
        List<Article> corpus = new ArrayList<>();
        for (String name : names) {
            DemoCorpus.Text text = demo.text(name);
            corpus.add(article("origin", name, text.headline(), String.join("\n\n", text.paragraphs())));
        }
        String chrome = fixture("site-chrome");
        for (String name : List.of("su35-report", "ruble-report", "cup-final", "c130-rewrite")) {
            DemoCorpus.Text text = demo.text(name);
            String body = String.join("\n\n", text.paragraphs());
            corpus.add(article("mirror", name, text.headline(), chrome + "\n\n" + body + "\n\n" + chrome));
            String[] words = body.split(" ");
            corpus.add(article("digest", name, null, String.join(" ", Arrays.copyOf(words, words.length * 6 / 10))
                    + "\n\nContinue reading"));
        }
        corpus.add(article("herald", "jets", "Vietnam to buy 40 Su-35s", fixture("jets-original")));
        corpus.add(article("times", "jets", "Russia set to supply Vietnam", fixture("jets-rewrite")));
        corpus.add(article("wire", "crash", "Su-35 crashes in training", fixture("jets-crash")));
        return corpus;
    }

    private static Article article(String site, String slug, String title, String text) {
        String url = "https://" + site + ".example/" + slug;
        return Article.of(url, url, title, text, site, "https://" + site + ".example/rss", null, "en", START,
                START);
    }

    private static String fixture(String name) {
        try (InputStream in = TriagePartitionsEndToEndTest.class.getResourceAsStream("/triage/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oneAndFourPartitionsDecideAlikeAndARestartWithoutLocalStateForgetsNothing() throws Exception {
        List<Article> corpus = corpus();
        Map<String, String> single = run(dir.resolve("one"), 1, corpus, false);
        Map<String, String> four = run(dir.resolve("four"), 4, corpus, true);

        assertEquals(single, four);
        long copies = single.values().stream().filter(v -> !v.startsWith("original")).count();
        assertEquals(11, copies, single.toString()); // 3 edited, 4 under chrome, 4 truncated
        // no topic is tracked here, so nothing is embedded (processing.embedding.scope: matching): words decide
        String report = corpus.get(corpus.size() - 3).id();
        assertEquals("original in story " + report, single.get(corpus.get(corpus.size() - 2).id()),
                "the rewrite joins the report's story");
        String crash = corpus.get(corpus.size() - 1).id();
        assertEquals("original in story " + crash, single.get(crash), "another event starts its own story");
    }

    /**
     * Runs the corpus through processing, one article at a time (each written once the one before is decided, so
     * the triage order is the corpus order whatever the partitions); id → "copy of X in story S" or
     * "original in story S".
     */
    private static Map<String, String> run(Path dir, int partitions, List<Article> corpus, boolean restart)
            throws Exception {
        Topics topics = Topics.standard();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), partitions, Duration.ofSeconds(60));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     kafka.bootstrapServers()));
             TopicReader<StoryAssignment> assignments =
                     TopicReader.of(kafka.bootstrapServers(), topics.storyAssignments());
             KafkaProducer<String, Article> producer = producer(kafka.bootstrapServers(), topics)) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(topics.all(), partitions);
            Map<String, String> decided = new TreeMap<>();
            try (ProcessingService processing = start(kafka, dir)) {
                for (Article a : corpus) {
                    decided.put(a.id(), decide(producer, topics, assignments, a));
                }
            }
            if (restart) {
                deleteRecursively(dir.resolve("streams"));
                try (ProcessingService processing = start(kafka, dir)) {
                    Article late = article("late", "copy", null, corpus.get(0).text() + "\n\nShare this story");
                    assertEquals("copy of " + corpus.get(0).id() + " in story " + corpus.get(0).id(),
                            decide(producer, topics, assignments, late), "triage was restored from its changelogs");
                }
            }
            return decided;
        }
    }

    private static ProcessingService start(EmbeddedKafka kafka, Path dir) throws Exception {
        ProcessingService processing = new ProcessingService(kafka.bootstrapServers(), dir.resolve("streams"),
                Topics.standard(), ProcessingSettings.defaults(), new SimpleMeterRegistry());
        processing.start(Duration.ofSeconds(60));
        return processing;
    }

    private static KafkaProducer<String, Article> producer(String bootstrap, Topics topics) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), topics.articles().valueSerde().serializer());
    }

    /** Writes {@code a} (keyed by id, so to its partition) and waits for its decision. */
    private static String decide(KafkaProducer<String, Article> producer, Topics topics,
                                 TopicReader<StoryAssignment> assignments, Article a) throws Exception {
        producer.send(new ProducerRecord<>(topics.articles().name(), a.id(), a)).get();
        Map<String, StoryAssignment> byId = new HashMap<>();
        Await.until("article " + a.id() + " is decided", WAIT, () -> {
            assignments.poll().forEach(r -> byId.put(r.key(), r.value()));
            return byId.containsKey(a.id());
        }, () -> "decided: " + byId.keySet());
        StoryAssignment d = byId.get(a.id());
        return (d.isCopy() ? "copy of " + d.duplicateOf() : "original") + " in story " + d.storyId();
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
