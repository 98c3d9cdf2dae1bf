package dev.wirewatch.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirewatch.config.ConfigException;
import dev.wirewatch.model.json.Json;
import dev.wirewatch.processing.ArticleTriage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch dedup}: near-duplicate and story decisions for article JSON lines on stdin, one output line per
 * input line, with the same classes and defaults as processing.
 */
@Command(name = "dedup", mixinStandardHelpOptions = true,
        description = "Read {\"id\",\"title\",\"text\",\"publishedAt\"?} JSON lines on stdin in arrival order; write "
                + "{\"id\",\"duplicateOf\",\"similarity\",\"storyId\"} per line.")
final class DedupCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "a Wirewatch config to validate and use")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (config != null) {
            try {
                Configs.load(config);
            } catch (ConfigException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.BAD_CONFIG;
            }
        }
        ArticleTriage triage = ArticleTriage.withDefaults();
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        int lineNumber = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            out.println(Json.mapper().writeValueAsString(decide(triage, line, lineNumber)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static ObjectNode decide(ArticleTriage triage, String line, int lineNumber) {
        ObjectNode result = Json.mapper().createObjectNode();
        JsonNode input;
        try {
            input = Json.mapper().readTree(line);
        } catch (IOException e) {
            return error(result, null, "line " + lineNumber + ": not JSON");
        }
        String id = text(input, "id");
        String body = text(input, "text");
        if (id == null || body == null) {
            return error(result, id, "line " + lineNumber + ": needs \"id\" and \"text\"");
        }
        ArticleTriage.Triage decision = triage.triage(id, text(input, "title"), body,
                instant(text(input, "publishedAt")));
        result.put("id", id);
        result.put("duplicateOf", decision.duplicateOf());
        result.put("similarity", Math.round(decision.verdict().similarity() * 1000) / 1000.0);
        result.put("storyId", decision.storyId());
        return result;
    }

    private static ObjectNode error(ObjectNode result, String id, String message) {
        result.put("id", id);
        result.putNull("duplicateOf");
        result.put("similarity", 0.0);
        result.putNull("storyId");
        result.put("error", message);
        return result;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** ISO instants, offset date-times or plain dates; anything else counts as unknown (null). */
    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.substring(0, Math.min(10, value.length()))).atStartOfDay()
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                return null; // an unreadable date only widens the story window check
            }
        }
    }
}
