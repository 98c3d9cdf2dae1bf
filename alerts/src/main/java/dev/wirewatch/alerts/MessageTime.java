package dev.wirewatch.alerts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How messages show a time: day, month, year, hours and minutes in the sink's zone with the zone's short name
 * ("1 Dec 2026 07:30 ICT"), or "UTC" for UTC.
 *
 * <p>Stateless and thread safe.
 */
public final class MessageTime {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private MessageTime() {
    }

    public static String format(Instant time, ZoneId zone) {
        if (zone == null || zone.normalized().equals(ZoneOffset.UTC)) {
            return UTC.format(time);
        }
        return DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH).withZone(zone).format(time);
    }

    /** The heading of a digest: how many alerts on how many topics. */
    public static String digestHeading(AlertBatch batch) {
        int topics = batch.byTopicAndStory().size();
        int alerts = batch.alerts().size();
        return "Digest: " + alerts + (alerts == 1 ? " alert" : " alerts") + " on " + topics
                + (topics == 1 ? " topic" : " topics");
    }
}
