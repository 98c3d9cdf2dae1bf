package dev.wirewatch.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.TrackedTopic;
import dev.wirewatch.launcher.demo.DemoConfig;
import dev.wirewatch.model.json.Json;
import dev.wirewatch.processing.match.DefaultTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchCommandTest {

    private List<JsonNode> match(String stdin, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "match";
        System.arraycopy(args, 0, all, 1, args.length);
        return StdinCommand.run(stdin, all);
    }

    @Test
    void oneLinePerInputWithSortedTopicsAndSnippets() throws Exception {
        List<JsonNode> rows = match("""
                {"id":"both","title":"C-130 talks","text":"Hanoi may pay for the Su-35 in rubles, officials said."}
                {"id":"none","text":"The rouble slid 3% on Tuesday."}
                not json
                {"id":"no-text"}
                """);
        assertEquals(4, rows.size());
        assertEquals("[\"c-130\",\"ruble-payments\",\"su-35\"]", rows.get(0).get("topics").toString());
        assertTrue(rows.get(0).get("snippets").get("su-35").asText().contains("**Su-35**"), rows.get(0).toString());
        assertEquals("[]", rows.get(1).get("topics").toString());
        assertTrue(rows.get(2).get("error").asText().contains("line 3"));
        assertEquals("no-text", rows.get(3).get("id").asText());
    }

    @Test
    void explainSaysForEveryTopicWhyItMatchedOrNot() throws Exception {
        List<JsonNode> out = match("{\"id\":\"a\",\"text\":\"The rouble slid on Tuesday; importers who had "
                + "bought dollars for a decade and feared new sanctions at last paid.\"}\n", "--explain");
        JsonNode explain = out.get(0).get("explain");
        assertEquals(List.of("c-130", "ruble-payments", "su-35"), fieldNames(explain));
        JsonNode ruble = explain.get("ruble-payments");
        assertEquals(false, ruble.get("matched").asBoolean());
        assertTrue(ruble.get("clause").get("why").asText().contains("words apart; NEAR/8 allows 8"),
                ruble.toString());
        assertEquals("rouble", ruble.get("clause").get("parts").get(0).get("found").get(0).get("text").asText());
        assertEquals("Su-35 OR \"Flanker E\"", explain.get("su-35").get("clause").get("clause").asText());
        assertEquals(null, match("{\"id\":\"b\",\"text\":\"x\"}\n").get(0).get("explain"),
                "only when asked");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void topicsComeFromTheConfigWhenGiven() throws Exception {
        Path config = Files.createTempFile("topics", ".yml");
        Files.writeString(config, "topics: [ { id: rice, query: 'rice NEAR/3 harvest*' } ]\n");
        List<JsonNode> rows = match("{\"id\":\"r\",\"text\":\"a bumper rice harvest and a Su-35\"}\n",
                "--config", config.toString());
        assertEquals("[\"rice\"]", rows.get(0).get("topics").toString());
    }

    @Test
    void demoAndExampleConfigsTrackTheShippedTopics() throws Exception {
        List<TrackedTopic> shipped = DefaultTopics.load();
        assertEquals(List.of("su-35", "c-130", "ruble-payments"), shipped.stream().map(TrackedTopic::id).toList());
        assertEquals(shipped, ConfigLoader.load(Path.of("..", "deploy", "wirewatch.example.yml"), name -> "x")
                .topics());
        assertEquals(shipped, DemoConfig.load("http://127.0.0.1:1", Path.of("/tmp/x")).topics());
    }
}
