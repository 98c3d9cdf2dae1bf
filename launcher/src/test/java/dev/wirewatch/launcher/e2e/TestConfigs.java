package dev.wirewatch.launcher.e2e;

import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.WirewatchConfig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The bundled demo configuration, pointed at a test's demo server and data directory. */
final class TestConfigs {

    private TestConfigs() {
    }

    static WirewatchConfig demo(String demoUrl, Path dataDir) throws Exception {
        try (InputStream in = TestConfigs.class.getResourceAsStream("/demo/wirewatch-demo.yml")) {
            Map<String, String> vars = Map.of("WIREWATCH_DEMO_URL", demoUrl, "WIREWATCH_DATA_DIR",
                    dataDir.toString());
            return ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo", vars::get);
        }
    }
}
