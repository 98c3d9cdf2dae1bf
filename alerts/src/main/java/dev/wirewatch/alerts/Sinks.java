package dev.wirewatch.alerts;

import dev.wirewatch.alerts.console.ConsoleSink;
import dev.wirewatch.alerts.email.EmailSink;
import dev.wirewatch.alerts.file.FileSink;
import dev.wirewatch.alerts.slack.SlackBotSink;
import dev.wirewatch.alerts.slack.SlackSink;
import dev.wirewatch.alerts.webhook.WebhookSink;
import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.config.SinkSchedule;
import dev.wirewatch.config.SinkSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Builds the configured sinks with their delivery settings.
 *
 * <p>Stateless and thread safe.
 */
public final class Sinks {

    private Sinks() {
    }

    /** One sink per setting, in configuration order. Settings are assumed validated. */
    public static List<ConfiguredSink> from(List<SinkSettings> settings, Clock clock) {
        return settings.stream().map(s -> new ConfiguredSink(sink(s, clock), s.delivery(),
                s.digest() != null, SinkSchedule.of(s), s.followUp() == null ? List.of() : s.followUp().atSites()))
                .toList();
    }

    private static AlertSink sink(SinkSettings s, Clock clock) {
        SinkRoute route = SinkRoute.of(s);
        if (s instanceof SinkSettings.File f) {
            return new FileSink(f.id(), route, Path.of(f.path()));
        }
        if (s instanceof SinkSettings.Console c) {
            return new ConsoleSink(c.id(), route, System.out);
        }
        if (s instanceof SinkSettings.Slack slack && slack.botToken() != null && !slack.botToken().isBlank()) {
            return new SlackBotSink(slack.id(), route, slack.apiUrl() == null ? SlackBotSink.DEFAULT_API
                    : URI.create(slack.apiUrl().trim()), slack.botToken().trim(), slack.channel().trim());
        }
        if (s instanceof SinkSettings.Slack slack) {
            return new SlackSink(slack.id(), route, URI.create(slack.webhookUrl().trim()));
        }
        if (s instanceof SinkSettings.Webhook w) {
            return new WebhookSink(w.id(), route, URI.create(w.url().trim()), w.secret(), clock);
        }
        if (s instanceof SinkSettings.Email e) {
            return new EmailSink(e);
        }
        throw new IllegalArgumentException("sink '" + s.id() + "' has no known type");
    }
}
