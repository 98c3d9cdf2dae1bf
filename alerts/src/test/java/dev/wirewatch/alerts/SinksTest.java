package dev.wirewatch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirewatch.alerts.console.ConsoleSink;
import dev.wirewatch.alerts.file.FileSink;
import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.config.SinkSettings;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinksTest {

    private static final Mention MENTION = new Mention(1, "su-35", "Su-35 fighter", "story-1", "article-1",
            "https://a.example/su35", "Hanoi signs for Su-35s", "The Hanoi Herald", "… buy 40 **Su-35** jets …",
            List.of("Su-35"), Instant.parse("2025-07-14T06:00:00Z"), Instant.parse("2025-07-14T06:05:00Z"), false);

    @Test
    void fileSinkAppendsOneJsonObjectPerLineWithTheContractFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/alerts.jsonl");
        FileSink sink = new FileSink("file", SinkRoute.ALL, file);
        sink.deliver(AlertBatch.of(Alert.from(MENTION)));
        sink.deliver(AlertBatch.of(Alert.from(MENTION)));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        JsonNode line = Json.mapper().readTree(lines.get(0));
        Set<String> fields = Set.copyOf(StreamSupport.stream(
                ((Iterable<String>) line::fieldNames).spliterator(), false).toList());
        assertEquals(Set.of("topic", "topicName", "storyId", "url", "title", "source", "snippet", "publishedAt",
                "detectedAt", "backfill", "alsoOn", "followUpSites"), fields, "threadRef is left out while null");
        assertEquals("su-35", line.get("topic").asText());
        assertEquals("2025-07-14T06:00:00Z", line.get("publishedAt").asText());
        assertEquals("2025-07-14T06:05:00Z", line.get("detectedAt").asText());
    }

    @Test
    void fileSinkThatCannotWriteSaysWhere(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        FileSink sink = new FileSink("file", SinkRoute.ALL, blocker.resolve("alerts.jsonl"));
        DeliveryException e = assertThrows(DeliveryException.class, () -> sink.deliver(AlertBatch.of(Alert.from(MENTION))));
        assertTrue(e.getMessage().contains("not-a-dir"), e.getMessage());
    }

    @Test
    void consoleSinkPrintsOneReadableLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleSink("console", SinkRoute.ALL, new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .deliver(AlertBatch.of(Alert.from(MENTION)));
        assertEquals("ALERT [Su-35 fighter] Hanoi signs for Su-35s — The Hanoi Herald (https://a.example/su35)\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sinksAreBuiltFromSettingsWithTheirRoutes() {
        List<AlertSink> sinks = Sinks.from(List.<SinkSettings>of(new SinkSettings.File("f", List.of("c-130"),
                "/tmp/x.jsonl"), new SinkSettings.Console(null, null, null)), Clock.systemUTC()).stream()
                .map(ConfiguredSink::sink).toList();
        assertEquals(List.of("f", "console"), sinks.stream().map(AlertSink::id).toList());
        assertFalse(sinks.get(0).accepts(Mentions.of("su-35", "s", "t")));
        assertTrue(sinks.get(0).accepts(Mentions.of("c-130", "s", "t")));
        assertTrue(sinks.get(1).accepts(Mentions.of("su-35", "s", "t")));
    }

    @Test
    void aSinkWithMatchersTakesTheTopicsWhoseLabelsSatisfyAllOfThemBesidesItsListedTopics() {
        AlertSink defence = Sinks.from(List.<SinkSettings>of(new SinkSettings.Console("defence", List.of("c-130"),
                List.of("label=defence", "label!~\"test.*\""))), Clock.systemUTC()).get(0).sink();
        assertTrue(defence.accepts(Mentions.labelled("kilo", "s", "defence", "asia")));
        assertFalse(defence.accepts(Mentions.labelled("kilo", "s", "defence", "test-run")), "label!~ vetoes");
        assertFalse(defence.accepts(Mentions.labelled("rouble", "s", "markets")));
        assertFalse(defence.accepts(Mentions.of("su-35", "s", "t")), "no labels, not listed");
        assertTrue(defence.accepts(Mentions.of("c-130", "s", "t")), "listed by id");
        AlertSink byTopic = Sinks.from(List.<SinkSettings>of(new SinkSettings.Console("su", null,
                List.of("topic=~su-.*"))), Clock.systemUTC()).get(0).sink();
        assertTrue(byTopic.accepts(Mentions.of("su-35", "s", "t")));
        assertFalse(byTopic.accepts(Mentions.of("c-130", "s", "t")));
    }
}
