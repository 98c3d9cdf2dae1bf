package dev.wirewatch.alerts.mute;

import dev.wirewatch.model.Mention;
import dev.wirewatch.model.Mute;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks whether a mute holds back a mention from a sink. {@code writtenAtMillis} is when the mention was written to
 * Kafka (its record timestamp): a mute lifted before then must not hold it back, which is what makes
 * {@code alerts unmute --replay} deliver what it re-publishes.
 *
 * <p>Implementations are thread safe.
 */
@FunctionalInterface
public interface MuteCheck {

    /** Mutes nothing: for sinks and tests without the mutes topic. */
    MuteCheck NONE = (mention, sinkId, now, writtenAtMillis) -> Optional.empty();

    Optional<Mute> muting(Mention mention, String sinkId, Instant now, long writtenAtMillis)
            throws InterruptedException;
}
