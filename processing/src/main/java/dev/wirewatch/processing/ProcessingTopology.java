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
import dev.wirewatch.processing.triage.BroadcastPartitioner;
import dev.wirewatch.processing.triage.CandidateIndexProcessor;
import dev.wirewatch.processing.triage.Decision;
import dev.wirewatch.processing.triage.Frequency;
import dev.wirewatch.processing.triage.IndexedArticleSerde;
import dev.wirewatch.processing.triage.SketchedArticle;
import dev.wirewatch.processing.triage.Sketcher;
import dev.wirewatch.processing.triage.TriageLedger;
import dev.wirewatch.processing.triage.TriageMessage;
import dev.wirewatch.processing.triage.TriageProcessor;
import dev.wirewatch.processing.triage.TriageSettings;
import dev.wirewatch.processing.triage.TriageStep;
import dev.wirewatch.processing.triage.Triaged;
import java.time.Duration;
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
 * The processing pipeline: decode → drop exact copies → sketch → probe the candidate index (every partition, each
 * for the keys it owns) → settle near-copy and story in the triage ledger → match topics → first mention per story
 * (later ones only counted). Topics come from the compacted {@code topics} topic (a global store), so they can
 * change while it runs.
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

    /** The candidate index's stores: held articles, band buckets, term postings, retained sketches, term counts. */
    public static final CandidateIndexProcessor.Stores INDEX_STORES = new CandidateIndexProcessor.Stores(
            "candidate-reorder-buffer", "candidate-band-buckets", "candidate-term-postings", "candidate-articles",
            "candidate-term-frequencies");
    /** The triage ledger's stores: pending verdicts, decisions, waiting askers, articles until decided. */
    public static final TriageProcessor.Stores LEDGER_STORES = new TriageProcessor.Stores(
            "triage-pending", "triage-decisions", "triage-waiters", "triage-articles");

    private static final JsonSerde<TriageMessage> TRIAGE_SERDE = new JsonSerde<>(TriageMessage.class);

    private ProcessingTopology() {
    }

    public static Topology build(Topics topics, ProcessingSettings settings, int partitions,
                                 ProcessingMetrics metrics, Clock clock) {
        TriageSettings triage = TriageSettings.from(settings, partitions);
        StreamsBuilder builder = new StreamsBuilder();
        AtomicLong topicsVersion = addStores(builder, topics, triage);

        KStream<String, Article> decoded = decode(builder, topics, metrics, clock);
        KStream<String, Article> originals = dropExactCopies(decoded, topics, metrics, clock);
        probeCandidateIndex(originals, topics, triage, metrics);
        KStream<String, Triaged> triaged = settleTriage(builder, topics, triage);
        KStream<String, StoriedArticle> storied = dropNearCopies(triaged, topics, metrics, clock);
        mentionOncePerStory(storied, topics, settings, topicsVersion, metrics, clock);
        return builder.build();
    }

    /** Articles that decode; the others go to the dead-letter topic. */
    private static KStream<String, Article> decode(StreamsBuilder builder, Topics topics, ProcessingMetrics metrics,
                                                   Clock clock) {
        KStream<String, Decoded> decoded = builder
                .stream(topics.articles().name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-articles"))
                .processValues(() -> new DecodeProcessor(clock, metrics::deadLettered), Named.as("decode-article"));
        decoded.filter((key, d) -> d.failed(), Named.as("undecodable"))
                .mapValues(Decoded::deadLetter, Named.as("as-dead-letter"))
                .to(topics.deadLetters().name(), Produced.with(Serdes.String(), topics.deadLetters().valueSerde())
                        .withName("write-dead-letters"));
        return decoded.filterNot((key, d) -> d.failed(), Named.as("decodable"))
                .mapValues(d -> countIn(d.article(), metrics), Named.as("as-article"));
    }

    /** Articles whose normalized text was not seen before, keyed by content hash; the copies are audited. */
    private static KStream<String, Article> dropExactCopies(KStream<String, Article> articles, Topics topics,
                                                            ProcessingMetrics metrics, Clock clock) {
        KStream<String, Screened> screened = articles
                .selectKey((id, article) -> article.contentHash(), Named.as("key-by-content-hash"))
                .repartition(Repartitioned.with(Serdes.String(), topics.articles().valueSerde())
                        .withName("articles-by-content-hash"))
                .processValues(() -> new DedupProcessor(CONTENT_HASH_STORE,
                                () -> metrics.duplicateDropped("exact-content")),
                        Named.as("drop-exact-copies"), CONTENT_HASH_STORE);
        screened.filter((hash, s) -> s.isCopy(), Named.as("copies"))
                .map((hash, s) -> KeyValue.pair(s.article().id(), duplicate(s, clock)), Named.as("as-duplicate"))
                .to(topics.duplicates().name(), Produced.with(Serdes.String(), topics.duplicates().valueSerde())
                        .withName("write-duplicates"));
        return screened.filterNot((hash, s) -> s.isCopy(), Named.as("originals"))
                .mapValues(Screened::article, Named.as("as-original"));
    }

    /** Sketches each article, sends it to every candidate-index partition, and their verdicts to the ledger. */
    private static void probeCandidateIndex(KStream<String, Article> originals, Topics topics, TriageSettings triage,
                                            ProcessingMetrics metrics) {
        Sketcher sketcher = new Sketcher(triage.duplicates());
        originals.map((hash, article) -> KeyValue.pair(article.id(), sketch(sketcher, article)),
                        Named.as("sketch-article"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(SketchedArticle.class))
                        .withName("sketches-to-candidate-index").withNumberOfPartitions(triage.partitions())
                        .withStreamPartitioner(new BroadcastPartitioner<>()))
                .process(() -> new CandidateIndexProcessor(triage, INDEX_STORES, metrics.indexEvents()),
                        Named.as("probe-candidate-index"), INDEX_STORES.buffer(), INDEX_STORES.bands(),
                        INDEX_STORES.terms(), INDEX_STORES.articles(), INDEX_STORES.frequencies())
                .to(topics.triage().name(), Produced.with(Serdes.String(), TRIAGE_SERDE)
                        .withName("write-index-verdicts"));
    }

    /** The ledger over the triage topic: its asks and answers loop back there; decided articles go on. */
    private static KStream<String, Triaged> settleTriage(StreamsBuilder builder, Topics topics,
                                                         TriageSettings triage) {
        KStream<String, TriageStep> steps = builder
                .stream(topics.triage().name(), Consumed.with(Serdes.String(), TRIAGE_SERDE).withName("read-triage"))
                .process(() -> new TriageProcessor(triage, LEDGER_STORES), Named.as("settle-triage"),
                        LEDGER_STORES.pending(), LEDGER_STORES.decisions(), LEDGER_STORES.waiters(),
                        LEDGER_STORES.articles());
        steps.filterNot((id, step) -> step.isResult(), Named.as("ledger-messages"))
                .mapValues(TriageStep::message, Named.as("as-ledger-message"))
                .to(topics.triage().name(), Produced.with(Serdes.String(), TRIAGE_SERDE)
                        .withName("write-ledger-messages"));
        return steps.filter((id, step) -> step.isResult(), Named.as("decided"))
                .mapValues(TriageStep::result, Named.as("as-triaged"));
    }

    /** Audits and drops the near-copies; the others go on with their story. */
    private static KStream<String, StoriedArticle> dropNearCopies(KStream<String, Triaged> triaged, Topics topics,
                                                                  ProcessingMetrics metrics, Clock clock) {
        triaged.filter((id, t) -> t.decision().isCopy(), Named.as("near-copies"))
                .mapValues(t -> nearCopy(t, metrics, clock), Named.as("as-near-copy"))
                .to(topics.duplicates().name(), Produced.with(Serdes.String(), topics.duplicates().valueSerde())
                        .withName("write-near-copies"));
        return triaged.filterNot((id, t) -> t.decision().isCopy(), Named.as("story-members"))
                .mapValues(t -> storied(t, metrics), Named.as("assign-story"));
    }

    /** Matches tracked topics and lets the first mention of each (topic, story) through; counts all of them. */
    private static void mentionOncePerStory(KStream<String, StoriedArticle> storied, Topics topics,
                                            ProcessingSettings settings, AtomicLong topicsVersion,
                                            ProcessingMetrics metrics, Clock clock) {
        MatchProcessor.Stores matchStores = new MatchProcessor.Stores(TOPIC_DEFINITION_STORE, RECENT_ARTICLE_STORE,
                APPLIED_TOPIC_STORE);
        KStream<String, MentionOutcome> outcomes = storied
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
    }

    /**
     * Registers the state stores, and the global store of topic definitions fed by the {@code topics} topic.
     *
     * @return the counter the global store bumps on every topic change, watched by the match tasks
     */
    private static AtomicLong addStores(StreamsBuilder builder, Topics topics, TriageSettings triage) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CONTENT_HASH_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(FIRST_MENTION_STORE), Serdes.String(),
                new JsonSerde<>(MentionTally.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RECENT_ARTICLE_STORE),
                Serdes.String(), new JsonSerde<>(StoriedArticle.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(APPLIED_TOPIC_STORE),
                Serdes.String(), Serdes.String()));
        addTriageStores(builder, triage);
        AtomicLong topicsVersion = new AtomicLong();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TOPIC_DEFINITION_STORE),
                        Serdes.String(), topics.topicDefinitions().valueSerde()).withLoggingDisabled(),
                topics.topicDefinitions().name(),
                Consumed.with(Serdes.String(), topics.topicDefinitions().valueSerde()).withName("read-topics"),
                () -> new TopicDefinitionUpdater(TOPIC_DEFINITION_STORE, topicsVersion));
        return topicsVersion;
    }

    /** The candidate index's and the ledger's stores; the window stores drop segments older than the retention. */
    private static void addTriageStores(StreamsBuilder builder, TriageSettings triage) {
        Duration retention = triage.retention();
        Duration instant = Duration.ofMillis(1); // articles are filed at a point in time, not over a window
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX_STORES.buffer()),
                Serdes.String(), new JsonSerde<>(CandidateIndexProcessor.Held.class)));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(INDEX_STORES.bands(),
                retention, instant, true), Serdes.Long(), Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(INDEX_STORES.terms(),
                retention, instant, true), Serdes.Long(), Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(INDEX_STORES.articles(),
                retention, instant, false), Serdes.Long(), new IndexedArticleSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                INDEX_STORES.frequencies()), Serdes.String(), new JsonSerde<>(Frequency.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORES.pending()),
                Serdes.String(), new JsonSerde<>(TriageLedger.Pending.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORES.decisions()),
                Serdes.String(), new JsonSerde<>(Decision.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORES.waiters()),
                Serdes.String(), new JsonSerde<>(TriageLedger.Waiters.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORES.articles()),
                Serdes.String(), new JsonSerde<>(Article.class)));
    }

    /** Sketched at its fetch time; the candidate index re-times it to the record's timestamp. */
    private static SketchedArticle sketch(Sketcher sketcher, Article article) {
        return new SketchedArticle(sketcher.sketch(article.id(), article.fetchedAt().toEpochMilli(),
                article.publishedAt(), article.title(), article.text()), article);
    }

    private static StoriedArticle storied(Triaged triaged, ProcessingMetrics metrics) {
        Decision decision = triaged.decision();
        if (decision.storyId().equals(decision.articleId())) {
            metrics.storyStarted(); // the article opened its own story
        } else {
            metrics.storyJoined();
        }
        return new StoriedArticle(triaged.article(), decision.storyId());
    }

    private static Duplicate nearCopy(Triaged triaged, ProcessingMetrics metrics, Clock clock) {
        Decision decision = triaged.decision();
        String reason = "near-copy-" + decision.rule();
        metrics.duplicateDropped(reason);
        return new Duplicate(Duplicate.SCHEMA_VERSION, decision.articleId(), triaged.article().url(),
                decision.duplicateOf(), Math.min(1, decision.similarity()), reason, clock.instant());
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
