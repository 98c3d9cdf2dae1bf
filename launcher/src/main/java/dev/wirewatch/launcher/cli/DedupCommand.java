package dev.wirewatch.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.model.json.Json;
import dev.wirewatch.processing.ArticleTriage;
import dev.wirewatch.processing.triage.Decision;
import java.io.IOException;
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

    @Option(names = "--config", paramLabel = "FILE", description = "a Wirewatch config whose processing thresholds "
            + "(copyJaccard, copyContainment, copyContainmentMinJaccard, storyThreshold, storyWindow) to use instead of "
            + "the defaults")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ProcessingSettings settings = ProcessingSettings.defaults();
        if (config != null) {
            WirewatchConfig loaded = Configs.loadOrReport(config, spec.commandLine().getErr());
            if (loaded == null) {
                return ExitCodes.BAD_CONFIG;
            }
            settings = loaded.processing();
        }
        ArticleTriage triage = new ArticleTriage(settings);
        JsonLines.transform(System.in, spec.commandLine().getOut(), (input, line) -> decide(triage, input, line),
                DedupCommand::error);
        return ExitCodes.OK;
    }

    private static ObjectNode decide(ArticleTriage triage, JsonNode input, int lineNumber) {
        ObjectNode result = Json.mapper().createObjectNode();
        String id = JsonLines.text(input, "id");
        String body = JsonLines.text(input, "text");
        if (id == null || body == null) {
            return error(id, "line " + lineNumber + ": needs \"id\" and \"text\"");
        }
        Decision decision = triage.triage(id, JsonLines.text(input, "title"), body,
                instant(JsonLines.text(input, "publishedAt")));
        result.put("id", id);
        result.put("duplicateOf", decision.duplicateOf());
        result.put("similarity", Math.round(decision.similarity() * 1000) / 1000.0);
        result.put("storyId", decision.storyId());
        return result;
    }

    private static ObjectNode error(String id, String message) {
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("id", id);
        result.putNull("duplicateOf");
        result.put("similarity", 0.0);
        result.putNull("storyId");
        result.put("error", message);
        return result;
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
