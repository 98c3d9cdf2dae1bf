package dev.wirewatch.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TopicsCommandTest {

    private final StringWriter err = new StringWriter();

    private int topics(String... args) {
        CommandLine cli = WirewatchCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "topics";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    @Test
    void aBadQueryIsRefusedWithItsPositionBeforeAnythingIsPublished() {
        assertEquals(ExitCodes.BAD_CONFIG, topics("put", "--bootstrap-servers", "127.0.0.1:9", "--id", "rubles",
                "--query", "ruble NEAR/x pay"));
        assertTrue(err.toString().contains("at position 6"), err.toString());
    }

    @Test
    void anInvalidIdOrAMissingKafkaIsRefused() {
        assertEquals(ExitCodes.BAD_CONFIG, topics("put", "--bootstrap-servers", "127.0.0.1:9", "--id", "Su 35",
                "--query", "Su-35"));
        assertEquals(ExitCodes.BAD_CONFIG, topics("remove", "--id", "su-35"));
        assertTrue(err.toString().contains("--bootstrap-servers"), err.toString());
    }
}
