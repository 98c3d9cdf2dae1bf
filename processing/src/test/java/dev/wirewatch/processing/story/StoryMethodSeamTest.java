package dev.wirewatch.processing.story;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.ProcessingMetrics;
import dev.wirewatch.processing.ProcessingTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * A second story method, written here in one class and handed to the topology in one argument, decides the
 * stories: its features are computed upstream, travel in its own encoding, its candidate keys and pair score and
 * its corpus statistics are used by triage, and nothing else changes.
 */
class StoryMethodSeamTest {

    /** Articles whose headlines start with the same word are one story; statistics count headlines per word. */
    static final class FirstWordMethod implements StoryMethod<String, long[]> {

        @Override
        public String name() {
            return "first-word";
        }

        @Override
        public String features(String title, String text) {
            return title == null ? "" : title.split(" ")[0].toLowerCase();
        }

        @Override
        public long[] admit(String word, DocumentFrequencies statistics, long timestamp) {
            long key = TermVector.key(word);
            return new long[] {key, statistics.add(new long[] {key}, timestamp)[0]};
        }

        @Override
        public long[] candidateKeys(long[] profile) {
            return new long[] {profile[0]};
        }

        @Override
        public double similarity(long[] article, long[] earlier) {
            return article[0] == earlier[0] ? 1 : 0;
        }

        @Override
        public double threshold() {
            return 1;
        }

        @Override
        public byte[] encodeFeatures(String word) {
            return word.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decodeFeatures(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public byte[] encodeProfile(long[] profile) {
            return ByteBuffer.allocate(16).putLong(profile[0]).putLong(profile[1]).array();
        }

        @Override
        public long[] decodeProfile(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            return new long[] {in.getLong(), in.getLong()};
        }
    }

    @Test
    void anotherMethodPluggedIntoTheTopologyDecidesTheStories() {
        Topics topics = Topics.standard();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "seam-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(ProcessingTopology.build(topics,
                ProcessingSettings.defaults(), new ProcessingMetrics(new SimpleMeterRegistry()),
                new FirstWordMethod()), props)) {
            TestInputTopic<String, byte[]> articles = driver.createInputTopic(topics.articles().name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            List<Article> in = List.of(
                    article("a", "Harbour reopens after the storm", "Ships are back in the port of the city."),
                    article("b", "Vote count delayed in the north", "Officials said ballots arrive late."),
                    article("c", "Harbour fees rise for cargo", "Shipping lines will pay more from June."));
            in.forEach(a -> articles.pipeInput(a.id(), topics.articles().valueSerde().serializer()
                    .serialize("articles", a), a.fetchedAt()));

            Map<String, String> storyOf = new HashMap<>();
            driver.createOutputTopic(topics.storyAssignments().name(), Serdes.String().deserializer(),
                    topics.storyAssignments().valueSerde().deserializer()).readValuesToList()
                    .forEach(s -> storyOf.put(s.articleId(), s.storyId()));
            assertEquals(Map.of(in.get(0).id(), in.get(0).id(), in.get(1).id(), in.get(1).id(),
                    in.get(2).id(), in.get(0).id()), storyOf, "unrelated texts, one story by the method's rule");
        }
    }

    private static Article article(String slug, String title, String text) {
        String url = "https://news.example/" + slug;
        Instant at = Instant.parse("2026-11-30T06:00:00Z");
        return Article.of(url, url, title, text, "news", "https://news.example/rss", null, "en", at, at);
    }
}
