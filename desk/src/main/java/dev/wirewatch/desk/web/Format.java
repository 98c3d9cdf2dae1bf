package dev.wirewatch.desk.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Small formatting helpers the templates call: times, durations, similarity, and snippets split at their
 * {@code **} marks so that a template can wrap the marked parts in {@code <mark>} and still escape every character.
 *
 * <p>Stateless and thread safe.
 */
public final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** A piece of a snippet, marked when it is a match. */
    public record Part(String text, boolean marked) {
    }

    public static String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant);
    }

    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public static String duration(Duration d) {
        return d == null ? "–" : d.toString().substring(2).toLowerCase();
    }

    public static String similarity(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    public static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }

    /** The link itself when it is http(s), else "#": a hostile feed must not plant a javascript: link. */
    public static String safeUrl(String url) {
        if (url == null) {
            return "#";
        }
        String lower = url.trim().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? url.trim() : "#";
    }

    /** The snippet's text split at its {@code **} marks; odd pieces are the matches. */
    public static List<Part> marked(String snippet) {
        List<Part> parts = new ArrayList<>();
        if (snippet == null) {
            return parts;
        }
        String[] pieces = snippet.split("\\*\\*", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (!pieces[i].isEmpty()) {
                parts.add(new Part(pieces[i], i % 2 == 1 && i < pieces.length - 1));
            }
        }
        return parts;
    }
}
