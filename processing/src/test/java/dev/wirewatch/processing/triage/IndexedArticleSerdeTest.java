package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.processing.Fixtures;
import dev.wirewatch.processing.dedup.NearDuplicateSettings;
import dev.wirewatch.processing.dedup.Signature;
import dev.wirewatch.processing.story.DocumentFrequencies;
import dev.wirewatch.processing.story.TermVector;
import dev.wirewatch.processing.story.TermVectors;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class IndexedArticleSerdeTest {

    private final IndexedArticleSerde serde = new IndexedArticleSerde();

    private static IndexedArticle article(String id, String fixture) {
        Sketch s = new Sketcher(NearDuplicateSettings.DEFAULTS).sketch(id, 42, null, null, Fixtures.story(fixture));
        DocumentFrequencies df = DocumentFrequencies.inMemory();
        df.add(s.terms().keySet(), 42);
        return new IndexedArticle(id, 42, null, s.mins(), s.shingles(), TermVectors.vectorize(s.terms(), df::frequency, df.documents(), 100));
    }

    private IndexedArticle roundTrip(IndexedArticle a) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", a));
    }

    @Test
    void aRetainedArticleReadsBackWithTheSameSimilaritiesInAFewBytes() {
        IndexedArticle original = article("0123456789abcdef0123456789abcdef", "jets-original");
        IndexedArticle rewrite = article("rewrite", "jets-rewrite");
        IndexedArticle read = roundTrip(original);

        assertEquals(original.id(), read.id());
        assertEquals(42, read.timestamp());
        assertNull(read.publishedAt());
        assertEquals(original.vector(), read.vector());
        Signature full = new Signature(rewrite.mins(), rewrite.shingles());
        assertEquals(full.jaccard(new Signature(original.mins(), original.shingles())),
                full.jaccard(new Signature(read.mins(), read.shingles())), "compared on the bits kept");
        assertTrue(rewrite.vector().cosine(read.vector()) > 0.1, "a rewrite shares weighty terms");
        int size = serde.serializer().serialize("t", original).length;
        assertTrue(size < 2_200, size + " bytes");
    }

    @Test
    void publicationTimeSurvives() {
        IndexedArticle a = article("x", "unrelated");
        IndexedArticle dated = new IndexedArticle("x", 1, 1_752_472_800_000L, a.mins(), a.shingles(),
                TermVector.of(Map.of("a", 1.0)));
        assertEquals(1_752_472_800_000L, roundTrip(dated).publishedAt());
        assertArrayEquals(Arrays.stream(a.mins()).map(m -> m & Signature.LOW_BITS).toArray(), roundTrip(dated).mins());
    }

    @Test
    void anArticleStoredByTheStringTermEncodingReadsBackWithTheSameVector() throws IOException {
        IndexedArticle a = article("x", "unrelated");
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put("sukhoi", 0.8);
        terms.put("delivery", 0.6);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) { // version 1, as builds before term keys wrote
            out.writeByte(1);
            out.writeUTF("x");
            out.writeLong(7);
            out.writeBoolean(false);
            out.writeLong(0);
            out.writeInt(a.shingles());
            out.writeShort(a.mins().length);
            for (int min : a.mins()) {
                out.writeShort(min);
            }
            out.writeShort(terms.size());
            for (Map.Entry<String, Double> t : terms.entrySet()) {
                out.writeUTF(t.getKey());
                out.writeFloat(t.getValue().floatValue());
            }
        }
        IndexedArticle read = serde.deserializer().deserialize("t", bytes.toByteArray());

        assertEquals(7, read.timestamp());
        assertEquals(TermVector.of(terms), read.vector());
        assertEquals(0.6 * 0.6, read.vector().cosine(TermVector.of(Map.of("delivery", 0.6))), 1e-6);
    }

    @Test
    void anotherEncodingVersionIsRefusedWithAReason() {
        byte[] bytes = serde.serializer().serialize("t", article("x", "unrelated"));
        bytes[0] = 9;
        SerializationException e = assertThrows(SerializationException.class,
                () -> serde.deserializer().deserialize("t", bytes));
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
    }
}
