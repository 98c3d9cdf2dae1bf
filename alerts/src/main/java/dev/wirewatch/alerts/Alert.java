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
 * of other sites whose copies of the article were dropped as duplicates by the time the alert was sent.
 */
public record Alert(String topic, String topicName, String storyId, String url, String title, String source,
                    String snippet, Instant publishedAt, Instant detectedAt, boolean backfill, int alsoOn) {

    public static Alert from(Mention m) {
        return new Alert(m.topicId(), m.topicName(), m.storyId(), m.url(), m.title(), m.source(), m.snippet(),
                m.publishedAt(), m.detectedAt(), m.backfill(), 0);
    }

    /** This alert, saying the story also ran on {@code sites} other sites. */
    public Alert withAlsoOn(int sites) {
        return new Alert(topic, topicName, storyId, url, title, source, snippet, publishedAt, detectedAt, backfill,
                sites);
    }
}
