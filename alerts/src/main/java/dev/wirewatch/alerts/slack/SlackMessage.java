package dev.wirewatch.alerts.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirewatch.alerts.Alert;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.MessageTime;
import dev.wirewatch.model.json.Json;
import java.util.regex.Pattern;

/**
 * Renders a batch as a Slack Block Kit message: a header with the topic name, then per alert the headline linked to
 * the article, the snippet with the matched terms in bold, and source and time; plus the top-level {@code text} that
 * Slack shows in notifications and where blocks cannot be drawn.
 *
 * <p>Stateless and thread safe. Article content is escaped for Slack's mrkdwn ({@code & < >}), so a headline cannot
 * inject links or mentions.
 */
final class SlackMessage {

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final int MAX_TEXT = 2900; // Slack's section text limit is 3000 characters

    private SlackMessage() {
    }

    static String render(AlertBatch batch) {
        return message(batch).toString();
    }

    /** The message as a JSON object, for a caller that adds fields (the Web API's channel and thread). */
    static ObjectNode message(AlertBatch batch) {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("text", fallbackText(batch));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", truncate(batch.digest()
                ? MessageTime.digestHeading(batch) : batch.alerts().get(0).followsUp()
                ? "Follow-up: " + String.join(", ", batch.topicNames()) : String.join(", ", batch.topicNames()), 150));
        if (batch.digest()) {
            digest(batch, blocks);
            return message;
        }
        if (batch.alerts().get(0).followsUp()) {
            followUp(batch.alerts().get(0), blocks, batch);
            return message;
        }
        for (Alert alert : batch.alerts()) {
            String title = alert.title() == null || alert.title().isBlank() ? alert.url() : alert.title();
            StringBuilder text = new StringBuilder("*").append(link(alert.url(), title)).append("*");
            if (alert.snippet() != null && !alert.snippet().isBlank()) {
                text.append('\n').append(bold(escape(alert.snippet())));
            }
            ObjectNode section = blocks.addObject().put("type", "section");
            section.putObject("text").put("type", "mrkdwn").put("text", truncate(text.toString(), MAX_TEXT));
            context(blocks, alert, batch);
        }
        return message;
    }

    /** "Now on N sites": the story that alerted has grown. */
    private static void followUp(Alert alert, ArrayNode blocks, AlertBatch batch) {
        String title = alert.title() == null || alert.title().isBlank() ? alert.url() : alert.title();
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text",
                truncate("Now on *" + alert.followUpSites() + " sites*: " + link(alert.url(), title), MAX_TEXT));
        context(blocks, alert, batch);
    }

    /** A digest: a heading per topic, then each story once (its first alert), with what else it brought. */
    private static void digest(AlertBatch batch, ArrayNode blocks) {
        batch.byTopicAndStory().forEach((topic, stories) -> {
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                    .put("text", truncate("*" + escape(topic).replace("*", "") + "* · " + stories.size()
                            + (stories.size() == 1 ? " story" : " stories"), MAX_TEXT));
            stories.values().forEach(alerts -> {
                Alert first = alerts.get(0);
                String title = first.title() == null || first.title().isBlank() ? first.url() : first.title();
                StringBuilder text = new StringBuilder("• *").append(link(first.url(), title)).append("*");
                if (alerts.size() > 1) {
                    text.append(" (+").append(alerts.size() - 1).append(" more in this story)");
                }
                blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                        .put("text", truncate(text.toString(), MAX_TEXT));
                context(blocks, first, batch);
            });
        });
    }

    private static void context(ArrayNode blocks, Alert alert, AlertBatch batch) {
        ObjectNode context = blocks.addObject().put("type", "context");
        String when = alert.publishedAt() != null ? MessageTime.format(alert.publishedAt(), batch.zone())
                : "detected " + MessageTime.format(alert.detectedAt(), batch.zone());
        context.putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", escape(alert.source()) + " · " + when + alsoOn(alert)
                        + (alert.backfill() ? " · found on backfill" : ""));
    }

    private static String alsoOn(Alert alert) {
        return alert.alsoOn() == 0 ? "" : " · also on " + alert.alsoOn() + (alert.alsoOn() == 1 ? " site" : " sites");
    }

    private static String fallbackText(AlertBatch batch) {
        Alert lead = batch.alerts().get(0);
        if (lead.followsUp()) {
            return truncate(escape("[" + lead.topicName() + "] now on " + lead.followUpSites() + " sites: "
                    + (lead.title() == null ? lead.url() : lead.title())), MAX_TEXT);
        }
        if (batch.digest()) {
            return truncate(escape(MessageTime.digestHeading(batch) + ": " + String.join(", ", batch.topicNames())),
                    MAX_TEXT);
        }
        Alert first = batch.alerts().get(0);
        String title = first.title() == null ? first.url() : first.title();
        String more = batch.alerts().size() > 1 ? " (+" + (batch.alerts().size() - 1) + " more)" : "";
        return truncate(escape("[" + first.topicName() + "] " + title + " — " + first.source()) + more, MAX_TEXT);
    }

    /** A mrkdwn link: the URL cannot close it early, the escaped title cannot split it. */
    private static String link(String url, String title) {
        return "<" + url.replace("|", "%7C").replace(">", "%3E") + "|" + escape(title).replace("|", "¦") + ">";
    }

    /** Slack's mrkdwn escaping: only these three characters are control characters. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The matcher marks terms as {@code **term**}; Slack's bold is {@code *term*}. */
    static String bold(String snippet) {
        return BOLD.matcher(snippet).replaceAll(m -> "*" + m.group(1).replace("*", "") + "*");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
