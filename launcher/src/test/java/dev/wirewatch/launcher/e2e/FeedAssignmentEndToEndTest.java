package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.FeedSettings;
import dev.wirewatch.config.IngestSettings;
import dev.wirewatch.ingest.ArticleSink;
import dev.wirewatch.ingest.IngestService;
import dev.wirewatch.ingest.assign.FeedAssignment;
import dev.wirewatch.ingest.state.IngestState;
import dev.wirewatch.launcher.TopicPublisher;
import dev.wirewatch.launcher.broker.EmbeddedKafka;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.topic.TopicProvisioner;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds on the compacted {@code feeds} topic, split among ingest instances by consumer-group assignment: no feed in
 * two instances, the survivors take over a stopped one's feeds, and feeds added or removed at runtime follow.
 */
class FeedAssignmentEndToEndTest {

    @TempDir
    Path dir;

    private static final ArticleSink DISCARD = new ArticleSink() {
        @Override
        public CompletableFuture<Void> accept(Article article) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Fixed URLs, so that their partitions (by key hash) are the same in every run; they need not answer. */
    private static List<FeedSettings> feeds(int count) {
        return IntStream.range(0, count).mapToObj(i -> new FeedSettings("http://feeds.invalid/f" + i + ".xml",
                "f" + i, Duration.ofHours(1))).toList();
    }

    private static IngestService instance(String bootstrap, Topics topics) {
        IngestService ingest = new IngestService(List.of(), new IngestSettings(true, null, null, null, null, null,
                Duration.ZERO), DISCARD, IngestState.inMemory(), new FeedAssignment(bootstrap, topics.feeds(), topics.deadLetters()),
                new SimpleMeterRegistry(), Clock.systemUTC());
        ingest.start();
        return ingest;
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(90), condition, () -> "");
    }

    private static Set<String> union(Map<String, FeedSettings> a, Map<String, FeedSettings> b) {
        Set<String> all = new HashSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    @Test
    void twoInstancesSplitTheFeedsTheSurvivorTakesOverAndRuntimeChangesFollow() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 4, Duration.ofSeconds(60));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Topics topics = Topics.standard();
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(topics.all(), 4);
            List<FeedSettings> feeds = feeds(12);
            Set<String> urls = new HashSet<>(feeds.stream().map(FeedSettings::url).toList());
            TopicPublisher.publishFeeds(kafka.bootstrapServers(), topics.feeds(), feeds);

            IngestService a = instance(kafka.bootstrapServers(), topics);
            IngestService b = instance(kafka.bootstrapServers(), topics);
            try {
                await("both instances hold feeds and together all of them", () ->
                        !a.activeFeeds().isEmpty() && !b.activeFeeds().isEmpty()
                                && union(a.activeFeeds(), b.activeFeeds()).equals(urls)
                                && a.activeFeeds().size() + b.activeFeeds().size() == urls.size());
                Set<String> both = new HashSet<>(a.activeFeeds().keySet());
                both.retainAll(b.activeFeeds().keySet());
                assertEquals(Set.of(), both, "no feed is polled by two instances");

                TopicPublisher.publishFeeds(kafka.bootstrapServers(), topics.feeds(),
                        List.of(new FeedSettings("http://feeds.invalid/added.xml", "added", Duration.ofHours(1))));
                await("the feed added at runtime is polled", () ->
                        union(a.activeFeeds(), b.activeFeeds()).contains("http://feeds.invalid/added.xml"));
                TopicPublisher.removeFeed(kafka.bootstrapServers(), topics.feeds(), "http://feeds.invalid/f0.xml");
                await("the feed removed at runtime is dropped", () ->
                        !union(a.activeFeeds(), b.activeFeeds()).contains("http://feeds.invalid/f0.xml"));
            } finally {
                a.close();
            }
            try {
                Set<String> expected = new HashSet<>(urls);
                expected.remove("http://feeds.invalid/f0.xml");
                expected.add("http://feeds.invalid/added.xml");
                await("the survivor took every feed over", () -> b.activeFeeds().keySet().equals(expected));
                assertFalse(b.activeFeeds().isEmpty());
                assertTrue(b.activeFeeds().containsKey("http://feeds.invalid/added.xml"));
            } finally {
                b.close();
            }
        }
    }
}
