package dev.wirewatch.model;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * An editor's order to stop alerting on a topic, a story or a source, for every sink or one, until a time or until
 * lifted. On the compacted {@code alerts.mutes} topic keyed by {@link #id()}; a tombstone lifts it. A mention a mute
 * covers is not sent but recorded as a {@link MutedAlert}, so nothing is lost.
 *
 * <p>Immutable. {@code sinkId} null = every sink; {@code until} null = until lifted; {@code reason} and
 * {@code createdBy} may be null.
 */
public record Mute(int schemaVersion, String id, Scope scope, String value, String sinkId, Instant until,
                   Instant createdAt, String createdBy, String reason) {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    /** What a mute is about. */
    public enum Scope {
        /** a tracked topic, by id */
        TOPIC,
        /** a story, by story id */
        STORY,
        /** a source (the site an article came from), by name, ignoring case */
        SOURCE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Mute {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        Objects.requireNonNull(scope, "scope");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a mute needs the " + scope.label() + " it mutes");
        }
        sinkId = sinkId == null || sinkId.isBlank() ? null : sinkId;
        Objects.requireNonNull(createdAt, "createdAt");
        id = idOf(scope, value, sinkId); // derived, so muting the same thing twice replaces the first mute
    }

    /** Oldest first, then by id: the order mutes are listed in and the one that answers for a held mention. */
    public static final Comparator<Mute> OLDEST_FIRST = Comparator.comparing(Mute::createdAt).thenComparing(Mute::id);

    public static Mute of(Scope scope, String value, String sinkId, Instant until, Instant createdAt,
                          String createdBy, String reason) {
        return new Mute(SCHEMA_VERSION, null, scope, value, sinkId, until, createdAt, createdBy, reason);
    }

    /**
     * The end of a mute that lasts {@code duration} (ISO-8601, e.g. {@code PT4H}, {@code P1D}) from {@code now}: how
     * the CLI's {@code --for} and the desk's "for" read it.
     *
     * @throws IllegalArgumentException saying what was expected, for text that is no positive ISO-8601 duration
     */
    public static Instant endAfter(String duration, Instant now) {
        try {
            Duration d = Duration.parse(duration.trim());
            if (!d.isNegative() && !d.isZero()) {
                return now.plus(d);
            }
        } catch (DateTimeParseException e) {
            // said below, as for a duration that is not positive
        }
        throw new IllegalArgumentException("'" + duration + "' is not a positive ISO-8601 duration such as PT4H, "
                + "PT30M or P1D");
    }

    /** The id of the mute of {@code value} in {@code scope} for {@code sinkId} (null = every sink). */
    public static String idOf(Scope scope, String value, String sinkId) {
        return scope.label() + ":" + value + (sinkId == null || sinkId.isBlank() ? "" : "@" + sinkId);
    }

    /** True until {@code until} has passed. */
    public boolean activeAt(Instant now) {
        return until == null || now.isBefore(until);
    }

    /** True when this mute, active at {@code now}, holds back {@code mention} from sink {@code sink}. */
    public boolean covers(Mention mention, String sink, Instant now) {
        if (!activeAt(now) || sinkId != null && !sinkId.equals(sink)) {
            return false;
        }
        return switch (scope) {
            case TOPIC -> value.equals(mention.topicId());
            case STORY -> value.equals(mention.storyId());
            case SOURCE -> value.equalsIgnoreCase(mention.source());
        };
    }
}
