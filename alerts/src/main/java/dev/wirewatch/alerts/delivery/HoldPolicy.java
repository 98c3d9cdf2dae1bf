package dev.wirewatch.alerts.delivery;

import dev.wirewatch.config.SinkSchedule;
import dev.wirewatch.model.Mention;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * Which mentions a sink holds back and until when: with a digest at a time of day, every mention of a topic not
 * marked urgent waits for the next digest (daily, or weekly on its weekday); otherwise, during quiet hours, until the
 * window ends. The time a mention is judged by is when processing detected it (record time), so a restart that reads
 * it again holds it until the same moment, and one read late is released at once.
 *
 * <p>Immutable and thread safe. Daylight-saving gaps and overlaps are resolved as {@link ZonedDateTime} does.
 */
final class HoldPolicy {

    private final SinkSchedule schedule;

    HoldPolicy(SinkSchedule schedule) {
        this.schedule = schedule;
    }

    /** When {@code mention} may be sent, or null for at once (the grouping windows still apply). */
    Instant releaseAt(Mention mention) {
        if (!schedule.holds() || mention.urgent()) {
            return null;
        }
        Instant detected = mention.detectedAt();
        if (schedule.digestAt() != null) {
            return nextDigest(detected);
        }
        return quietEnd(detected);
    }

    /**
     * True while a follow-up of an alert waits: during quiet hours, unless the alert's topic was urgent (as for its
     * mentions); a digest does not hold follow-ups, each is a message of its own.
     */
    boolean holdsFollowUp(boolean urgent, Instant now) {
        return !urgent && schedule.quietFrom() != null && quietEnd(now) != null;
    }

    private Instant nextDigest(Instant after) {
        ZonedDateTime local = after.atZone(schedule.digestZone());
        ZonedDateTime at = local.with(schedule.digestAt());
        if (schedule.digestOn() != null) {
            at = at.with(TemporalAdjusters.nextOrSame(schedule.digestOn()));
            if (at.toInstant().isBefore(after)) {
                at = at.plusWeeks(1).with(schedule.digestAt());
            }
        } else if (at.toInstant().isBefore(after)) {
            at = at.plusDays(1).with(schedule.digestAt());
        }
        return at.toInstant();
    }

    /** The end of the quiet window {@code detected} falls in, or null when it falls outside. */
    private Instant quietEnd(Instant detected) {
        ZonedDateTime local = detected.atZone(schedule.quietZone());
        LocalTime t = local.toLocalTime();
        LocalTime from = schedule.quietFrom();
        LocalTime to = schedule.quietTo();
        boolean crossesMidnight = from.isAfter(to);
        boolean quiet = crossesMidnight ? !t.isBefore(from) || t.isBefore(to) : !t.isBefore(from) && t.isBefore(to);
        if (!quiet) {
            return null;
        }
        ZonedDateTime end = local.with(to);
        if (!end.isAfter(local)) {
            end = end.plusDays(1).with(to);
        }
        return end.toInstant();
    }
}
