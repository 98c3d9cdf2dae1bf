package dev.wirewatch.alerts;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one message of a sink carries: the alerts of one group (one topic, or every topic for a digest), in the order
 * they were detected; whether it is a digest (what quiet hours or a scheduled digest held back, rendered grouped by
 * topic and story); and the zone its times are shown in.
 *
 * <p>Immutable; {@code alerts} is never empty, {@code zone} never null.
 */
public record AlertBatch(List<Alert> alerts, boolean digest, ZoneId zone) {

    public AlertBatch {
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one alert");
        }
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /** A plain message (not a digest), times in UTC. */
    public AlertBatch(List<Alert> alerts) {
        this(alerts, false, ZoneOffset.UTC);
    }

    public static AlertBatch of(Alert... alerts) {
        return new AlertBatch(List.of(alerts));
    }

    /** The stories of the batch, each with its alerts, topic by topic in first-seen order. */
    public Map<String, Map<String, List<Alert>>> byTopicAndStory() {
        Map<String, Map<String, List<Alert>>> grouped = new LinkedHashMap<>();
        for (Alert a : alerts) {
            grouped.computeIfAbsent(a.topicName(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(a.storyId(), s -> new ArrayList<>()).add(a);
        }
        return grouped;
    }

    /** The topics of the batch, in first-seen order. */
    public List<String> topicNames() {
        return alerts.stream().map(Alert::topicName).distinct().toList();
    }
}
