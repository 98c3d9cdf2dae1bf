package dev.wirewatch.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirewatch.config.ConfigException;
import dev.wirewatch.config.TrackedTopic;
import dev.wirewatch.model.json.Json;
import dev.wirewatch.processing.match.DefaultTopics;
import dev.wirewatch.processing.match.TopicMatch;
import dev.wirewatch.processing.match.TopicMatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch match}: the tracked topics found in each JSON line on stdin, with the same analyzer, queries and
 * matcher as processing.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Read {\"id\",\"title\"?,\"text\"} JSON lines on stdin; write {\"id\",\"topics\":[sorted ids],"
                + "\"snippets\":{topicId: text}} per line. Topics from --config, else the shipped ones.")
final class MatchCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "take the topics from this Wirewatch config")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<TrackedTopic> topics;
        if (config != null) {
            try {
                topics = Configs.load(config).topics();
            } catch (ConfigException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.BAD_CONFIG;
            }
        } else {
            topics = DefaultTopics.load();
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TopicMatcher matcher = new TopicMatcher(topics)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    out.println(Json.mapper().writeValueAsString(match(matcher, line, lineNumber)));
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static ObjectNode match(TopicMatcher matcher, String line, int lineNumber) {
        ObjectNode result = Json.mapper().createObjectNode();
        JsonNode input;
        try {
            input = Json.mapper().readTree(line);
        } catch (IOException e) {
            return error(result, null, "line " + lineNumber + ": not JSON");
        }
        JsonNode id = input.get("id");
        JsonNode text = input.get("text");
        if (id == null || text == null || !text.isTextual()) {
            return error(result, id == null ? null : id.asText(), "line " + lineNumber + ": needs \"id\" and \"text\"");
        }
        JsonNode title = input.get("title");
        String searchable = title == null || title.isNull() ? text.asText() : title.asText() + "\n\n" + text.asText();
        List<TopicMatch> matches = matcher.match(searchable).stream()
                .sorted(Comparator.comparing(m -> m.topic().id())).toList();
        result.put("id", id.asText());
        matches.forEach(m -> result.withArray("topics").add(m.topic().id()));
        result.withArray("topics");
        ObjectNode snippets = result.putObject("snippets");
        matches.forEach(m -> snippets.put(m.topic().id(), m.snippet()));
        return result;
    }

    private static ObjectNode error(ObjectNode result, String id, String message) {
        result.put("id", id);
        result.putArray("topics");
        result.putObject("snippets");
        result.put("error", message);
        return result;
    }
}
