package dev.wirewatch.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.desk.auth.PasswordHashes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DeskCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run wirewatch(String stdin, String... args) {
        InputStream original = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine cli = WirewatchCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return new Run(cli.execute(args), out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void hashPasswordReadsOneLineAndPrintsABcryptHashThatVerifies() {
        Run run = wirewatch("pass word #1: 'quoted'\n", "desk", "hash-password");
        assertEquals(ExitCodes.OK, run.exit(), run.err());
        String hash = run.out().trim();
        assertTrue(hash.startsWith("$2y$10$"), hash);
        assertTrue(PasswordHashes.matches("pass word #1: 'quoted'", hash));
        assertFalse(run.out().contains("pass word"), "the password is never printed");
        assertEquals(ExitCodes.BAD_CONFIG, wirewatch("", "desk", "hash-password").exit());
    }

    @Test
    void theDeskAloneNeedsAConfigWithARunningKafka() throws Exception {
        Run none = wirewatch("", "desk");
        assertEquals(ExitCodes.BAD_CONFIG, none.exit());
        assertTrue(none.err().contains("--config"), none.err());
        Path embedded = dir.resolve("embedded.yml");
        Files.writeString(embedded, "desk: { port: 0 }\n");
        Run local = wirewatch("", "desk", "--config", embedded.toString());
        assertEquals(ExitCodes.BAD_CONFIG, local.exit());
        assertTrue(local.err().contains("kafka.bootstrapServers"), local.err());
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "kafka: { bootstrapServers: 127.0.0.1:1 }\ndesk: { users: [{ name: ed, role: boss, "
                + "passwordHash: x }] }\n");
        Run invalid = wirewatch("", "desk", "--config", bad.toString());
        assertEquals(ExitCodes.BAD_CONFIG, invalid.exit());
        assertTrue(invalid.err().contains("desk.users[0].role"), invalid.err());
        assertTrue(invalid.err().contains(bad.toString()), "says which file: " + invalid.err());
    }

    @Test
    void aDeskPortOutOfRangeIsRefusedBeforeAnythingStarts() throws Exception {
        Path config = dir.resolve("c.yml");
        Files.writeString(config, "kafka: { dataDir: " + dir.resolve("data") + " }\nmetrics: { port: -1 }\n");
        Run run = wirewatch("", "run", "--config", config.toString(), "--desk-port", "70000");
        assertEquals(ExitCodes.BAD_CONFIG, run.exit());
        assertTrue(run.err().contains("--desk-port 70000"), run.err());
        assertFalse(Files.exists(dir.resolve("data")), "nothing started");
    }
}
