package dev.wirewatch.config;

import java.util.List;

/**
 * The whole Wirewatch configuration, as read from one YAML file.
 *
 * <p>Immutable. Sections left out of the file get their documented defaults, so no field is ever null; values are
 * checked by {@link ConfigLoader}, not here, so that every problem in a file can be reported at once.
 */
public record WirewatchConfig(
        KafkaSettings kafka,
        List<FeedSettings> feeds,
        IngestSettings ingest,
        List<TrackedTopic> topics,
        AlertsSettings alerts,
        MetricsSettings metrics,
        ProcessingSettings processing,
        DeskSettings desk) {

    public WirewatchConfig {
        kafka = kafka == null ? new KafkaSettings(null, null, null) : kafka;
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        ingest = ingest == null ? new IngestSettings(null, null, null, null, null, null, null) : ingest;
        topics = topics == null ? List.of() : List.copyOf(topics);
        alerts = alerts == null ? new AlertsSettings(null) : alerts;
        metrics = metrics == null ? new MetricsSettings(null, null) : metrics;
        processing = processing == null ? ProcessingSettings.defaults() : processing;
        desk = desk == null ? DeskSettings.defaults() : desk;
    }

    /** A copy with other Kafka settings. */
    public WirewatchConfig withKafka(KafkaSettings newKafka) {
        return new WirewatchConfig(newKafka, feeds, ingest, topics, alerts, metrics, processing, desk);
    }

    /** A copy polling other feeds. */
    public WirewatchConfig withFeeds(java.util.List<FeedSettings> newFeeds) {
        return new WirewatchConfig(kafka, newFeeds, ingest, topics, alerts, metrics, processing, desk);
    }

    /** A copy tracking other topics. */
    public WirewatchConfig withTopics(java.util.List<TrackedTopic> newTopics) {
        return new WirewatchConfig(kafka, feeds, ingest, newTopics, alerts, metrics, processing, desk);
    }

    /** A copy with other metrics settings. */
    public WirewatchConfig withMetrics(MetricsSettings newMetrics) {
        return new WirewatchConfig(kafka, feeds, ingest, topics, alerts, newMetrics, processing, desk);
    }

    /** A copy with other desk settings. */
    public WirewatchConfig withDesk(DeskSettings newDesk) {
        return new WirewatchConfig(kafka, feeds, ingest, topics, alerts, metrics, processing, newDesk);
    }
}
