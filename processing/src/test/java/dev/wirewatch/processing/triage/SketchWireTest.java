package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wirewatch.model.json.JsonSerde;
import dev.wirewatch.processing.dedup.NearDuplicateSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sketches cross the {@code sketches-to-candidate-index} repartition topic as JSON; older ones must still read. */
class SketchWireTest {

    private final JsonSerde<Sketch> serde = new JsonSerde<>(Sketch.class);

    @Test
    void aSketchRoundTripsWithItsEdgeParagraphs() {
        Sketch sketch = new Sketcher(NearDuplicateSettings.DEFAULTS).sketch("a", 7, null, "Su-35 order",
                "Coastal Ledger. Subscribe.\n\nHanoi orders Sukhoi fighters.");
        Sketch read = serde.read(serde.write(sketch));

        assertEquals(sketch.terms(), read.terms());
        assertEquals(sketch.edges(), read.edges());
        assertEquals(2, read.edges().size());
    }

    @Test
    void aSketchWrittenBeforeEdgeParagraphsWereTrackedReadsWithNone() {
        String before = "{\"id\":\"a\",\"timestamp\":7,\"publishedAt\":null,\"mins\":[1,2,3],\"shingles\":3,"
                + "\"terms\":{\"hanoi\":1}}";
        Sketch read = serde.read(before.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(), read.edges());
        assertEquals(Map.of("hanoi", 1), read.terms());
    }
}
