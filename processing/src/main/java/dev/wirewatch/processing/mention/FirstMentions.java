package dev.wirewatch.processing.mention;

import dev.wirewatch.model.Mention;
import dev.wirewatch.model.MentionCount;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Lets the first mention of each (topic, story) through and counts later ones, so one story yields one alert per
 * topic while alerts can still learn how widely it runs.
 *
 * <p>Kafka-free; not thread safe. A pair not seen for {@code retention} (triage time) is forgotten with its store
 * segment, which bounds the state without a scan; a story that resurfaces after that alerts again.
 */
public final class FirstMentions {

    /** Where tallies live: the latest one of a key within a time range, and a new one filed at a time. */
    public interface Tallies {
        /** The latest tally of {@code key} filed in [{@code from}, {@code to}], or null. */
        MentionTally latest(String key, long from, long to);

        void put(String key, MentionTally tally, long timestamp);

        /** Tallies kept in memory for the life of the object. */
        static Tallies inMemory() {
            Map<String, MentionTally> tallies = new HashMap<>();
            return new Tallies() {
                @Override
                public MentionTally latest(String key, long from, long to) {
                    MentionTally t = tallies.get(key);
                    return t == null || t.lastSeen().toEpochMilli() < from ? null : t;
                }

                @Override
                public void put(String key, MentionTally tally, long timestamp) {
                    tallies.put(key, tally);
                }
            };
        }
    }

    private final Tallies tallies;
    private final Duration retention;

    public FirstMentions(Tallies tallies, Duration retention) {
        this.tallies = tallies;
        this.retention = retention;
    }

    /** Counts {@code mention} (its key is the pair) at triage time {@code now}; the outcome says if it is first. */
    public MentionOutcome observe(Mention mention, long now) {
        Instant at = Instant.ofEpochMilli(now);
        MentionTally tally = tallies.latest(mention.key(), now - retention.toMillis(), now);
        Mention first = null;
        if (tally == null) {
            tally = new MentionTally(mention.articleId(), 1, mention.articleId(), at);
            first = mention;
        } else {
            tally = tally.counting(mention.articleId(), at);
        }
        tallies.put(mention.key(), tally, now);
        return new MentionOutcome(first, new MentionCount(MentionCount.SCHEMA_VERSION, mention.topicId(),
                mention.storyId(), tally.firstArticleId(), tally.articles(), tally.lastArticleId(), at));
    }
}
