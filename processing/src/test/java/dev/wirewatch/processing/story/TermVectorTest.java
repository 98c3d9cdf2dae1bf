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
}
