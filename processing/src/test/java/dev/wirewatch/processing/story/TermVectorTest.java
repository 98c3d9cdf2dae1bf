package dev.wirewatch.processing.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TermVectorTest {

    private static TermVector vector(Map<String, Double> weights) {
        return TermVector.of(weights);
    }

    @Test
    void cosineSumsTheProductsOfTheTermsBothVectorsHold() {
        TermVector delivery = vector(Map.of("sukhoi", 0.8, "delivery", 0.6));
        TermVector crash = vector(Map.of("sukhoi", 0.6, "crash", 0.8));

        assertEquals(1.0, delivery.cosine(delivery), 1e-6);
        assertEquals(0.48, delivery.cosine(crash), 1e-6);
        assertEquals(delivery.cosine(crash), crash.cosine(delivery), 1e-12);
        assertEquals(0, delivery.cosine(vector(Map.of("ruble", 1.0))));
        assertEquals(0, delivery.cosine(vector(Map.of())));
    }

    @Test
    void heaviestTermsComeFirstAndTiesGoToTheSmallerKey() {
        TermVector v = vector(Map.of("a", 0.2, "b", 0.7, "c", 0.5, "d", 0.5));
        long c = TermVector.key("c");
        long d = TermVector.key("d");

        assertArrayEquals(new long[] {TermVector.key("b"), Math.min(c, d), Math.max(c, d)}, v.heaviest(3));
        assertEquals(4, v.heaviest(10).length);
    }

    @Test
    void keysMustAscendAndMatchTheWeights() {
        assertThrows(IllegalArgumentException.class, () -> new TermVector(new long[] {2, 1}, new float[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new TermVector(new long[] {1}, new float[] {1, 1}));
    }

    @Test
    void compactCutsKeysToTheirUpperHalfAndWeightsToSixteenBitsAndIsItsOwnCompactForm() {
        TermVector full = new TermVector(new long[] {-5L << 32 | 7, 3L << 32 | 1, 3L << 32 | 9, 8L << 32},
                new float[] {0.6f, 0.3f, 0.2f, 0.7141f});
        TermVector compact = full.compact();
        assertArrayEquals(new long[] {-5L << 32, 3L << 32, 8L << 32}, compact.keys(), "colliding keys merged");
        assertEquals(Math.round(0.6f * 65_535) / 65_535f, compact.weights()[0]);
        assertEquals(0.5f, compact.weights()[1], 1e-4, "merged weights add up");
        assertEquals(0.7141f, compact.weights()[2], 1e-5);
        assertEquals(compact, compact.compact());

        TermVector other = new TermVector(new long[] {-5L << 32 | 7, 8L << 32}, new float[] {0.8f, 0.6f});
        assertEquals(full.cosine(other), compact.cosine(other.compact()), 1e-4);
    }
}
