package dev.wirewatch.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirewatch.launcher.demo.DemoCorpus;
import dev.wirewatch.model.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DedupCommandTest {

    private final DemoCorpus corpus = DemoCorpus.load();

    private String line(String id, String textId, String publishedAt) throws Exception {
        DemoCorpus.Text text = corpus.text(textId);
        return Json.mapper().writeValueAsString(Map.of("id", id, "title", text.headline(),
                "text", String.join("\n\n", text.paragraphs()), "publishedAt", publishedAt));
    }

    private List<JsonNode> dedup(String stdin) throws Exception {
        return StdinCommand.run(stdin, "dedup");
    }

    @Test
    void oneLinePerInputWithCopiesStoriesAndErrors() throws Exception {
        String stdin = String.join("\n",
                line("report", "su35-report", "2025-07-14T06:00:00Z"),
                line("edited", "su35-report-edited", "2025-07-15T08:00:00Z"),
                "{not json",
                line("rewrite", "su35-rewrite", "2025-07-16"),
                "{\"id\":\"no-text\"}",
                line("su30", "su30-overhaul", "2025-07-16T00:00:00Z")) + "\n";
        List<JsonNode> rows = dedup(stdin);
        assertEquals(6, rows.size());

        assertTrue(rows.get(0).get("duplicateOf").isNull());
        assertEquals("report", rows.get(0).get("storyId").asText());
        assertEquals("report", rows.get(1).get("duplicateOf").asText(), "edited copy with a new headline");
        assertTrue(rows.get(1).get("similarity").asDouble() >= 0.4);
        assertEquals("report", rows.get(1).get("storyId").asText());
        assertTrue(rows.get(2).get("error").asText().contains("line 3"), rows.get(2).toString());
        assertTrue(rows.get(3).get("duplicateOf").isNull(), "a rewrite is not a copy");
        assertTrue(rows.get(4).get("error").asText().contains("needs \"id\" and \"text\""), rows.get(4).toString());
        assertEquals("no-text", rows.get(4).get("id").asText());
        assertEquals("su30", rows.get(5).get("storyId").asText(), "another event is another story");
    }

    @Test
    void thresholdsComeFromTheConfigWhenOneIsGiven() throws Exception {
        Path config = Files.createTempFile("dedup", ".yml");
        Files.writeString(config, "processing:\n  copyJaccard: 0.99\n  copyContainment: 1.0\n"
                + "  storyThreshold: 0.99\n  embedding: { threshold: 0.999, supportedThreshold: 0.999 }\n");
        String stdin = String.join("\n", line("report", "su35-report", "2025-07-14T06:00:00Z"),
                line("edited", "su35-report-edited", "2025-07-15T08:00:00Z")) + "\n";
        assertEquals("report", dedup(stdin).get(1).get("duplicateOf").asText(), "by default a copy");
        List<JsonNode> strict = StdinCommand.run(stdin, "dedup", "--config", config.toString());
        assertTrue(strict.get(1).get("duplicateOf").isNull(), strict.toString());
        assertEquals("edited", strict.get(1).get("storyId").asText());
        Files.delete(config);
    }

    @Test
    void aConfigWithABadThresholdIsRefusedSayingWhichKey() throws Exception {
        Path config = Files.createTempFile("dedup", ".yml");
        Files.writeString(config, "processing:\n  storyThreshold: 3\n");
        StringWriter err = new StringWriter();
        CommandLine cli = WirewatchCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.BAD_CONFIG, cli.execute("dedup", "--config", config.toString()));
        assertTrue(err.toString().contains("processing.storyThreshold"), err.toString());
        Files.delete(config);
    }
}
