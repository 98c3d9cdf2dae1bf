package dev.wirewatch.alerts.email;

import dev.wirewatch.alerts.Alert;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.MessageTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders a batch as an e-mail: a subject, a plain-text part and an HTML part, the alerts grouped by topic (a digest
 * holds several topics). Every piece of article content is HTML-escaped; only the matched terms are set in bold.
 *
 * <p>Stateless and thread safe.
 */
final class EmailRenderer {

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

    private EmailRenderer() {
    }

    static String subject(String prefix, AlertBatch batch) {
        String lead = prefix.isBlank() ? "" : prefix.strip() + " ";
        List<Alert> alerts = batch.alerts();
        if (batch.digest()) {
            lead = lead + "Digest: ";
        }
        if (alerts.size() == 1 && alerts.get(0).followsUp()) {
            Alert a = alerts.get(0);
            return oneLine(lead + a.topicName() + ": now on " + a.followUpSites() + " sites: "
                    + (a.title() == null ? a.url() : a.title()));
        }
        if (alerts.size() == 1 && !batch.digest()) {
            Alert a = alerts.get(0);
            return oneLine(lead + a.topicName() + ": " + (a.title() == null ? a.url() : a.title()));
        }
        StringBuilder topics = new StringBuilder();
        byTopic(batch).forEach((topic, list) -> topics.append(topics.length() == 0 ? "" : ", ").append(topic)
                .append(" (").append(list.size()).append(')'));
        return oneLine(lead + alerts.size() + " mentions: " + topics);
    }

    static String plain(AlertBatch batch) {
        StringBuilder out = new StringBuilder();
        byTopic(batch).forEach((topic, alerts) -> {
            out.append(topic).append('\n').append("=".repeat(Math.min(60, topic.length()))).append("\n\n");
            for (Alert a : alerts) {
                out.append(a.title() == null ? "(untitled)" : a.title()).append('\n').append(a.url()).append('\n')
                        .append(a.source()).append(" · ").append(when(a, batch)).append(alsoOn(a)).append('\n');
                if (a.snippet() != null) {
                    out.append(a.snippet().replace("**", "")).append('\n');
                }
                out.append('\n');
            }
        });
        return out.toString();
    }

    static String html(AlertBatch batch) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        byTopic(batch).forEach((topic, alerts) -> {
            out.append("<h2>").append(escape(topic)).append("</h2>");
            for (Alert a : alerts) {
                out.append("<p><a href=\"").append(escape(a.url())).append("\"><strong>")
                        .append(escape(a.title() == null ? a.url() : a.title())).append("</strong></a><br>")
                        .append("<small>").append(escape(a.source())).append(" · ").append(escape(when(a, batch)))
                        .append(alsoOn(a)).append("</small>");
                if (a.snippet() != null) {
                    out.append("<br>").append(BOLD.matcher(escape(a.snippet())).replaceAll("<b>$1</b>"));
                }
                out.append("</p>");
            }
        });
        return out.append("</body></html>").toString();
    }

    /** HTML escaping of text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Alerts by topic; in a digest, a story's alerts follow each other (grouped by topic and story). */
    private static Map<String, List<Alert>> byTopic(AlertBatch batch) {
        Map<String, List<Alert>> grouped = new LinkedHashMap<>();
        batch.byTopicAndStory().forEach((topic, stories) -> stories.values()
                .forEach(alerts -> grouped.computeIfAbsent(topic, t -> new java.util.ArrayList<>()).addAll(alerts)));
        return grouped;
    }

    private static String when(Alert a, AlertBatch batch) {
        return a.publishedAt() != null ? MessageTime.format(a.publishedAt(), batch.zone())
                : "detected " + MessageTime.format(a.detectedAt(), batch.zone());
    }

    private static String alsoOn(Alert a) {
        if (a.followsUp()) {
            return " · now on " + a.followUpSites() + " sites";
        }
        return a.alsoOn() == 0 ? "" : " · also on " + a.alsoOn() + (a.alsoOn() == 1 ? " site" : " sites");
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n]+", " ").strip();
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }
}
