package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.ProcessingSettings;
import dev.wirewatch.model.ContentHash;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.PostingsRocksDBConfig;
import dev.wirewatch.processing.ProcessingMetrics;
import dev.wirewatch.processing.ProcessingTopology;
import dev.wirewatch.processing.story.StoryMethod;
import dev.wirewatch.processing.story.TfIdfEmbeddingStoryMethod;
import dev.wirewatch.processing.story.TfIdfStoryMethod;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triage decides alike on the topology's own stores (Streams' RocksDB window stores with processing's RocksDB
 * settings) and in memory ({@code wirewatch dedup}'s storage), including across a task that starts over on the
 * same stores half-way (the document frequencies and edge fingerprints rebuilt from their logs, the story keys'
 * postings from the retained articles): the stores' reads — the prefix-filtered band look-ups, the rebuilds — are
 * what the in-memory storage does without them. The articles span more than two story windows, so the restart
 * rebuilds from two epochs and the epochs turn over after it.
 */
class StoreDecisionsTest {

    /** Between two articles: 400 span 8 days, two story windows. */
    private static final long HALF_AN_HOUR = 1_800_000;
    private static final int ARTICLES = 400;

    @TempDir
    Path stateDir;

    private final ProcessingSettings processing = ProcessingSettings.defaults();
    private final TriageSettings settings = TriageSettings.from(processing);
    private final StoryMethod<?, ?> method = new TfIdfEmbeddingStoryMethod(
            new TfIdfStoryMethod(ProcessingSettings.DEFAULT_STORY_THRESHOLD), null);

    @Test
    void theTopologysStoresAndMemoryDecideAlikeAcrossARestart() {
        List<TriageItem> items = items();
        TriageStorage memory = TriageStorage.inMemory(settings.retention(), settings.storyWindow());
        List<Decision> inMemory = decide(items, () -> memory);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "store-decisions-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, PostingsRocksDBConfig.class);
        try (TopologyTestDriver driver = new TopologyTestDriver(ProcessingTopology.build(Topics.standard(),
                processing, new ProcessingMetrics(new SimpleMeterRegistry()), method), props)) {
            List<Decision> stored = decide(items, () -> TriageBenchmarks.topologyStores(driver, settings, method));
            for (int i = 0; i < items.size(); i++) {
                assertEquals(inMemory.get(i), stored.get(i), "article " + i);
            }
        }
        long copies = inMemory.stream().filter(Decision::isCopy).count();
        long joined = inMemory.stream().filter(d -> d.rule().equals(Decision.JOINED_STORY)).count();
        assertTrue(copies > 40 && joined > 40 && inMemory.size() - copies - joined >= 30,
                "copies " + copies + ", joined " + joined + " of " + inMemory.size());
    }

    /** A made-up word of seven letters for {@code n}, its first five (the stem) differing from other words'. */
    private static String word(int n) {
        StringBuilder word = new StringBuilder();
        long x = (n + 1) * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < 7; i++) {
            word.append((char) ('a' + Math.floorMod(x, 26)));
            x /= 26;
        }
        return word.toString();
    }

    /**
     * Every item's decision; the second half by a triage started anew on the storage {@code storage} then gives
     * (in memory the same storage, unbroken; on the stores a new one over them, rebuilding from their logs).
     */
    private List<Decision> decide(List<TriageItem> items, Supplier<TriageStorage> storage) {
        Triage<?, ?> triage = Triage.of(settings, method, storage.get(), Triage.Problems.NONE);
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (i == items.size() / 2) { // a task that starts over on what the stores hold
                triage = Triage.of(settings, method, storage.get(), Triage.Problems.NONE);
            }
            decisions.add(triage.decide(items.get(i), i * HALF_AN_HOUR).decision());
        }
        return decisions;
    }

    /**
     * Articles ten minutes apart (so the edge fingerprints' two-day epochs turn): 40 events told in other words, a
     * quarter of the articles edited copies of a recent one, each under one of five sites' header and footer.
     */
    private List<TriageItem> items() {
        Random random = new Random(11);
        FeatureExtractor features = new FeatureExtractor(settings.duplicates(), method);
        List<String> recent = new ArrayList<>();
        List<TriageItem> items = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String body;
            if (i % 4 == 3 && !recent.isEmpty()) {
                String[] words = recent.get(random.nextInt(recent.size())).split(" ");
                words[random.nextInt(words.length)] = "edited" + i;
                body = String.join(" ", words);
            } else {
                int event = random.nextInt(40);
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 220; w++) {
                    text.append(w == 0 ? "" : w % 12 == 0 ? ". " : " ").append(random.nextInt(3) == 0
                            ? word(100_000 + event * 15 + random.nextInt(15))
                            : word((int) (Math.pow(random.nextDouble(), 2) * 3000)));
                }
                body = text.toString();
                recent.add(body);
                if (recent.size() > 30) {
                    recent.remove(0);
                }
            }
            int site = random.nextInt(5);
            String text = "Site " + site + " news desk header with the menu and the search box of site " + site
                    + "\n\n" + body + "\n\nCopyright site " + site + " all rights reserved follow site " + site
                    + " on every social network and subscribe";
            String id = String.format("a%04d", i);
            items.add(new TriageItem(TriageItem.SCHEMA_VERSION, id, "https://site" + site + ".example/" + id, null,
                    "site" + site, null, features.features(ContentHash.of(text), null, text), List.of()));
        }
        return items;
    }
}
