package dev.wirewatch.processing.match;

import dev.wirewatch.config.TrackedTopic;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.processing.StoreSweep;
import dev.wirewatch.processing.mention.MentionDetector;
import dev.wirewatch.processing.story.StoriedArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The match step: matches each article against the current topics and forwards candidate mentions keyed by
 * (topic, story). It also retains the task's recent articles, so that a topic added or edited at runtime (through
 * the {@code topics} topic) is matched against them: those mentions carry {@code backfill = true}.
 *
 * <p>One instance per task; not thread safe. Each task backfills its own retained articles, so no step sees all
 * articles. Which topic queries this task has already applied is kept in a changelogged store, so a restart only
 * backfills topics that changed while it was down.
 */
public final class MatchProcessor implements Processor<String, StoriedArticle, String, Mention> {

    private static final Logger LOG = LoggerFactory.getLogger(MatchProcessor.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /** Expiry scans the whole store, so it runs far less often than the cheap topic-version check. */
    private static final Duration EXPIRE_EVERY = Duration.ofMinutes(1);

    private final Stores stores;
    private final Duration backfillWindow;
    private final Clock clock;
    private final AtomicLong topicsVersion;
    private ProcessorContext<String, Mention> context;
    private KeyValueStore<String, TopicDefinition> definitions;
    private KeyValueStore<String, StoriedArticle> recent;
    private KeyValueStore<String, String> applied;
    private TopicMatcher matcher;
    private long seenVersion = -1;

    /** The names of the stores this step uses. */
    public record Stores(String definitions, String recentArticles, String appliedTopics) {
    }

    public MatchProcessor(Stores stores, Duration backfillWindow, Clock clock, AtomicLong topicsVersion) {
        this.stores = stores;
        this.backfillWindow = backfillWindow;
        this.clock = clock;
        this.topicsVersion = topicsVersion;
    }

    @Override
    public void init(ProcessorContext<String, Mention> context) {
        this.context = context;
        definitions = context.getStateStore(stores.definitions());
        recent = context.getStateStore(stores.recentArticles());
        applied = context.getStateStore(stores.appliedTopics());
        matcher = new TopicMatcher(List.of());
        context.schedule(CHECK_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> refreshIfChanged());
        context.schedule(EXPIRE_EVERY, PunctuationType.WALL_CLOCK_TIME,
                now -> expireOlderThan(clock.instant().minus(backfillWindow)));
    }

    @Override
    public void process(Record<String, StoriedArticle> record) {
        refreshIfChanged();
        StoriedArticle storied = record.value();
        recent.put(storied.article().id(), storied);
        for (Mention mention : MentionDetector.detect(matcher, storied, clock.instant(), false)) {
            context.forward(new Record<>(mention.key(), mention, record.timestamp()));
        }
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
                    kv.value.description())));
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
        StoreSweep.deleteWhere(applied, (id, query) -> !defined.contains(id));
        if (!toBackfill.isEmpty()) {
            backfill(toBackfill);
        }
    }

    private void backfill(List<TrackedTopic> topics) {
        Instant since = clock.instant().minus(backfillWindow);
        int found = 0;
        try (TopicMatcher only = new TopicMatcher(topics);
             KeyValueIterator<String, StoriedArticle> all = recent.all()) {
            while (all.hasNext()) {
                KeyValue<String, StoriedArticle> kv = all.next();
                if (kv.value.article().fetchedAt().isBefore(since)) {
                    continue;
                }
                for (Mention mention : MentionDetector.detect(only, kv.value, clock.instant(), true)) {
                    context.forward(new Record<>(mention.key(), mention, clock.millis()));
                    found++;
                }
            }
        }
        topics.forEach(t -> applied.put(t.id(), t.query()));
        LOG.info("backfilled topics {} over retained articles: {} candidate mentions",
                topics.stream().map(TrackedTopic::id).toList(), found);
    }

    private void expireOlderThan(Instant cutoff) {
        StoreSweep.deleteWhere(recent, (id, storied) -> storied.article().fetchedAt().isBefore(cutoff));
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
