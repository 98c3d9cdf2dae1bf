package dev.wirewatch.processing.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TfIdfStoryMethodTest {

    private final TfIdfStoryMethod method = new TfIdfStoryMethod(0.35);
    private static final String REPORT = "Vietnam will buy forty Sukhoi fighters from Russia.\n\n"
            + "The contract covers training and spare parts for the fleet.";

    @Test
    void featuresAndProfilesReadBackAsWritten() {
        TfIdfStoryMethod.Features features = method.features("Hanoi orders jets", REPORT);
        TfIdfStoryMethod.Features read = method.decodeFeatures(method.encodeFeatures(features));
        assertEquals(features.terms(), read.terms());
        assertEquals(features.edges(), read.edges());
        assertEquals(features.passages(), read.passages());
        assertTrue(read.passages().keys().length > 0);

        TermVector profile = method.admit(features, DocumentFrequencies.inMemory(), 0);
        assertEquals(profile, method.decodeProfile(method.encodeProfile(profile)));
    }

    @Test
    void theEdgesOfALongArticleReadBackAsWritten() {
        String body = IntStream.range(0, 150).mapToObj(i -> "word" + i + " and").collect(Collectors.joining(" "));
        TfIdfStoryMethod.Features features = method.features("A long one", body);
        RepeatedPassages.Edges edges = features.passages();
        assertEquals(RepeatedPassages.EDGE_WORDS, edges.head());
        assertEquals(2 * RepeatedPassages.EDGE_WORDS, edges.words().length);
        assertTrue(Arrays.stream(edges.words()).anyMatch(w -> w < 0), "'and' is no term");
        assertEquals(edges, method.decodeFeatures(method.encodeFeatures(features)).passages());
    }

    @Test
    void featuresWrittenByVersionOneStillReadWithoutPassages() {
        TermCounts terms = TermCounts.of(REPORT);
        ByteBuffer v1 = ByteBuffer.allocate(1 + 4 + 12 * terms.size() + 1).put((byte) 1).putInt(terms.size());
        for (int i = 0; i < terms.size(); i++) {
            v1.putLong(terms.keys()[i]).putInt(terms.counts()[i]);
        }
        v1.put((byte) 0);

        TfIdfStoryMethod.Features read = method.decodeFeatures(v1.array());
        assertEquals(terms, read.terms());
        assertEquals(RepeatedPassages.Edges.NONE, read.passages());
        assertEquals(method.admit(new TfIdfStoryMethod.Features(terms, java.util.List.of(),
                RepeatedPassages.Edges.NONE), DocumentFrequencies.inMemory(), 0),
                method.admit(read, DocumentFrequencies.inMemory(), 0));
    }

    @Test
    void aProfileIsKeptInSixBytesATermAndOneWrittenByVersionOneReadsAsItsCompactForm() {
        TermVector profile = method.admit(method.features("Hanoi orders jets", REPORT), DocumentFrequencies.inMemory(),
                0);
        assertEquals(profile, profile.compact(), "admitted as it is stored, so a decision never depends on a read");
        assertEquals(3 + 6 * profile.size(), method.encodeProfile(profile).length);

        TermVector full = TermVector.of(java.util.Map.of("sukhoi", 0.8, "vietnam", 0.6));
        ByteBuffer v1 = ByteBuffer.allocate(3 + 12 * full.size()).put((byte) 1).putShort((short) full.size());
        for (int i = 0; i < full.size(); i++) {
            v1.putLong(full.keys()[i]).putFloat(full.weights()[i]);
        }
        assertEquals(full.compact(), method.decodeProfile(v1.array()));

        byte[] v2 = method.encodeProfile(profile);
        assertThrows(IllegalArgumentException.class, () -> method.decodeProfile(Arrays.copyOf(v2, v2.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> method.decodeProfile(Arrays.copyOf(v2, v2.length + 1)));
    }

    @Test
    void bytesOfAnotherVersionOrCutShortAreRefusedWithAReason() {
        byte[] encoded = method.encodeFeatures(method.features(null, REPORT));
        byte[] otherVersion = encoded.clone();
        otherVersion[0] = 9;
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> method.decodeFeatures(otherVersion));
        assertTrue(wrong.getCause().getMessage().contains("version 9"), wrong.getCause().getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> method.decodeFeatures(Arrays.copyOf(encoded, encoded.length / 2)));
        assertThrows(IllegalArgumentException.class, () -> method.decodeProfile(new byte[] {1, 0}));
    }

    @Test
    void aRetellingScoresAboveTheThresholdAndAnUnrelatedTextBelow() {
        DocumentFrequencies corpus = DocumentFrequencies.inMemory();
        TermVector report = method.admit(method.features("Vietnam buys Sukhoi fighters", REPORT), corpus, 0);
        TermVector unrelated = method.admit(method.features("Rice harvest", "Farmers in the delta harvested "
                + "a record rice crop this autumn.\n\nPrices at the market fell."), corpus, 1);
        TermVector retelling = method.admit(method.features("Russia to sell Sukhoi fighters to Vietnam",
                "Russia will sell forty Sukhoi fighters to Vietnam, with training and spare parts."), corpus, 2);

        assertTrue(method.similarity(retelling, report) >= method.threshold(),
                String.valueOf(method.similarity(retelling, report)));
        assertTrue(method.similarity(retelling, unrelated) < 0.05);
    }

    @Test
    void anArticleIsFiledUnderItsHeaviestTermsOnly() {
        TermVector profile = method.admit(method.features(null, REPORT), DocumentFrequencies.inMemory(), 0);
        long[] keys = method.candidateKeys(profile);
        assertEquals(Math.min(TfIdfStoryMethod.KEY_TERMS, profile.size()), keys.length);
        assertArrayEquals(profile.heaviest(keys.length), keys);
    }
}
