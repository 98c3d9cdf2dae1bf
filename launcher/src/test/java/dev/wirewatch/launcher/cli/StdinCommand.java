package dev.wirewatch.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirewatch.model.json.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs a stdin-to-stdout command in-process with the given standard input; returns its JSON output lines. */
final class StdinCommand {

    private StdinCommand() {
    }

    static List<JsonNode> run(String stdin, String... args) throws Exception {
        InputStream original = System.in;
        StringWriter out = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine cli = WirewatchCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            assertEquals(ExitCodes.OK, cli.execute(args));
        } finally {
            System.setIn(original);
        }
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            rows.add(Json.mapper().readTree(line));
        }
        return rows;
    }
}
