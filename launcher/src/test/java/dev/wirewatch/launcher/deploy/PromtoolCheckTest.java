package dev.wirewatch.launcher.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code promtool check config} and {@code check rules} on deploy/prometheus. Needs promtool on the PATH (Debian's
 * {@code prometheus} package ships it, and {@code .ci/run} installs it); fails, saying what to install, where it is not.
 */
class PromtoolCheckTest {

    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static void check(String promtool, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(promtool));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(PromQl.DEPLOY.resolve("prometheus").toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), String.join(" ", args) + ":\n" + output);
    }

    @Test
    void prometheusConfigAndRulesPassPromtool() throws Exception {
        String promtool = promtool();
        assertNotNull(promtool, "promtool is not installed: run .ci/run, or apt-get install prometheus");
        check(promtool, "check", "config", "prometheus.yml");
        check(promtool, "check", "rules", "rules.yml");
    }
}
