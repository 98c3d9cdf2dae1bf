package dev.wirewatch.desk.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wirewatch.desk.index.ArticleHit;
import dev.wirewatch.desk.view.AlertEntry;
import dev.wirewatch.desk.view.DeskView;
import dev.wirewatch.desk.view.StoryDetail;
import dev.wirewatch.desk.view.StoryMember;
import dev.wirewatch.desk.view.StorySummary;
import dev.wirewatch.model.FeedStatus;
import dev.wirewatch.model.MutedAlert;
import java.time.Instant;
import java.util.List;

/**
 * The API's JSON shapes (field names are the contract of issue #17: add, never rename).
 *
 * <p>Immutable records.
 */
final class ApiJson {

    private ApiJson() {
    }

    record Story(String id, String title, String url, String source, Instant firstSeenAt, Instant lastSeenAt,
                 List<String> topics, int articles, int copies, List<String> sources, List<String> sinks,
                 int alsoOn) {
        static Story of(StorySummary s) {
            return new Story(s.id(), s.title(), s.url(), s.source(), s.firstSeenAt(), s.lastSeenAt(), s.topics(),
                    s.articles(), s.copies(), s.sources(), s.sinks(), s.alsoOn());
        }
    }

    record StoryWithMembers(String id, String title, String url, String source, Instant firstSeenAt,
                            Instant lastSeenAt, List<String> topics, int articles, int copies, List<String> sources,
                            List<String> sinks, int alsoOn, List<StoryMember> members, List<AlertEntry> alerts,
                            List<Muted> muted) {
        static StoryWithMembers of(StoryDetail d) {
            StorySummary s = d.summary();
            return new StoryWithMembers(s.id(), s.title(), s.url(), s.source(), s.firstSeenAt(), s.lastSeenAt(),
                    s.topics(), s.articles(), s.copies(), s.sources(), s.sinks(), s.alsoOn(), d.members(),
                    d.alerts(), d.muted().stream().map(Muted::of).toList());
        }
    }

    record Stories(List<Story> stories) {
    }

    record Alerts(List<AlertEntry> alerts) {
    }

    record Topic(String id, String name, String query, String description, List<String> labels, boolean urgent) {
        static Topic of(dev.wirewatch.model.TopicDefinition t) {
            return new Topic(t.id(), t.name(), t.query(), t.description(), t.labels(), t.urgent());
        }
    }

    record Topics(List<Topic> topics) {
    }

    record TopicBody(String name, String query, String description, List<String> labels, Boolean urgent) {
    }

    record PreviewBody(String query) {
    }

    record ExplainBody(String query, String text, String articleId) {
    }

    record Preview(int count, List<ArticleHit> matches) {
    }

    record Search(int count, List<ArticleHit> articles) {
    }

    record FeedBody(String url, String name, String pollInterval) {
    }

    record Feed(String url, String name, String pollInterval, String health, Instant lastPollAt,
                Instant lastSuccessAt, Instant lastErrorAt, String lastOutcome, String lastError,
                int consecutiveFailures, boolean failing, int itemsSeen, long articlesTotal, Instant nextPollAt) {
        static Feed of(DeskView.FeedRow row) {
            FeedStatus s = row.status();
            return new Feed(row.feed().url(), row.feed().name(), row.feed().pollInterval().toString(), Health.of(s),
                    s == null ? null : s.lastPollAt(), s == null ? null : s.lastSuccessAt(),
                    s == null ? null : s.lastErrorAt(), s == null ? null : s.lastOutcome(),
                    s == null ? null : s.lastError(), s == null ? 0 : s.consecutiveFailures(),
                    s != null && s.failing(), s == null ? 0 : s.itemsSeen(), s == null ? 0 : s.articlesTotal(),
                    s == null ? null : s.nextPollAt());
        }
    }

    record Feeds(List<Feed> feeds) {
    }

    record Error(String error, Integer position, String field) {
    }

    record Mute(String id, String scope, String value, String sink, Instant until, Instant createdAt,
                String createdBy, String reason, int held) {
        static Mute of(dev.wirewatch.model.Mute m, int held) {
            return new Mute(m.id(), m.scope().label(), m.value(), m.sinkId(), m.until(), m.createdAt(),
                    m.createdBy(), m.reason(), held);
        }
    }

    record Mutes(List<Mute> mutes) {
    }

    /** {@code for} is a Java keyword, hence the field name. */
    record MuteBody(String topic, String story, String source, String sink,
                    @JsonProperty("for") String duration, String until,
                    String reason, String id) {
    }

    record Lifted(String lifted, int replayed) {
    }

    /** An alert a mute held back, as the story and deliveries calls list it. */
    record Muted(String sink, String muteId, String topic, String storyId, String title, String url,
                 Instant mutedAt) {
        static Muted of(MutedAlert m) {
            return new Muted(m.sinkId(), m.muteId(), m.mention().topicId(), m.mention().storyId(),
                    m.mention().title(), m.mention().url(), m.mutedAt());
        }
    }

    /** A feed's health in one word, as {@code wirewatch feeds status} puts it. */
    static final class Health {
        private Health() {
        }

        static String of(FeedStatus s) {
            if (s == null) {
                return "not polled yet";
            }
            if (s.failing()) {
                return "failing";
            }
            return s.consecutiveFailures() > 0 ? "retrying" : "ok";
        }
    }
}
