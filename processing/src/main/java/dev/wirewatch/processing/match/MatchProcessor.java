package dev.wirewatch.processing.match;

import dev.wirewatch.config.TrackedTopic;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.processing.StoreSweep;
import dev.wirewatch.processing.mention.MentionDetector;
import dev.wirewatch.processing.mention.TopicHit;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The match step: matches each article against the current topics, in the article's own partition (before its
 * story is known), and forwards it to triage with its hits. It also retains the task's recent articles, so that a
 * topic added or edited at runtime (through the {@code topics} topic) is matched against them: those hits go to
 * triage as backfill items, which take the story triage gave the article.
 *
 * <p>One instance per task; not thread safe. Retained articles live in a window store filed at their record time,
 * so they expire with its segments after the backfill window. Which topic queries this task has already applied is
 * kept in a changelogged store, so a restart only backfills topics that changed while it was down.
 */
public final class MatchProcessor implements Processor<String, Article, String, MatchedArticle> {

    private static final Logger LOG = LoggerFactory.getLogger(MatchProcessor.class);
    /** How often the topic version is compared: a counter read, so a change applies within this. */
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);

    private final Stores stores;
    private final Duration backfillWindow;
    private final AtomicLong topicsVersion;
    private final Timer timer;
    private ProcessorContext<String, MatchedArticle> context;
    private KeyValueStore<String, TopicDefinition> definitions;
    private WindowStore<String, Article> recent;
    private KeyValueStore<String, String> applied;
    private TopicMatcher matcher;
    private long seenVersion = -1;

    /** The names of the stores this step uses. */
    public record Stores(String definitions, String recentArticles, String appliedTopics) {
    }

    /** {@code timer} records the time each article takes here. */
    public MatchProcessor(Stores stores, Duration backfillWindow, AtomicLong topicsVersion, Timer timer) {
        this.stores = stores;
        this.timer = timer;
        this.backfillWindow = backfillWindow;
        this.topicsVersion = topicsVersion;
    }

    @Override
    public void init(ProcessorContext<String, MatchedArticle> context) {
        this.context = context;
        definitions = context.getStateStore(stores.definitions());
        recent = context.getStateStore(stores.recentArticles());
        applied = context.getStateStore(stores.appliedTopics());
        matcher = new TopicMatcher(List.of());
        context.schedule(CHECK_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> refreshIfChanged());
    }

    @Override
    public void process(Record<String, Article> record) {
        refreshIfChanged();
        long start = System.nanoTime();
        Article article = record.value();
        recent.put(article.id(), article, record.timestamp());
        MatchedArticle matched = new MatchedArticle(article, MentionDetector.detect(matcher, article), false);
        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        context.forward(record.withKey(article.id()).withValue(matched));
    }

    private void refreshIfChanged() {
        long version = topicsVersion.get();
        if (version == seenVersion) {
            return;
        }
        seenVersion = version;
        List<TrackedTopic> current = new ArrayList<>();
        try (KeyValueIterator<String, TopicDefinition> all = definitions.all()) {
            all.forEachRemaining(kv -> current.add(new TrackedTopic(kv.value.id(), kv.value.name(), kv.value.query(),
                    kv.value.description(), kv.value.labels(), kv.value.urgent())));
        }
        matcher.update(current);
        Set<String> registered = Set.copyOf(matcher.topicIds());
        List<TrackedTopic> toBackfill = new ArrayList<>();
        for (TrackedTopic topic : current) {
            if (!topic.query().equals(applied.get(topic.id())) && registered.contains(topic.id())) {
                toBackfill.add(topic);
            }
        }
        Set<String> defined = current.stream().map(TrackedTopic::id).collect(Collectors.toSet());
        StoreSweep.deleteWhere(applied, (id, query) -> !defined.contains(id)); // topics, not articles: a handful
        if (!toBackfill.isEmpty()) {
            backfill(toBackfill);
        }
    }

    /** Matches changed topics against the articles of the backfill window, by the task's stream time. */
    private void backfill(List<TrackedTopic> topics) {
        long now = context.currentStreamTimeMs();
        int found = 0;
        try (TopicMatcher only = new TopicMatcher(topics);
             KeyValueIterator<Windowed<String>, Article> all = recent.fetchAll(
                     Math.max(0, now - backfillWindow.toMillis()), Math.max(0, now))) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, Article> kv = all.next();
                List<TopicHit> hits = MentionDetector.detect(only, kv.value);
                if (!hits.isEmpty()) {
                    context.forward(new Record<>(kv.value.id(), new MatchedArticle(kv.value, hits, true),
                            Math.max(0, now)));
                    found += hits.size();
                }
            }
        }
        topics.forEach(t -> applied.put(t.id(), t.query()));
        LOG.info("backfilled topics {} over retained articles: {} candidate mentions",
                topics.stream().map(TrackedTopic::id).toList(), found);
    }

    @Override
    public void close() {
        if (matcher != null) {
            matcher.close();
        }
    }

    /** Ids of the topics currently registered (for tests and logs). */
    Set<String> topicIds() {
        return Set.copyOf(matcher.topicIds());
    }
}
