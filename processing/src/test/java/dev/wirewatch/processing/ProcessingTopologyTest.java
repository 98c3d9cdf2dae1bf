package dev.wirewatch.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.config.TrackedTopic;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.DeadLetter;
import dev.wirewatch.model.Duplicate;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.MentionCount;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessingTopologyTest {

    private static final Instant NOW = Instant.parse("2025-07-15T00:00:00Z");
    private static final List<TrackedTopic> TRACKED = List.of(
            new TrackedTopic("su-35", "Su-35 fighter", "\"Su-35\" OR Su35", null),
            new TrackedTopic("ruble-payments", "Ruble payments", "\"paid in rubles\" OR \"ruble payments\"", null));
    private static final String SU35_TEXT = "Vietnam agreed to buy 40 Su-35 jets from Russia, an official said.";

    private final Topics topics = Topics.standard();
    private final ProcessingMetrics metrics = new ProcessingMetrics(new SimpleMeterRegistry());
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> articles;
    private TestInputTopic<String, TopicDefinition> topicDefinitions;
    private TestOutputTopic<String, MentionCount> counts;
    /** The record time articles are written at: processing's only clock. */
    private Instant recordTime = NOW;
    private TestOutputTopic<String, Mention> mentions;
    private TestOutputTopic<String, Duplicate> duplicates;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "processing-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(ProcessingTopology.build(topics,
                ProcessingSettings.defaults(), metrics), props);
        counts = driver.createOutputTopic(topics.mentionCounts().name(), Serdes.String().deserializer(),
                topics.mentionCounts().valueSerde().deserializer());
        topicDefinitions = driver.createInputTopic(topics.topicDefinitions().name(), Serdes.String().serializer(),
                topics.topicDefinitions().valueSerde().serializer());
        TRACKED.forEach(this::define);
        articles = driver.createInputTopic(topics.articles().name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        mentions = driver.createOutputTopic(topics.mentions().name(), Serdes.String().deserializer(),
                topics.mentions().valueSerde().deserializer());
        duplicates = driver.createOutputTopic(topics.duplicates().name(), Serdes.String().deserializer(),
                topics.duplicates().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(), Serdes.String().deserializer(),
                topics.deadLetters().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static Article article(String url, String title, String text) {
        return Article.of(url, url, title, text, "Site " + url.charAt(8), "https://feeds.example/rss", null, "en",
                Instant.parse("2025-07-14T06:00:00Z"), NOW);
    }

    private void define(TrackedTopic t) {
        topicDefinitions.pipeInput(t.id(), TopicDefinition.of(t.id(), t.name(), t.query(), t.description()));
    }

    private void pipe(Article a) {
        articles.pipeInput(a.id(), topics.articles().valueSerde().serializer().serialize("articles", a),
                recordTime);
    }

    @Test
    void republishedArticleUnderAnotherUrlIsDroppedAsDuplicateAndAudited() {
        Article original = article("https://a.example/su35", "Vietnam buys jets", SU35_TEXT);
        Article republished = article("https://b.example/copy", "Russia to sell Su-35s", SU35_TEXT.toUpperCase());
        pipe(original);
        pipe(republished);

        List<Mention> out = mentions.readValuesToList();
        assertEquals(1, out.size());
        Mention m = out.get(0);
        assertEquals("su-35", m.topicId());
        assertEquals("Su-35 fighter", m.topicName());
        assertEquals(original.id(), m.articleId());
        assertEquals(original.id(), m.storyId());
        assertEquals(original.url(), m.url());
        assertEquals(NOW, m.detectedAt());
        assertTrue(m.snippet().contains("**Su-35**"), m.snippet());

        Duplicate d = duplicates.readValue();
        assertEquals(republished.id(), d.duplicateId());
        assertEquals(original.id(), d.originalId());
        assertEquals("exact-content", d.reason());
        assertTrue(duplicates.isEmpty());
        assertEquals(1, metrics.duplicatesDropped());
    }

    @Test
    void poisonRecordIsDeadLetteredAndTheNextArticleStillFlows() {
        articles.pipeInput("bad-key", "{not json".getBytes(StandardCharsets.UTF_8));
        articles.pipeInput("empty-text", "{\"id\":\"x\",\"url\":\"u\"}".getBytes(StandardCharsets.UTF_8));
        pipe(article("https://a.example/su35", "t", SU35_TEXT));

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertEquals(2, letters.size());
        assertEquals("bad-key", letters.get(0).key());
        assertEquals("{not json", letters.get(0).payloadText());
        assertEquals(topics.articles().name(), letters.get(0).sourceTopic());
        assertEquals("decode-article", letters.get(0).stage());
        assertTrue(letters.get(0).error().startsWith("not a valid Article"), letters.get(0).error());
        assertEquals(1, mentions.readValuesToList().size());
    }

    @Test
    void articleMentioningTwoTopicsYieldsOneMentionPerTopic() {
        pipe(article("https://a.example/both", "t", SU35_TEXT + " Debts will be paid in rubles."));
        assertEquals(List.of("su-35", "ruble-payments"), mentions.readValuesToList().stream()
                .map(Mention::topicId).sorted((a, b) -> b.compareTo(a)).toList());
    }

    @Test
    void theSameArticleIngestedTwiceAlertsOnce() {
        Article a = article("https://a.example/su35", "t", SU35_TEXT);
        pipe(a);
        pipe(a);
        assertEquals(1, mentions.readValuesToList().size());
        assertTrue(duplicates.isEmpty());
    }

    @Test
    void nearMissesAndUnrelatedArticlesProduceNothing() {
        pipe(article("https://a.example/su30", "Su-30 overhaul", "The Su-30 fleet will be overhauled."));
        pipe(article("https://a.example/fx", "Rouble slides", "The rouble slid 3% on Tuesday."));
        assertTrue(mentions.isEmpty());
        assertTrue(duplicates.isEmpty());
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void topicAddedAtRuntimeIsBackfilledOverRetainedArticles() {
        topicDefinitions.pipeInput("ruble-payments", null);
        Article rubles = article("https://a.example/rubles", "Debts", "Arms debts will be paid in rubles.");
        pipe(rubles);
        assertTrue(mentions.isEmpty(), "no such topic yet");

        define(new TrackedTopic("ruble-payments", "Ruble payments", "\"paid in rubles\"", null));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        Mention backfilled = mentions.readValue();
        assertEquals("ruble-payments", backfilled.topicId());
        assertEquals(rubles.id(), backfilled.articleId());
        assertTrue(backfilled.backfill());
        assertTrue(mentions.isEmpty());

        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertTrue(mentions.isEmpty(), "a topic is backfilled once");
    }

    @Test
    void removedTopicStopsMatchingAndAnEditedQueryTakesEffect() {
        topicDefinitions.pipeInput("su-35", null);
        pipe(article("https://a.example/su35", "t", SU35_TEXT));
        assertTrue(mentions.isEmpty());

        define(new TrackedTopic("ruble-payments", "Ruble payments", "Sukhoi", null));
        pipe(article("https://a.example/sukhoi", "t", "A Sukhoi jet landed."));
        Mention edited = mentions.readValue();
        assertEquals("ruble-payments", edited.topicId());
        assertEquals(false, edited.backfill());
    }

    @Test
    void everyMentionCandidateUpdatesTheCountTopic() {
        Article a = article("https://a.example/su35", "t", SU35_TEXT);
        pipe(a);
        pipe(a);
        List<MentionCount> updates = counts.readValuesToList();
        assertEquals(2, updates.size());
        assertEquals("su-35/" + a.id(), updates.get(1).key());
        assertEquals(1, updates.get(1).articles(), "the same article again is not a second article");
        assertEquals(1, mentions.readValuesToList().size());
    }

    @Test
    void aStoryForgottenAfterTheRetentionAlertsAgain() {
        Article a = article("https://a.example/su35", "t", SU35_TEXT);
        pipe(a);
        assertEquals(1, mentions.readValuesToList().size());
        recordTime = recordTime.plus(ProcessingSettings.DEFAULT_STORY_RETENTION.plusDays(1));
        pipe(a);
        assertEquals(1, mentions.readValuesToList().size(), "the (topic, story) state expired");
    }
}
