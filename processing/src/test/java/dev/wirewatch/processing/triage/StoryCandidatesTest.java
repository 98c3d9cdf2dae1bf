package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryCandidatesTest {

    /** Postings per key: key k holds the handles listed for it, each filed at its handle's value (later = larger). */
    private static List<Postings.Posting> filed(long key, Map<Long, List<Long>> byKey) {
        List<Postings.Posting> postings = new ArrayList<>();
        for (long handle : byKey.getOrDefault(key, List.of())) {
            postings.add(new Postings.Posting(handle, handle * 1000));
        }
        return postings;
    }

    @Test
    void overTheCapTheArticlesFiledUnderMostKeysStayThenTheLatestInTheOrderFirstFound() {
        Map<Long, List<Long>> byKey = Map.of(
                1L, List.of(10L, 11L, 12L, 13L),
                2L, List.of(11L, 13L, 14L),
                3L, List.of(13L, 15L));
        Map<Long, Long> kept = Triage.candidates(new long[] {1, 2, 3}, key -> filed(key, byKey), 3);
        // 13 shares three keys, 11 two; of those sharing one (10, 12, 14, 15) the latest, 15
        assertEquals(List.of(11L, 13L, 15L), List.copyOf(kept.keySet()));
        assertEquals(15_000L, kept.get(15L), "with its filing time");
    }

    @Test
    void underTheCapEveryArticleStaysInTheOrderFirstFound() {
        Map<Long, List<Long>> byKey = Map.of(1L, List.of(12L, 10L), 2L, List.of(11L, 10L));
        Map<Long, Long> kept = Triage.candidates(new long[] {1, 2}, key -> filed(key, byKey), 3);
        assertEquals(List.of(12L, 10L, 11L), List.copyOf(kept.keySet()));
    }
}
