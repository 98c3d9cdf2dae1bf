package dev.wirewatch.launcher.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The packaged jar run as its own process, with everything it prints collected line by line as it comes. */
record PackagedJar(Process process, List<String> output, Thread reader) {

    /** Starts {@code java -Xmx<heap> -jar wirewatch.jar args...}, stdout and stderr together. */
    static PackagedJar start(String heap, String... args) throws IOException {
        return start(builder(heap, args));
    }

    /** The process builder for {@code java -Xmx<heap> -jar wirewatch.jar args...}, to add environment variables. */
    static ProcessBuilder builder(String heap, String... args) {
        Path jar = Path.of(System.getProperty("wirewatch.jar", "target/wirewatch.jar"));
        assertTrue(Files.exists(jar), "packaged jar missing: " + jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Starts {@code wirewatch broker} on {@code data}, with the extra arguments. */
    static PackagedJar broker(Path data, int partitions, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("broker", "--data-dir", data.toString(), "--partitions",
                String.valueOf(partitions)));
        args.addAll(List.of(more));
        return start("512m", args.toArray(String[]::new));
    }

    /** The address a started {@code wirewatch broker} prints; fails when it exits without one. */
    String brokerAddress(java.time.Duration wait) {
        java.util.regex.Pattern address = java.util.regex.Pattern.compile("kafka at (127\\.0\\.0\\.1:\\d+)");
        String[] found = new String[1];
        dev.wirewatch.launcher.support.Await.until("the broker prints its address", wait, () -> {
            for (String line : output) {
                java.util.regex.Matcher m = address.matcher(line);
                if (m.find()) {
                    found[0] = m.group(1);
                    return true;
                }
            }
            return !process.isAlive();
        }, this::tail);
        assertTrue(found[0] != null, "the broker did not start: " + tail());
        return found[0];
    }

    /** The last 30 lines printed, for a failure message. */
    String tail() {
        List<String> lines = List.copyOf(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** Starts what {@code builder} describes, stdout and stderr together. */
    static PackagedJar start(ProcessBuilder builder) throws IOException {
        Process process = builder.redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException e) {
                output.add("reader stopped: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new PackagedJar(process, output, reader);
    }
}
