package dev.wirewatch.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.FeedSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeedsCommandTest {

    @TempDir
    Path dir;

    @Test
    void importPrintsConfigEntriesThatLoadBack() throws Exception {
        Path opml = Files.writeString(dir.resolve("export.opml"), """
                <opml version="1.0"><body>
                  <outline text="fallback" title='Desk: "Asia"' xmlUrl="https://a.example/rss"/>
                  <outline text="B" xmlUrl="https://b.example/atom.xml"/>
                </body></opml>
                """);
        StringWriter out = new StringWriter();
        CommandLine cli = WirewatchCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(ExitCodes.OK, cli.execute("feeds", "import", opml.toString()));
        Path config = Files.writeString(dir.resolve("wirewatch.yml"), out.toString());
        List<FeedSettings> feeds = ConfigLoader.load(config, name -> null).feeds();
        assertEquals(List.of("Desk: \"Asia\"", "B"), feeds.stream().map(FeedSettings::name).toList());
        assertEquals("https://b.example/atom.xml", feeds.get(1).url());
    }

    @Test
    void unreadableOpmlIsExitTwo() {
        StringWriter err = new StringWriter();
        CommandLine cli = WirewatchCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.BAD_CONFIG, cli.execute("feeds", "import", dir.resolve("none.opml").toString()));
        assertTrue(err.toString().contains("cannot read OPML file"), err.toString());
    }

    @Test
    void putChecksTheUrlBeforeTouchingKafka() {
        StringWriter err = new StringWriter();
        CommandLine cli = WirewatchCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.BAD_CONFIG, cli.execute("feeds", "put", "--url", "ftp://example.org/feed",
                "--bootstrap-servers", "127.0.0.1:1"));
        assertTrue(err.toString().contains("--url") && err.toString().contains("http"), err.toString());
    }
}
