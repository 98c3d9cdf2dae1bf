package dev.wirewatch.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckConfigCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int checkConfig(String yaml) throws Exception {
        Path file = dir.resolve("wirewatch.yml");
        Files.writeString(file, yaml);
        CommandLine cli = WirewatchCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("check-config", file.toString());
    }

    @Test
    void typoedKeyAndBadDurationAreBothReportedWithLinesAndExitTwo() throws Exception {
        int exit = checkConfig("""
                kafka: { partitions: 3 }
                feeds:
                  - url: https://news.example/rss.xml
                    pollIntervall: PT5M
                  - url: https://other.example/atom.xml
                    pollInterval: every five minutes
                """);
        assertEquals(ExitCodes.BAD_CONFIG, exit);
        String report = err.toString();
        assertTrue(report.contains("wirewatch.yml:4: feeds[0].pollIntervall: unknown key 'pollIntervall' "
                + "(did you mean 'pollInterval'?)"), report);
        assertTrue(report.contains("wirewatch.yml:6: feeds[1].pollInterval: 'every five minutes' is not an ISO-8601 "
                + "duration such as PT5M"), report);
        assertTrue(report.contains("2 problems"), report);
    }

    @Test
    void badTopicQueryIsReportedWithTopicIdAndPosition() throws Exception {
        int exit = checkConfig("""
                topics:
                  - { id: su-35, query: '"Su-35"' }
                  - { id: rubles, query: '"ruble payments' }
                """);
        assertEquals(ExitCodes.BAD_CONFIG, exit);
        assertTrue(err.toString().contains("wirewatch.yml:3: topics[1].query: topic 'rubles': bad query: unclosed "
                + "quote at position 0"), err.toString());
    }

    @Test
    void validConfigIsAcceptedWithASummary() throws Exception {
        assertEquals(ExitCodes.OK, checkConfig(Files.readString(Path.of("..", "deploy", "wirewatch.example.yml"))
                ));
        assertTrue(out.toString().contains("OK (")
                && out.toString().contains("3 topics"), out.toString());
    }

    @Test
    void missingFileIsAClearError() {
        CommandLine cli = WirewatchCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.BAD_CONFIG, cli.execute("check-config", dir.resolve("nope.yml").toString()));
        assertTrue(err.toString().contains("cannot read the file"), err.toString());
    }

    @Test
    void runRefusesToStartOnADataDirectoryWithLessFreeSpaceThanTheMinimum() throws Exception {
        Path file = dir.resolve("full.yml");
        Files.writeString(file, "kafka: { dataDir: \"" + dir.resolve("data") + "\", minFreeDiskMb: 2000000000 }\n"
                + "metrics: { port: -1 }\ndesk: { port: -1 }\n");
        CommandLine cli = WirewatchCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.FAILED, cli.execute("run", "--config", file.toString(), "--once"));
        assertTrue(err.toString().contains("could not start: the data directory") && err.toString()
                .contains("kafka.minFreeDiskMb"), err.toString());
        assertEquals(ExitCodes.BAD_CONFIG, checkConfig("kafka: { minFreeDiskMb: -1 }\n"));
        assertTrue(err.toString().contains("kafka.minFreeDiskMb: -1 is negative"), err.toString());
    }
}
