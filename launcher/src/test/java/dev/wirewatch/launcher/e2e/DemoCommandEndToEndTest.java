package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.launcher.cli.WirewatchCommand;
import dev.wirewatch.launcher.demo.DemoCorpus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wirewatch demo --once} exactly as a user runs it, twice on one data dir. */
class DemoCommandEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void demoOnceDeliversTheExpectedAlertsAndARerunRepeatsNone() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(0, demoOnce(out), out.toString());
        assertTrue(out.toString().contains("wirewatch: done: feeds polled 6, failed 0; articles 30; duplicates "
                + "dropped 15; mentions 4; alerts delivered 4"), out.toString());
        Path alerts = dataDir.resolve("alerts.jsonl");
        List<String> first = Files.readAllLines(alerts);
        assertEquals(DemoPipelineEndToEndTest.EXPECTED,
                DemoPipelineEndToEndTest.alertedStories(alerts, DemoCorpus.load()));

        StringWriter again = new StringWriter();
        assertEquals(0, demoOnce(again), again.toString());
        assertTrue(again.toString().contains("mentions 0; alerts delivered 0"), again.toString());
        assertEquals(first, Files.readAllLines(alerts), "the data dir persisted: nothing alerted twice");
    }

    private int demoOnce(StringWriter out) {
        CommandLine cli = WirewatchCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        return cli.execute("demo", "--once", "--data-dir", dataDir.toString(), "--metrics-port", "0");
    }
}
