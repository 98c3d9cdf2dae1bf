package dev.wirewatch.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirewatch.config.TrackedTopic;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.model.json.Json;
import dev.wirewatch.processing.match.DefaultTopics;
import dev.wirewatch.processing.match.TopicMatch;
import dev.wirewatch.processing.match.TopicMatcher;
import dev.wirewatch.query.QuerySyntaxException;
import dev.wirewatch.query.TopicQueryParser;
import java.io.IOException;
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
                + "\"snippets\":{topicId: text}} per line. Topics from --config, else the shipped ones. With --explain, "
                + "also \"explain\":{topicId: why it matched or not, clause by clause}.")
final class MatchCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "take the topics from this Wirewatch config")
    Path config;

    @Option(names = "--explain", description = "say for every topic why the text matched it or not: each clause, "
            + "what it found (as written, with its word position) and, for NEAR, how close its sides came")
    boolean explain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<TrackedTopic> topics = DefaultTopics.load();
        if (config != null) {
            WirewatchConfig loaded = Configs.loadOrReport(config, spec.commandLine().getErr());
            if (loaded == null) {
                return ExitCodes.BAD_CONFIG;
            }
            topics = loaded.topics();
        }
        List<TrackedTopic> explained = explain ? topics : List.of();
        try (TopicMatcher matcher = new TopicMatcher(topics)) {
            JsonLines.transform(System.in, spec.commandLine().getOut(),
                    (input, line) -> match(matcher, explained, input, line), MatchCommand::error);
        }
        return ExitCodes.OK;
    }

    private static ObjectNode match(TopicMatcher matcher, List<TrackedTopic> explained, JsonNode input,
                                    int lineNumber) {
        String id = JsonLines.text(input, "id");
        String text = JsonLines.text(input, "text");
        if (id == null || text == null) {
            return error(id, "line " + lineNumber + ": needs \"id\" and \"text\"");
        }
        String title = JsonLines.text(input, "title");
        String searchable = title == null ? text : title + "\n\n" + text;
        List<TopicMatch> matches = matcher.match(searchable).stream()
                .sorted(Comparator.comparing(m -> m.topic().id())).toList();
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("id", id);
        ArrayNode ids = result.putArray("topics");
        matches.forEach(m -> ids.add(m.topic().id()));
        ObjectNode snippets = result.putObject("snippets");
        matches.forEach(m -> snippets.put(m.topic().id(), m.snippet()));
        if (!explained.isEmpty()) {
            ObjectNode why = result.putObject("explain");
            for (TrackedTopic topic : explained.stream().sorted(Comparator.comparing(TrackedTopic::id)).toList()) {
                try {
                    why.set(topic.id(), Json.mapper().valueToTree(TopicQueryParser.explain(topic.query(),
                            searchable)));
                } catch (QuerySyntaxException e) {
                    why.putObject(topic.id()).put("error", e.getMessage());
                }
            }
        }
        return result;
    }

    private static ObjectNode error(String id, String message) {
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("id", id);
        result.putArray("topics");
        result.putObject("snippets");
        result.put("error", message);
        return result;
    }
}
