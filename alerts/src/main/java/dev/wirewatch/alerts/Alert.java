package dev.wirewatch.alerts;

import dev.wirewatch.model.Mention;
import java.time.Instant;

/**
 * What a newsroom is told about one mention: the fields every sink renders, and the line format of the file sink
 * ({@code topic}, {@code topicName}, {@code storyId}, {@code url}, {@code title}, {@code source}, {@code snippet},
 * {@code publishedAt}, {@code detectedAt} — a fixed contract).
 *
 * <p>Immutable. {@code title}, {@code snippet} and {@code publishedAt} may be null. {@code backfill} (an added field)
 * is true when the mention was found because its topic was added after the article arrived.
 */
public record Alert(String topic, String topicName, String storyId, String url, String title, String source,
                    String snippet, Instant publishedAt, Instant detectedAt, boolean backfill) {

    public static Alert from(Mention m) {
        return new Alert(m.topicId(), m.topicName(), m.storyId(), m.url(), m.title(), m.source(), m.snippet(),
                m.publishedAt(), m.detectedAt(), m.backfill());
    }
}
