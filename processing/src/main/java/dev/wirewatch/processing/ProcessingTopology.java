package dev.wirewatch.processing;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.Duplicate;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.json.JsonSerde;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.decode.DecodeProcessor;
import dev.wirewatch.processing.decode.Decoded;
import dev.wirewatch.processing.match.MatchProcessor;
import dev.wirewatch.processing.match.MatchedArticle;
import dev.wirewatch.processing.match.TopicDefinitionUpdater;
import dev.wirewatch.processing.mention.MentionOutcome;
import dev.wirewatch.processing.mention.MentionTally;
import dev.wirewatch.processing.story.StoryMethod;
import dev.wirewatch.processing.story.StoryMethods;
import dev.wirewatch.processing.triage.Decision;
import dev.wirewatch.processing.triage.FeatureExtractor;
import dev.wirewatch.processing.triage.ArticleFeatures;
import dev.wirewatch.processing.triage.RetainedSerde;
import dev.wirewatch.processing.triage.TriageItem;
import dev.wirewatch.processing.triage.TriageItemSerde;
import dev.wirewatch.processing.triage.TriageOutcome;
import dev.wirewatch.processing.triage.TriageProcessor;
import dev.wirewatch.processing.triage.TriageSettings;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The processing pipeline. In the articles' own partitions, in parallel: decode → compute features (content hash,
 * MinHash, the story method's features) → match topics. Then, in one ordered place (a one-partition repartition
 * topic, so one task): triage decides copy, story and first mention per (topic, story), and its decisions fan out
 * to {@code story-assignments}, {@code duplicates}, {@code mentions} and {@code mention-counts}.
 *
 * <p>A pure function of its arguments; {@code main} only runs what {@link #build} returns and tests drive the same
 * topology. Processor, store and repartition names are part of the upgrade contract: renaming one loses its state.
 */
public final class ProcessingTopology {

    /** The one-partition repartition topic (suffix) that orders every article for triage. */
    public static final String TRIAGE_INPUT = "triage-input";
    /** Per match task: article id → article, kept for the backfill window. */
    public static final String RECENT_ARTICLE_STORE = "recent-articles";
    /** Per match task: topic id → the query its retained articles were last matched against. */
    public static final String APPLIED_TOPIC_STORE = "applied-topics";
    /** Global: topic id → definition, from the compacted topics topic. */
    public static final String TOPIC_DEFINITION_STORE = "topic-definitions";
    /** Triage's window stores. */
    public static final TriageProcessor.StoreNames TRIAGE_STORES = new TriageProcessor.StoreNames(
            "triage-content-hashes", "triage-band-buckets", "triage-articles",
            "triage-term-sets", "triage-epoch-counts", "triage-fingerprint-sets", "mention-tallies");

    private static final TriageItemSerde ITEM_SERDE = new TriageItemSerde();

    private ProcessingTopology() {
    }

    /** The topology with this build's story method ({@link StoryMethods#standard}). */
    public static Topology build(Topics topics, ProcessingSettings settings, ProcessingMetrics metrics) {
        return build(topics, settings, metrics, StoryMethods.standard(settings));
    }

    /** The topology with {@code method} deciding stories: what swapping the story method changes, and nothing else. */
    public static Topology build(Topics topics, ProcessingSettings settings, ProcessingMetrics metrics,
                                 StoryMethod<?, ?> method) {
        TriageSettings triage = TriageSettings.from(settings);
        StreamsBuilder builder = new StreamsBuilder();
        AtomicLong topicsVersion = addStores(builder, topics, settings, triage);

        KStream<String, Article> articles = decode(builder, topics, metrics);
        KStream<String, TriageItem> items = computeFeatures(matchTopics(articles, settings, topicsVersion, metrics),
                triage, method, metrics);
        KStream<String, TriageOutcome> decided = triage(items, triage, method, metrics);
        publishAssignments(decided, topics);
        auditCopies(decided, topics);
        mentionOncePerStory(decided, topics, metrics);
        return builder.build();
    }

    /** Articles that decode; the others go to the dead-letter topic. */
    private static KStream<String, Article> decode(StreamsBuilder builder, Topics topics, ProcessingMetrics metrics) {
        KStream<String, Decoded> decoded = builder
                .stream(topics.articles().name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-articles"))
                .processValues(() -> new DecodeProcessor(metrics::deadLettered), Named.as("decode-article"));
        decoded.filter((key, d) -> d.failed(), Named.as("undecodable"))
                .mapValues(Decoded::deadLetter, Named.as("as-dead-letter"))
                .to(topics.deadLetters().name(), Produced.with(Serdes.String(), topics.deadLetters().valueSerde())
                        .withName("write-dead-letters"));
        return decoded.filterNot((key, d) -> d.failed(), Named.as("decodable"))
                .mapValues(d -> countIn(d.article(), metrics), Named.as("as-article"));
    }

    /** Matches the tracked topics, in the article's partition; backfills topics changed at runtime. */
    private static KStream<String, MatchedArticle> matchTopics(KStream<String, Article> articles,
                                                               ProcessingSettings settings, AtomicLong topicsVersion,
                                                               ProcessingMetrics metrics) {
        MatchProcessor.Stores stores = new MatchProcessor.Stores(TOPIC_DEFINITION_STORE, RECENT_ARTICLE_STORE,
                APPLIED_TOPIC_STORE);
        Timer timer = metrics.step("match-topics");
        return articles.process(() -> new MatchProcessor(stores, settings.backfillWindow(), topicsVersion, timer),
                Named.as("match-topics"), RECENT_ARTICLE_STORE, APPLIED_TOPIC_STORE);
    }

    /**
     * The expensive per-article work, also in the article's partition: content hash, MinHash, story features (after
     * matching, so that a story method may keep its costly signals for articles whose story can alert).
     */
    private static KStream<String, TriageItem> computeFeatures(KStream<String, MatchedArticle> matched,
                                                               TriageSettings triage, StoryMethod<?, ?> method,
                                                               ProcessingMetrics metrics) {
        FeatureExtractor extractor = new FeatureExtractor(triage.duplicates(), method);
        Timer timer = metrics.step("compute-features");
        return matched.mapValues(m -> {
            Article a = m.article();
            ArticleFeatures features = m.backfill() ? null : timer.record(() -> extractor.features(a.contentHash(),
                    a.title(), a.text(), !m.hits().isEmpty()));
            return new TriageItem(TriageItem.SCHEMA_VERSION, a.id(), a.url(), a.title(), a.source(),
                    a.publishedAt(), features, m.hits());
        }, Named.as("compute-features"));
    }

    /** The single writer: every item through one partition, in offset order, decided by one task. */
    private static KStream<String, TriageOutcome> triage(KStream<String, TriageItem> items, TriageSettings triage,
                                                         StoryMethod<?, ?> method, ProcessingMetrics metrics) {
        return items
                .repartition(Repartitioned.with(Serdes.String(), ITEM_SERDE).withName(TRIAGE_INPUT)
                        .withNumberOfPartitions(1))
                .process(() -> new TriageProcessor(triage, method, TRIAGE_STORES, metrics.step("triage"),
                                metrics.triageProblems()),
                        Named.as("triage"),
                        TRIAGE_STORES.contentHashes(), TRIAGE_STORES.bands(),
                        TRIAGE_STORES.articles(), TRIAGE_STORES.termSets(), TRIAGE_STORES.epochCounts(),
                        TRIAGE_STORES.fingerprintSets(), TRIAGE_STORES.tallies())
                .peek((id, outcome) -> count(outcome, metrics), Named.as("count-decisions"));
    }

    /** Every decision on the compacted story-assignments topic, keyed by article id. */
    private static void publishAssignments(KStream<String, TriageOutcome> decided, Topics topics) {
        decided.filter((id, o) -> o.decidedNow(), Named.as("decided-now"))
                .mapValues(ProcessingTopology::assignment, Named.as("as-story-assignment"))
                .to(topics.storyAssignments().name(), Produced.with(Serdes.String(),
                        topics.storyAssignments().valueSerde()).withName("write-story-assignments"));
    }

    /** Copies, exact or near, are audited on the duplicates topic. */
    private static void auditCopies(KStream<String, TriageOutcome> decided, Topics topics) {
        decided.filter((id, o) -> o.decidedNow() && o.decision().isCopy(), Named.as("copies"))
                .mapValues(ProcessingTopology::duplicate, Named.as("as-duplicate"))
                .to(topics.duplicates().name(), Produced.with(Serdes.String(), topics.duplicates().valueSerde())
                        .withName("write-duplicates"));
    }

    /** The first mention of each (topic, story) goes on to alerts; every one updates the count. */
    private static void mentionOncePerStory(KStream<String, TriageOutcome> decided, Topics topics,
                                            ProcessingMetrics metrics) {
        KStream<String, MentionOutcome> outcomes = decided
                .flatMap((id, o) -> o.mentions().stream().map(m -> KeyValue.pair(m.count().key(), m)).toList(),
                        Named.as("mention-outcomes"))
                .peek((key, m) -> metrics.mention(m), Named.as("count-mentions"));
        outcomes.filter((key, m) -> m.first() != null, Named.as("only-first-mentions"))
                .mapValues(MentionOutcome::first, Named.as("as-mention"))
                .to(topics.mentions().name(), Produced.with(Serdes.String(), topics.mentions().valueSerde())
                        .withName("write-mentions"));
        outcomes.mapValues(MentionOutcome::count, Named.as("as-mention-count"))
                .to(topics.mentionCounts().name(), Produced.with(Serdes.String(), topics.mentionCounts().valueSerde())
                        .withName("write-mention-counts"));
    }

    /**
     * Registers the state stores, and the global store of topic definitions fed by the {@code topics} topic.
     *
     * @return the counter the global store bumps on every topic change, watched by the match tasks
     */
    private static AtomicLong addStores(StreamsBuilder builder, Topics topics, ProcessingSettings settings,
                                        TriageSettings triage) {
        Duration instant = Duration.ofMillis(1); // entries are filed at a point in time, not over a window
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(RECENT_ARTICLE_STORE,
                settings.backfillWindow(), instant, false), Serdes.String(), topics.articles().valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(APPLIED_TOPIC_STORE),
                Serdes.String(), Serdes.String()));
        Duration retention = triage.retention();
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(TRIAGE_STORES.contentHashes(),
                retention, instant, false), Serdes.String(), Serdes.String()));
        // The posting stores' keys stay Longs: PostingsRocksDBConfig makes their 8 bytes RocksDB's prefix
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(TRIAGE_STORES.bands(),
                retention, instant, true), Serdes.Long(), Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(TRIAGE_STORES.articles(),
                retention, instant, false), Serdes.Long(), new RetainedSerde()));
        // Duplicates retained (here and for the epoch counts and fingerprint sets): every article (or chunk) is one
        // more entry under its epoch's key, so an epoch is one range read
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(TRIAGE_STORES.termSets(),
                TriageProcessor.oneEpoch(retention), instant, true), Serdes.Long(), Serdes.ByteArray()));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(TRIAGE_STORES.epochCounts(),
                TriageProcessor.twoEpochs(retention), instant, true), Serdes.Long(), Serdes.ByteArray()));
        Duration fingerprintSets = TriageProcessor.twoEpochs(triage.storyWindow());
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(TRIAGE_STORES.fingerprintSets(),
                fingerprintSets, instant, true), Serdes.Long(), Serdes.ByteArray()));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(TRIAGE_STORES.tallies(),
                triage.storyRetention(), instant, false), Serdes.String(), new JsonSerde<>(MentionTally.class)));
        AtomicLong topicsVersion = new AtomicLong();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TOPIC_DEFINITION_STORE),
                        Serdes.String(), topics.topicDefinitions().valueSerde()).withLoggingDisabled(),
                topics.topicDefinitions().name(),
                Consumed.with(Serdes.String(), topics.topicDefinitions().valueSerde()).withName("read-topics"),
                () -> new TopicDefinitionUpdater(TOPIC_DEFINITION_STORE, topicsVersion));
        return topicsVersion;
    }

    private static StoryAssignment assignment(TriageOutcome o) {
        Decision d = o.decision();
        TriageItem item = o.item();
        double similarity = d.isCopy() ? Math.min(1, d.similarity()) : d.storySimilarity();
        return new StoryAssignment(StoryAssignment.SCHEMA_VERSION, d.articleId(), d.storyId(), d.duplicateOf(),
                similarity, d.rule(), Instant.ofEpochMilli(d.timestamp()), item.url(), item.title(), item.source(),
                item.publishedAt());
    }

    private static Duplicate duplicate(TriageOutcome o) {
        Decision d = o.decision();
        return new Duplicate(Duplicate.SCHEMA_VERSION, d.articleId(), o.item().url(), d.duplicateOf(),
                Math.min(1, d.similarity()), d.rule(), Instant.ofEpochMilli(d.timestamp()));
    }

    private static void count(TriageOutcome outcome, ProcessingMetrics metrics) {
        if (outcome.decidedNow()) {
            metrics.decided(outcome.decision());
        }
    }

    private static Article countIn(Article article, ProcessingMetrics metrics) {
        metrics.articleIn();
        return article;
    }
}
