package dev.wirewatch.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BrokerCommandTest {

    private final StringWriter err = new StringWriter();

    private int broker(String... args) {
        CommandLine cli = WirewatchCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "broker";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    @Test
    void aBrokerNeedsADataDirectoryAndAtLeastOnePartition() {
        assertEquals(ExitCodes.BAD_CONFIG, broker());
        assertTrue(err.toString().contains("--data-dir"), err.toString());
        assertEquals(ExitCodes.BAD_CONFIG, broker("--data-dir", "/tmp/unused-broker-dir", "--partitions", "0"));
        assertTrue(err.toString().contains("--partitions 0: expected 1 or more"), err.toString());
    }
}
