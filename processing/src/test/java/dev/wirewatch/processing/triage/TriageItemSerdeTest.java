package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.model.json.JsonSerde;
import dev.wirewatch.processing.mention.TopicHit;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TriageItemSerdeTest {

    private static final ArticleFeatures FEATURES = new ArticleFeatures("hash", new int[] {0, -1, Integer.MAX_VALUE,
        42}, 17, new byte[] {1, 2, 3});
    private static final TopicHit HIT = new TopicHit("su-35", "Su-35", "… the <b>Su-35</b> deal …",
            List.of("Su-35", "Су-35"), List.of("defence"), true);

    @Test
    void anArticleWithFeaturesAndHitsReadsBackEqual() {
        TriageItem item = new TriageItem(1, "a1", "https://example.org/a?x=1&y=ü", "Ruble „payments“ 🚀", "example.org",
                Instant.parse("2026-11-30T08:15:30.123456789Z"), FEATURES, List.of(HIT,
                new TopicHit("c-130", "C-130", null, List.of(), List.of(), false)));
        assertEquals(item, TriageItemSerde.read(TriageItemSerde.write(item)));
    }

    @Test
    void aBackfillWithoutTitleDateOrFeaturesReadsBackEqual() {
        TriageItem item = new TriageItem(1, "a2", null, null, null, null, null, List.of(HIT));
        TriageItem back = TriageItemSerde.read(TriageItemSerde.write(item));
        assertEquals(item, back);
        assertTrue(back.backfill());
    }

    @Test
    void itemsWrittenAsJsonByEarlierBuildsStillRead() {
        TriageItem item = new TriageItem(1, "a3", "u", "t", "s", Instant.parse("2026-11-30T08:00:00Z"), FEATURES,
                List.of(HIT));
        assertEquals(item, TriageItemSerde.read(new JsonSerde<>(TriageItem.class).write(item)));
    }

    @Test
    void anotherEncodingOrCutOrPaddedBytesAreASerializationErrorSayingWhy() {
        byte[] bytes = TriageItemSerde.write(new TriageItem(1, "a4", "u", "t", "s", null, FEATURES, List.of(HIT)));
        byte[] other = bytes.clone();
        other[0] = 9;
        assertTrue(assertThrows(SerializationException.class, () -> TriageItemSerde.read(other)).getMessage()
                .contains("encoding 9"));
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] prefix = Arrays.copyOf(bytes, cut);
            assertThrows(SerializationException.class, () -> TriageItemSerde.read(prefix), "cut at " + cut);
        }
        assertThrows(SerializationException.class, () -> TriageItemSerde.read(Arrays.copyOf(bytes, bytes.length + 1)));
        byte[] huge = bytes.clone();
        huge[5] = 0x7F; // the article id's length: far more than follows
        assertThrows(SerializationException.class, () -> TriageItemSerde.read(huge));
    }
}
