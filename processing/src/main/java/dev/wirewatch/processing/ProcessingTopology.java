package dev.wirewatch.processing;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.Duplicate;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.decode.DecodeProcessor;
import dev.wirewatch.processing.decode.Decoded;
import dev.wirewatch.processing.dedup.DedupProcessor;
import dev.wirewatch.processing.dedup.Screened;
import dev.wirewatch.model.json.JsonSerde;
import dev.wirewatch.processing.match.MatchProcessor;
import dev.wirewatch.processing.match.TopicDefinitionUpdater;
import dev.wirewatch.processing.mention.FirstMentionProcessor;
import dev.wirewatch.processing.mention.MentionOutcome;
import dev.wirewatch.processing.mention.MentionTally;
import dev.wirewatch.processing.story.StoriedArticle;
import dev.wirewatch.processing.story.StoryAssigner;
import java.time.Clock;
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
 * The processing pipeline: decode → drop exact copies → assign story → match topics → first mention per story
 * (later ones only counted).
 * Topics come from the compacted {@code topics} topic (a global store), so they can change while it runs.
 *
 * <p>A pure function of its arguments; {@code main} only runs what {@link #build} returns and tests drive the same
 * topology. Processor, store and repartition names are part of the upgrade contract: renaming one loses its state.
 */
public final class ProcessingTopology {

    /** Content hash → id of the first article with that content. */
    public static final String CONTENT_HASH_STORE = "content-hashes";
    /** (topic, story) → first article, article count, last seen. */
    public static final String FIRST_MENTION_STORE = "mention-tallies";

    /** Global: topic id → definition, from the compacted topics topic. */
    public static final String TOPIC_DEFINITION_STORE = "topic-definitions";
    /** Per match task: article id → article and story, kept for the backfill window. */
    public static final String RECENT_ARTICLE_STORE = "recent-articles";
    /** Per match task: topic id → the query its retained articles were last matched against. */
    public static final String APPLIED_TOPIC_STORE = "applied-topics";


    private ProcessingTopology() {
    }

    public static Topology build(Topics topics, ProcessingSettings settings, ProcessingMetrics metrics,
                                 Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        AtomicLong topicsVersion = addStores(builder, topics);
        MatchProcessor.Stores matchStores = new MatchProcessor.Stores(TOPIC_DEFINITION_STORE, RECENT_ARTICLE_STORE,
                APPLIED_TOPIC_STORE);
        StoryAssigner stories = new StoryAssigner();

        KStream<String, Decoded> decoded = builder
                .stream(topics.articles().name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-articles"))
                .processValues(() -> new DecodeProcessor(clock, metrics::deadLettered), Named.as("decode-article"));

        decoded.filter((key, d) -> d.failed(), Named.as("undecodable"))
                .mapValues(Decoded::deadLetter, Named.as("as-dead-letter"))
                .to(topics.deadLetters().name(), Produced.with(Serdes.String(), topics.deadLetters().valueSerde())
                        .withName("write-dead-letters"));

        KStream<String, Screened> screened = decoded
                .filterNot((key, d) -> d.failed(), Named.as("decodable"))
                .mapValues(d -> countIn(d.article(), metrics), Named.as("as-article"))
                .selectKey((id, article) -> article.contentHash(), Named.as("key-by-content-hash"))
                .repartition(Repartitioned.with(Serdes.String(), topics.articles().valueSerde())
                        .withName("articles-by-content-hash"))
                .processValues(() -> new DedupProcessor(CONTENT_HASH_STORE, metrics::duplicateDropped),
                        Named.as("drop-exact-copies"), CONTENT_HASH_STORE);

        screened.filter((hash, s) -> s.isCopy(), Named.as("copies"))
                .map((hash, s) -> KeyValue.pair(s.article().id(), duplicate(s, clock)), Named.as("as-duplicate"))
                .to(topics.duplicates().name(), Produced.with(Serdes.String(), topics.duplicates().valueSerde())
                        .withName("write-duplicates"));

        KStream<String, MentionOutcome> outcomes = screened.filterNot((hash, s) -> s.isCopy(), Named.as("originals"))
                .mapValues(s -> countStory(stories.assign(s.article()), metrics), Named.as("assign-story"))
                .process(() -> new MatchProcessor(matchStores, settings.backfillWindow(), clock, topicsVersion),
                        Named.as("match-topics"), RECENT_ARTICLE_STORE, APPLIED_TOPIC_STORE)
                .repartition(Repartitioned.with(Serdes.String(), topics.mentions().valueSerde())
                        .withName("mentions-by-topic-story"))
                .processValues(() -> new FirstMentionProcessor(FIRST_MENTION_STORE, settings.storyRetention(), clock,
                        metrics::mentionEmitted, metrics::mentionRepeated), Named.as("first-mention-per-story"),
                        FIRST_MENTION_STORE);

        outcomes.filter((key, o) -> o.first() != null, Named.as("only-first-mentions"))
                .mapValues(MentionOutcome::first, Named.as("as-mention"))
                .to(topics.mentions().name(), Produced.with(Serdes.String(), topics.mentions().valueSerde())
                        .withName("write-mentions"));
        outcomes.mapValues(MentionOutcome::count, Named.as("as-mention-count"))
                .to(topics.mentionCounts().name(), Produced.with(Serdes.String(), topics.mentionCounts().valueSerde())
                        .withName("write-mention-counts"));

        return builder.build();
    }

    /**
     * Registers the state stores, and the global store of topic definitions fed by the {@code topics} topic.
     *
     * @return the counter the global store bumps on every topic change, watched by the match tasks
     */
    private static AtomicLong addStores(StreamsBuilder builder, Topics topics) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CONTENT_HASH_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(FIRST_MENTION_STORE), Serdes.String(),
                new JsonSerde<>(MentionTally.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RECENT_ARTICLE_STORE),
                Serdes.String(), new JsonSerde<>(StoriedArticle.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(APPLIED_TOPIC_STORE),
                Serdes.String(), Serdes.String()));
        AtomicLong topicsVersion = new AtomicLong();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TOPIC_DEFINITION_STORE),
                        Serdes.String(), topics.topicDefinitions().valueSerde()).withLoggingDisabled(),
                topics.topicDefinitions().name(),
                Consumed.with(Serdes.String(), topics.topicDefinitions().valueSerde()).withName("read-topics"),
                () -> new TopicDefinitionUpdater(TOPIC_DEFINITION_STORE, topicsVersion));
        return topicsVersion;
    }

    private static StoriedArticle countStory(StoriedArticle storied, ProcessingMetrics metrics) {
        if (storied.storyId().equals(storied.article().id())) {
            metrics.storyStarted(); // the article opened its own story
        }
        return storied;
    }

    private static Article countIn(Article article, ProcessingMetrics metrics) {
        metrics.articleIn();
        return article;
    }

    private static Duplicate duplicate(Screened s, Clock clock) {
        return new Duplicate(Duplicate.SCHEMA_VERSION, s.article().id(), s.article().url(), s.copyOf(),
                s.similarity(), s.reason(), clock.instant());
    }
}
