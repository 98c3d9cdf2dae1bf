package dev.wirewatch.model.topic;

import dev.wirewatch.model.Article;
import dev.wirewatch.model.DeadAlert;
import dev.wirewatch.model.DeadLetter;
import dev.wirewatch.model.DeliveryRecord;
import dev.wirewatch.model.Duplicate;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.FeedStatus;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.MentionCount;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.MutedAlert;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.model.json.JsonSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic Wirewatch's services exchange records through, with key and value types.
 *
 * <p>Immutable and thread safe. A prefix-free instance ({@link #standard()}) is what runs; tests may build one with
 * a prefix to isolate runs on a shared broker.
 */
public record Topics(
        Topic<String, Article> articles,
        Topic<String, Mention> mentions,
        Topic<String, Duplicate> duplicates,
        Topic<String, DeadLetter> deadLetters,
        Topic<String, TopicDefinition> topicDefinitions,
        Topic<String, MentionCount> mentionCounts,
        Topic<String, DeadAlert> alertsDlq,
        Topic<String, DeliveryRecord> alertLedger,
        Topic<String, String> ingested,
        Topic<String, FeedStatus> feedStatus,
        Topic<String, FeedDefinition> feeds,
        Topic<String, StoryAssignment> storyAssignments,
        Topic<String, Mute> mutes,
        Topic<String, MutedAlert> muted) {

    /** The topics with their standard names. */
    public static Topics standard() {
        return withPrefix("");
    }

    /** The topics with every name prefixed, e.g. {@code "test1."}. */
    public static Topics withPrefix(String prefix) {
        return new Topics(
                new Topic<>(prefix + "articles", Serdes.String(), new JsonSerde<>(Article.class), "delete",
                        "fetched articles; key = article id (from canonical URL)"),
                // kept 30 days: a sink holding mentions for a weekly digest keeps its offsets back that long
                new Topic<>(prefix + "mentions", Serdes.String(), new JsonSerde<>(Mention.class), "delete",
                        "first mention of a tracked topic in a story; key = topicId/storyId",
                        java.time.Duration.ofDays(30)),
                new Topic<>(prefix + "duplicates", Serdes.String(), new JsonSerde<>(Duplicate.class), "delete",
                        "audit of dropped copies; key = duplicate article id"),
                new Topic<>(prefix + "dead-letters", Serdes.String(), new JsonSerde<>(DeadLetter.class), "delete",
                        "records that could not be processed, with the error; key = original key"),
                new Topic<>(prefix + "topics", Serdes.String(), new JsonSerde<>(TopicDefinition.class), "compact",
                        "tracked topics, changeable at runtime; key = topic id, tombstone = removed"),
                new Topic<>(prefix + "mention-counts", Serdes.String(), new JsonSerde<>(MentionCount.class), "compact",
                        "articles per (topic, story) so far; key = topicId/storyId"),
                new Topic<>(prefix + "alerts.dlq", Serdes.String(), new JsonSerde<>(DeadAlert.class), "delete",
                        "alerts a sink could not deliver, with the error; key = sinkId/topicId/storyId"),
                new Topic<>(prefix + "alerts.ledger", Serdes.String(), new JsonSerde<>(DeliveryRecord.class),
                        "compact", "alerts each sink has sent; key = sinkId/topicId/storyId"),
                new Topic<>(prefix + "ingested", Serdes.String(), Serdes.String(), "compact,delete",
                        "article links already ingested; key = id of the link's canonical URL, value = when"),
                new Topic<>(prefix + "feed-status", Serdes.String(), new JsonSerde<>(FeedStatus.class), "compact",
                        "each feed's health after its latest poll; key = feed URL"),
                new Topic<>(prefix + "feeds", Serdes.String(), new JsonSerde<>(FeedDefinition.class), "compact",
                        "the feeds to poll, changeable at runtime, split among ingest instances by partition; "
                                + "key = feed URL, tombstone = removed"),
                new Topic<>(prefix + "story-assignments", Serdes.String(), new JsonSerde<>(StoryAssignment.class),
                        "compact", "processing's decision on each article: its story, and the original it copies; "
                                + "key = article id"),
                new Topic<>(prefix + "alerts.mutes", Serdes.String(), new JsonSerde<>(Mute.class), "compact",
                        "editors' mutes of a topic, story or source; key = mute id, tombstone = lifted"),
                new Topic<>(prefix + "alerts.muted", Serdes.String(), new JsonSerde<>(MutedAlert.class), "compact",
                        "alerts a mute held back, for the desk and for a replay; key = sinkId/topicId/storyId"));
    }

    /** All topics, for provisioning. */
    public List<Topic<?, ?>> all() {
        return List.of(articles, mentions, duplicates, deadLetters, topicDefinitions, mentionCounts, alertsDlq,
                alertLedger, ingested, feedStatus, feeds, storyAssignments, mutes, muted);
    }
}
