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
