package dev.wirewatch.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirewatch.model.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The loop of the stdin-to-stdout commands ({@code dedup}, {@code match}): one JSON object in per line, one out per
 * line; a line that is not JSON gets an error line instead, and the next line is read.
 */
final class JsonLines {

    /** Turns one input object (from line {@code lineNumber}) into its output object. */
    interface Handler {
        ObjectNode handle(JsonNode input, int lineNumber);
    }

    /** The output for a line that cannot be handled: {@code id} may be null. */
    interface ErrorLine {
        ObjectNode error(String id, String message);
    }

    private JsonLines() {
    }

    static void transform(InputStream in, PrintWriter out, Handler handler, ErrorLine errorLine) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode result;
            try {
                result = handler.handle(Json.mapper().readTree(line), lineNumber);
            } catch (IOException e) {
                result = errorLine.error(null, "line " + lineNumber + ": not JSON");
            }
            out.println(Json.mapper().writeValueAsString(result));
        }
        out.flush();
    }

    /** The text of {@code field}, or null when it is missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
