package dev.wirewatch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps each key path of a YAML document ({@code kafka.partitions}, {@code feeds[0].url}) to the line it is on, so
 * that problems found after binding can still name their line.
 *
 * <p>Immutable once built.
 */
final class YamlPaths {

    private final Map<String, Integer> lines;

    private YamlPaths(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Indexes {@code yaml}; a document that does not parse yields what was read before the error. */
    static YamlPaths index(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || parser.getParsingContext().inArray()) {
                    lines.putIfAbsent(pathOf(parser.getParsingContext()), parser.currentLocation().getLineNr());
                } else if (token.isStructStart() && parser.getParsingContext().getParent() != null
                        && parser.getParsingContext().getParent().inArray()) {
                    lines.putIfAbsent(pathOf(parser.getParsingContext().getParent()),
                            parser.currentLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // Syntax errors are reported by the binder with their own location.
        }
        return new YamlPaths(lines);
    }

    /** The line of {@code path}, or of its nearest ancestor that has one; 0 when none does. */
    int lineOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 0;
    }

    /** The dotted path of a parser context, e.g. {@code alerts.sinks[1].path}. */
    static String pathOf(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        append(context, path);
        return path.toString();
    }

    private static void append(JsonStreamContext context, StringBuilder path) {
        if (context == null || context.inRoot()) {
            return;
        }
        append(context.getParent(), path);
        if (context.inArray()) {
            path.append('[').append(Math.max(context.getCurrentIndex(), 0)).append(']');
        } else if (context.getCurrentName() != null) {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(context.getCurrentName());
        }
    }
}
