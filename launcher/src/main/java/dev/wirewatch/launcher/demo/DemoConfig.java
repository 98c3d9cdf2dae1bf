package dev.wirewatch.launcher.demo;

import dev.wirewatch.config.ConfigException;
import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.processing.match.TopicMatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration {@code wirewatch demo} runs with (the bundled {@code /demo/wirewatch-demo.yml}), pointed at a
 * running demo feed server and a data directory.
 */
public final class DemoConfig {

    /** The class-path resource holding it. */
    public static final String RESOURCE = "/demo/wirewatch-demo.yml";

    private DemoConfig() {
    }

    /** The demo config with {@code ${WIREWATCH_DEMO_URL}} and {@code ${WIREWATCH_DATA_DIR}} filled in. */
    public static WirewatchConfig load(String demoUrl, Path dataDir) throws ConfigException {
        String text;
        try (InputStream in = DemoConfig.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo configuration is missing from the build");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo configuration", e);
        }
        Map<String, String> vars = Map.of("WIREWATCH_DEMO_URL", demoUrl,
                "WIREWATCH_DATA_DIR", dataDir.toAbsolutePath().toString());
        return ConfigLoader.parse(text, "demo config", name -> vars.getOrDefault(name, System.getenv(name)),
                TopicMatcher.QUERY_CHECK);
    }
}
