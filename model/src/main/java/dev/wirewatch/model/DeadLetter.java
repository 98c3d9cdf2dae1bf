package dev.wirewatch.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A record that could not be processed, with where it came from and why, on the {@code dead-letters} topic.
 *
 * <p>Immutable. The original bytes are kept (base64) so that nothing is lost: an operator can fix and replay them.
 * {@code key} may be null.
 */
public record DeadLetter(
        int schemaVersion,
        String sourceTopic,
        int partition,
        long offset,
        String key,
        String payloadBase64,
        String stage,
        String error,
        Instant failedAt) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public DeadLetter {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        if (sourceTopic == null || stage == null || error == null || failedAt == null) {
            throw new IllegalArgumentException("DeadLetter needs sourceTopic, stage, error and failedAt");
        }
    }

    /** A dead letter of the current schema for the given raw payload. */
    public static DeadLetter of(String sourceTopic, int partition, long offset, String key, byte[] payload,
                                String stage, String error, Instant failedAt) {
        String encoded = payload == null ? null : Base64.getEncoder().encodeToString(payload);
        return new DeadLetter(SCHEMA_VERSION, sourceTopic, partition, offset, key, encoded, stage, error, failedAt);
    }

    /** The original payload as text, for logs and replays; null when there was none. */
    public String payloadText() {
        return payloadBase64 == null ? null
                : new String(Base64.getDecoder().decode(payloadBase64), StandardCharsets.UTF_8);
    }
}
