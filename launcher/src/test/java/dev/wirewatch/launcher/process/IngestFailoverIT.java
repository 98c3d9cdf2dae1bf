package dev.wirewatch.launcher.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.launcher.broker.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingest processes of the packaged jar share the feeds through Kafka; one is killed (SIGKILL, no goodbye) and
 * the other takes its feeds over once the group notices.
 */
class IngestFailoverIT {

    private static final Pattern OWNS = Pattern.compile("feed \\S+ \\((\\S+)\\): polling every");
    private static final Pattern DROPS = Pattern.compile("feed \\S+ \\((\\S+)\\): no longer polled");

    @TempDir
    Path dir;

    /** One ingest process and what it logged. */
    private record Instance(Process process, List<String> output) {
        /** The feeds it polls now, replaying its log. */
        Set<String> owned() {
            Set<String> owned = new TreeSet<>();
            for (String line : output) {
                Matcher own = OWNS.matcher(line);
                Matcher drop = DROPS.matcher(line);
                if (own.find()) {
                    owned.add(own.group(1));
                } else if (drop.find()) {
                    owned.remove(drop.group(1));
                }
            }
            return owned;
        }
    }

    private static Instance start(Path config) throws Exception {
        PackagedJar ingest = PackagedJar.start("256m", "ingest", "--config", config.toString());
        return new Instance(ingest.process(), ingest.output());
    }

    private static void await(String what, java.util.function.BooleanSupplier condition, List<String> log) {
        Await.until(what, Duration.ofSeconds(120), condition, () -> String.join("\n", log));
    }

    @Test
    void theSurvivorTakesOverTheFeedsOfAKilledInstance() throws Exception {
        Set<String> feeds = IntStream.range(0, 12).mapToObj(i -> "http://feeds.invalid/f" + i + ".xml")
                .collect(Collectors.toCollection(TreeSet::new));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 4, Duration.ofSeconds(60))) {
            Path config = dir.resolve("wirewatch.yml");
            Files.writeString(config, "kafka: { bootstrapServers: \"" + kafka.bootstrapServers() + "\", dataDir: \""
                    + dir.resolve("data") + "\", partitions: 4 }\n"
                    + "ingest: { hostDelay: PT0S }\nmetrics: { port: -1 }\nfeeds:\n"
                    + feeds.stream().map(f -> "  - { url: \"" + f + "\", pollInterval: PT1H }\n")
                    .collect(Collectors.joining()));
            Instance a = start(config);
            Instance b = null;
            try {
                await("the first instance polls every feed", () -> a.owned().equals(feeds), a.output());
                b = start(config);
                Instance second = b;
                await("the two instances split the feeds", () -> !a.owned().isEmpty() && !second.owned().isEmpty()
                        && a.owned().size() + second.owned().size() == feeds.size(), second.output());
                Set<String> shared = new TreeSet<>(a.owned());
                shared.retainAll(b.owned());
                assertEquals(Set.of(), shared, "no feed polled by two instances");

                a.process().destroyForcibly(); // SIGKILL: no leave-group, the session must time out
                assertTrue(a.process().waitFor(30, TimeUnit.SECONDS));
                await("the survivor polls every feed", () -> second.owned().equals(feeds), second.output());
            } finally {
                a.process().destroyForcibly();
                if (b != null) {
                    b.process().destroy();
                    b.process().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }
}
