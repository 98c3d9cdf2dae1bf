package dev.wirewatch.alerts;

import dev.wirewatch.model.Mention;
import java.time.Instant;

/**
 * What a newsroom is told about one mention: the fields every sink renders, and the line format of the file sink
 * ({@code topic}, {@code topicName}, {@code storyId}, {@code url}, {@code title}, {@code source}, {@code snippet},
 * {@code publishedAt}, {@code detectedAt} — a fixed contract).
 *
 * <p>Immutable. {@code title}, {@code snippet} and {@code publishedAt} may be null. Added fields: {@code backfill} is
 * true when the mention was found because its topic was added after the article arrived; {@code alsoOn} is the number
 * of other sites whose copies of the article were dropped as duplicates by the time the alert was sent;
 * {@code followUpSites} is 0 for a first alert and N for the follow-up "now on N sites" of a story that grew, with
 * {@code threadRef} the sink's id of the first message (a Slack {@code ts}) when the sink threads follow-ups.
 */
public record Alert(String topic, String topicName, String storyId, String url, String title, String source,
                    String snippet, Instant publishedAt, Instant detectedAt, boolean backfill, int alsoOn,
                    int followUpSites, String threadRef) {

    public static Alert from(Mention m) {
        return new Alert(m.topicId(), m.topicName(), m.storyId(), m.url(), m.title(), m.source(), m.snippet(),
                m.publishedAt(), m.detectedAt(), m.backfill(), 0, 0, null);
    }

    /** The follow-up of an alert sent before: its story is now on {@code sites} sites. */
    public static Alert followUp(String topic, String topicName, String storyId, String url, String title,
                                 String source, Instant detectedAt, int sites, String threadRef) {
        return new Alert(topic, topicName, storyId, url, title, source, null, null, detectedAt, false, 0, sites,
                threadRef);
    }

    /** This alert, saying the story also ran on {@code sites} other sites. */
    public Alert withAlsoOn(int sites) {
        return new Alert(topic, topicName, storyId, url, title, source, snippet, publishedAt, detectedAt, backfill,
                sites, followUpSites, threadRef);
    }

    /** True for a follow-up ("now on N sites"), false for a first alert. */
    public boolean followsUp() {
        return followUpSites > 0;
    }
}
