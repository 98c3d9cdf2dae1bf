package dev.wirewatch.processing.triage;

import static dev.wirewatch.processing.Fixtures.lightlyEdited;
import static dev.wirewatch.processing.Fixtures.reordered;
import static dev.wirewatch.processing.Fixtures.story;
import static dev.wirewatch.processing.Fixtures.truncated;
import static dev.wirewatch.processing.Fixtures.withChrome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.Duplicate;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.ProcessingMetrics;
import dev.wirewatch.processing.ProcessingTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Near-copies and stories through the whole processing topology, one partition. */
class TriageTopologyTest {

    private static final Instant FETCHED = Instant.parse("2025-07-14T08:00:00Z");
    private final Topics topics = Topics.standard();
    private final ProcessingMetrics metrics = new ProcessingMetrics(new SimpleMeterRegistry());
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> articles;
    private TestOutputTopic<String, Mention> mentions;
    private TestOutputTopic<String, Duplicate> duplicates;
    private TestOutputTopic<String, StoryAssignment> assignments;
    private int fetched;

    private void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "triage-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(ProcessingTopology.build(topics,
                ProcessingSettings.defaults(), metrics), props);
        TestInputTopic<String, TopicDefinition> definitions = driver.createInputTopic(
                topics.topicDefinitions().name(), Serdes.String().serializer(),
                topics.topicDefinitions().valueSerde().serializer());
        definitions.pipeInput("su-35", TopicDefinition.of("su-35", "Su-35 fighter", "\"Su-35\"", null));
        articles = driver.createInputTopic(topics.articles().name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        mentions = driver.createOutputTopic(topics.mentions().name(), Serdes.String().deserializer(),
                topics.mentions().valueSerde().deserializer());
        duplicates = driver.createOutputTopic(topics.duplicates().name(), Serdes.String().deserializer(),
                topics.duplicates().valueSerde().deserializer());
        assignments = driver.createOutputTopic(topics.storyAssignments().name(), Serdes.String().deserializer(),
                topics.storyAssignments().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    /** An article fetched one minute after the previous one. */
    private Article article(String site, String title, String text) {
        return article(site, title, text, FETCHED.plusSeconds(60L * fetched++));
    }

    private static Article article(String site, String title, String text, Instant fetchedAt) {
        String url = "https://" + site + ".example/" + title.hashCode();
        return Article.of(url, url, title, text, site, "https://" + site + ".example/rss", null, "en",
                Instant.parse("2025-07-14T06:00:00Z"), fetchedAt);
    }

    /** Written to Kafka when it was fetched. */
    private void pipe(Article a) {
        articles.pipeInput(a.id(), topics.articles().valueSerde().serializer().serialize("articles", a),
                a.fetchedAt());
    }

    private Map<String, Duplicate> duplicatesById() {
        return duplicates.readValuesToList().stream().collect(Collectors.toMap(Duplicate::duplicateId, d -> d));
    }

    @Test
    void republicationsUnderOtherBoilerplateEditedTruncatedOrReorderedAreDroppedAndAudited() {
        start();
        Article original = article("herald", "Vietnam to buy 40 Su-35s", story("jets-original"));
        List<Article> copies = List.of(
                article("wire", "Vietnam to buy 40 Su-35s", withChrome(story("jets-original"))),
                article("journal", "Hanoi signs for Russian fighters", lightlyEdited(story("jets-original"))),
                article("daily", "Vietnam to buy 40 Su-35s", truncated(story("jets-original"), 0.6)),
                article("review", "Su-35 deal", reordered(story("jets-original"), 3)));
        pipe(original);
        copies.forEach(this::pipe);

        Map<String, Duplicate> audit = duplicatesById();
        assertEquals(copies.size(), audit.size(), audit.toString());
        for (Article copy : copies) {
            Duplicate d = audit.get(copy.id());
            assertEquals(original.id(), d.originalId(), copy.source());
            assertTrue(d.reason().startsWith("near-copy-"), d.reason());
            assertTrue(d.similarity() >= 0.25 && d.similarity() <= 1, String.valueOf(d.similarity()));
        }
        List<Mention> alerts = mentions.readValuesToList();
        assertEquals(1, alerts.size(), "one story, one alert");
        assertEquals(original.id(), alerts.get(0).articleId());
        assertEquals(copies.size(), metrics.duplicatesDropped());
    }

    @Test
    void aRewriteJoinsTheStoryAndAnotherEventOnTheSameSubjectStartsItsOwn() {
        start();
        Article report = article("herald", "Vietnam to buy 40 Su-35s", story("jets-original"));
        Article rewrite = article("times", "Russia set to supply Vietnam with Su-35s", story("jets-rewrite"));
        Article crash = article("wire", "Su-35 crashes in training", story("jets-crash"));
        pipe(report);
        pipe(rewrite);
        pipe(crash);

        assertTrue(duplicates.isEmpty(), "a rewrite and another event are not copies");
        List<Mention> alerts = mentions.readValuesToList();
        assertEquals(List.of(report.id(), crash.id()), alerts.stream().map(Mention::articleId).toList(),
                "the rewrite adds to the report's story instead of alerting");
        assertEquals(List.of(report.id(), crash.id()), alerts.stream().map(Mention::storyId).toList());
    }

    @Test
    void twoEventsPublishedUnderOneSitesChromeAlertSeparately() {
        start();
        Article delivery = article("gazette", "Vietnam to buy 40 Su-35s", withChrome(story("jets-original")));
        Article crash = article("gazette", "Su-35 crashes in training", withChrome(story("jets-crash")));
        pipe(delivery);
        pipe(crash);

        assertTrue(duplicates.isEmpty());
        assertEquals(List.of(delivery.id(), crash.id()),
                mentions.readValuesToList().stream().map(Mention::storyId).toList(),
                "the site's header and footer do not make one story of two events");
    }

    @Test
    void everyDecisionIsPublishedOnStoryAssignmentsKeyedByArticle() {
        start();
        Article report = article("herald", "Vietnam to buy 40 Su-35s", story("jets-original"));
        Article copy = article("wire", "Vietnam to buy 40 Su-35s", withChrome(story("jets-original")));
        Article rewrite = article("times", "Russia set to supply Vietnam with Su-35s", story("jets-rewrite"));
        Article crash = article("wire", "Su-35 crashes in training", story("jets-crash"));
        List.of(report, copy, rewrite, crash).forEach(this::pipe);

        Map<String, StoryAssignment> byId = new HashMap<>();
        assignments.readKeyValuesToList().forEach(kv -> byId.put(kv.key, kv.value));
        assertEquals(4, byId.size(), byId.toString());
        StoryAssignment first = byId.get(report.id());
        assertEquals("new-story", first.rule());
        assertEquals(report.id(), first.storyId());
        assertNull(first.duplicateOf());
        assertEquals(report.url(), first.url());
        assertEquals(report.title(), first.title());
        assertEquals("herald", first.source());
        assertEquals(report.publishedAt(), first.publishedAt());
        assertEquals(report.fetchedAt(), first.decidedAt(), "decided at the record's time, not the wall clock");
        StoryAssignment copied = byId.get(copy.id());
        assertEquals(report.id(), copied.duplicateOf());
        assertEquals(report.id(), copied.storyId());
        assertTrue(copied.rule().startsWith("near-copy-"), copied.rule());
        StoryAssignment joined = byId.get(rewrite.id());
        assertEquals("joined-story", joined.rule());
        assertEquals(report.id(), joined.storyId());
        assertTrue(joined.similarity() >= ProcessingSettings.DEFAULT_STORY_THRESHOLD, joined.toString());
        assertEquals(crash.id(), byId.get(crash.id()).storyId());
    }

    @Test
    void theArticleTriageSeesFirstIsTheOriginalWhateverItsTimestampSays() {
        start();
        Article original = article("herald", "Vietnam to buy 40 Su-35s", story("jets-original"), FETCHED);
        Article copy = article("wire", "Vietnam to buy 40 Su-35s", withChrome(story("jets-original")),
                FETCHED.minusSeconds(30));
        pipe(original);
        pipe(copy); // an older record time, written later: triage order is the order of its input topic

        assertEquals(original.id(), duplicatesById().get(copy.id()).originalId());
        assertEquals(List.of(original.id()), mentions.readValuesToList().stream().map(Mention::articleId).toList());
    }
}
