package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.DeskSettings;
import dev.wirewatch.config.KafkaSettings;
import dev.wirewatch.config.MetricsSettings;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.desk.auth.PasswordHashes;
import dev.wirewatch.launcher.Pipeline;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.launcher.support.Browser;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.DeliveryRecord;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.model.topic.Topic;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Titles, snippets, feed names and topic descriptions come from the web or from other people: the desk renders them
 * as text in a real Chromium, never as markup or script, neutralizes a {@code javascript:} link, and steps over a
 * record it cannot read.
 */
class DeskHostileInputEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TITLE = "<img src=x onerror=\"window.pwned=1\">Su-35 <script>window.pwned=2</script>";
    static final String TEXT = "Officials said the Su-35 <b onmouseover=\"window.pwned=3\">deal</b> closed.";

    @TempDir
    Path dataDir;

    @Test
    void aHostileHeadlineSnippetAndFeedNameRenderAsTextAndAnUnreadableRecordIsSkipped() throws Exception {
        WirewatchConfig config = new WirewatchConfig(new KafkaSettings(null, dataDir.toString(), 1), null, null,
                null, null, new MetricsSettings(-1, null), null, DeskSettings.defaults().withPort(0)
                .withUser(new DeskSettings.User("ed", "editor", PasswordHashes.hash("ed password 1"))));
        try (Pipeline pipeline = Pipeline.start(config, EnumSet.of(Pipeline.Service.DESK),
                new SimpleMeterRegistry(), Clock.systemUTC());
             Browser browser = Browser.start()) {
            publishHostileStory(pipeline.bootstrapServers());
            String desk = "http://127.0.0.1:" + pipeline.deskPort() + "/";
            browser.signIn(desk, "ed", "ed password 1");
            Await.until("the hostile story is on the desk", WAIT, () -> {
                browser.open(desk);
                return browser.all("#stories tr.story").size() == 1;
            }, () -> browser.text("#stories"));

            assertEquals(TITLE, browser.text("#stories .headline a"), "the headline is shown as its text");
            assertTrue(browser.all("#stories img, #stories script").isEmpty(), "no markup from the title");
            assertNull(browser.script("return window.pwned"), "no script from the title ran");

            browser.clickAndAwaitNewPage("#stories .headline a");
            Await.until("the story page", WAIT, () -> !browser.all("table.members").isEmpty(),
                    () -> browser.driver().getCurrentUrl());
            assertEquals(TITLE, browser.text("h1.headline"));
            assertEquals("#", browser.find("table.members td a").getDomAttribute("href"),
                    "a javascript: link is not linked");
            assertNull(browser.script("return window.pwned"));

            browser.open(desk + "search?q=" + java.net.URLEncoder.encode("Su-35", StandardCharsets.UTF_8));
            assertTrue(browser.text(".hits .snippet").contains("<b onmouseover=\"window.pwned=3\">deal</b>"),
                    browser.text(".hits .snippet"));
            assertEquals("Su-35", browser.text(".hits .snippet mark"));
            assertTrue(browser.all(".hits .snippet b").isEmpty());

            browser.open(desk + "feeds");
            assertEquals("<script>window.pwned=4</script>", browser.text("tr.feed td"));
            browser.open(desk + "topics");
            assertTrue(browser.text("tr.topic").contains("\"><svg onload=window.pwned=5>"));
            assertTrue(browser.all("tr.topic svg").isEmpty());
            assertNull(browser.script("return window.pwned"));
        }
    }

    private static void publishHostileStory(String bootstrap) throws Exception {
        Topics topics = Topics.standard();
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        Article article = Article.of("javascript:window.pwned=6", "https://hostile.example/a", TITLE, TEXT,
                "Hostile <i>Times</i>", null, null, "en", at, at);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.storyAssignments().name(), "garbage",
                    "{not json".getBytes(StandardCharsets.UTF_8))).get();
            send(producer, topics.articles(), article.id(), article);
            send(producer, topics.storyAssignments(), article.id(), new StoryAssignment(1, article.id(),
                    article.id(), null, 0, "new-story", at, article.url(), TITLE, article.source(), at));
            send(producer, topics.mentions(), "su-35/" + article.id(), new Mention(1, "su-35", "Su-35", article.id(),
                    article.id(), article.url(), TITLE, article.source(), "the **Su-35**", List.of("Su-35"), at, at,
                    false));
            send(producer, topics.alertLedger(), "file/su-35/" + article.id(), new DeliveryRecord(1, "file",
                    "su-35", article.id(), at.plusSeconds(1)));
            send(producer, topics.feeds(), "https://hostile.example/feed", FeedDefinition.of(
                    "https://hostile.example/feed", "<script>window.pwned=4</script>", null));
            send(producer, topics.topicDefinitions(), "su-35", TopicDefinition.of("su-35", "Su-35", "Su-35",
                    "\"><svg onload=window.pwned=5>"));
        }
    }

    private static <V> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic, String key, V value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer()
                .serialize(topic.name(), value))).get();
    }
}
