package dev.wirewatch.processing.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.processing.Fixtures;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmbeddingSignalTest {

    private final SentenceEmbedder model = OnnxSentenceEmbedder.shipped();
    private final TfIdfEmbeddingStoryMethod method = new TfIdfEmbeddingStoryMethod(new TfIdfStoryMethod(0.26),
            new TfIdfEmbeddingStoryMethod.EmbeddingSignal(model, Set.of("en"), 0.82, 0.10, 0.66, 0.18, 80, true));

    @Test
    void bytesKeepTheCosineOfTheFloats() {
        float[] a = model.embed("Dockworkers walk out at Haiphong port over unpaid overtime");
        float[] b = model.embed("A pay dispute freezes northern Vietnam's busiest container gateway");
        double floats = dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
        assertEquals(floats, Embedding8.cosine(Embedding8.of(a), Embedding8.of(b)), 0.01);
        assertEquals(0, Embedding8.cosine(new byte[0], Embedding8.of(a)));
        assertEquals(0, Embedding8.of(new float[4]).length);
    }

    @Test
    void closeEmbeddingsShareABucketAndTheKeysAreStable() {
        Random random = new Random(7);
        float[] a = new float[384];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        float[] near = a.clone();
        for (int i = 0; i < near.length; i += 10) {
            near[i] = -near[i]; // cosine about 0.8
        }
        long[] keys = EmbeddingBuckets.keys(Embedding8.of(a));
        assertEquals(EmbeddingBuckets.TABLES, keys.length);
        assertArrayEquals(keys, EmbeddingBuckets.keys(Embedding8.of(a.clone())));
        assertTrue(Arrays.stream(EmbeddingBuckets.keys(Embedding8.of(near))).anyMatch(
                k -> Arrays.stream(keys).anyMatch(l -> l == k)));
        assertEquals(0, EmbeddingBuckets.keys(new byte[0]).length);
    }

    @Test
    void onlyArticlesInAServedLanguageAreEmbedded() {
        TfIdfEmbeddingStoryMethod.Features english = method.features(null, Fixtures.story("strike-report"));
        TfIdfEmbeddingStoryMethod.Features german = method.features(null, Fixtures.story("strike-report-de"));
        assertEquals("en", english.language());
        assertEquals(384, english.embedding().length);
        assertEquals("de", german.language());
        assertEquals(0, german.embedding().length);
    }

    @Test
    void aLeadTheModelCannotReadIsNotEmbedded() {
        assertTrue(model.knownShare(Fixtures.story("strike-report")) > 0.9);
        assertTrue(model.knownShare(Fixtures.story("strike-report-de")) < 0.5);
        String madeUp = "Mifennarste mar veutkavi the quovenarsu of gra rallinnarro and the marsteiotek utro dunmar "
                + "vestequobo to the tekvedunsa in a vikadunbo of the utro and gra dunmar.";
        assertTrue(model.knownShare(madeUp) < 0.7, String.valueOf(model.knownShare(madeUp)));
        assertEquals("en", LanguageGuess.of(madeUp), "its function words are English");
        assertEquals(0, method.features(null, madeUp, true).embedding().length);
        assertEquals(0, model.knownShare("1234 5678"));
    }

    @Test
    void onlyAnArticleThatCanAlertIsEmbeddedWhenTheSignalSaysSo() {
        String report = Fixtures.story("strike-report");
        assertEquals(384, method.features(null, report, true).embedding().length);
        assertEquals(0, method.features(null, report, false).embedding().length, "matched no topic: words only");
        assertEquals(384, method.features(null, report).embedding().length, "dedup asks for every article");
        TfIdfEmbeddingStoryMethod everyArticle = new TfIdfEmbeddingStoryMethod(new TfIdfStoryMethod(0.26),
                new TfIdfEmbeddingStoryMethod.EmbeddingSignal(model, Set.of("en"), 0.82, 0.10, 0.66, 0.18, 80, false));
        assertEquals(384, everyArticle.features(null, report, false).embedding().length);
    }

    @Test
    void featuresAndProfilesReadBackAsWrittenAndOtherBytesAreRefused() {
        TfIdfEmbeddingStoryMethod.Features features = method.features("Strike", Fixtures.story("strike-report"));
        TfIdfEmbeddingStoryMethod.Features read = method.decodeFeatures(method.encodeFeatures(features));
        assertEquals(features.words().terms(), read.words().terms());
        assertEquals(features.language(), read.language());
        assertArrayEquals(features.embedding(), read.embedding());

        TfIdfEmbeddingStoryMethod.Profile profile = method.admit(features, DocumentFrequencies.inMemory(), 0);
        TfIdfEmbeddingStoryMethod.Profile back = method.decodeProfile(method.encodeProfile(profile));
        assertEquals(profile.words(), back.words());
        assertArrayEquals(profile.embedding(), back.embedding());

        byte[] encoded = method.encodeProfile(profile);
        assertThrows(IllegalArgumentException.class,
                () -> method.decodeProfile(Arrays.copyOf(encoded, encoded.length - 10)));
        byte[] otherVersion = encoded.clone();
        otherVersion[0] = 9;
        assertThrows(IllegalArgumentException.class, () -> method.decodeProfile(otherVersion));
    }

    @Test
    void theLexicalFloorVetoesAnEmbeddingMatch() {
        DocumentFrequencies corpus = DocumentFrequencies.inMemory();
        TfIdfEmbeddingStoryMethod.Profile report = method.admit(method.features(null,
                Fixtures.story("strike-report")), corpus, 0);
        TfIdfEmbeddingStoryMethod.Profile rewrite = method.admit(method.features(null,
                Fixtures.story("strike-rewrite")), corpus, 1);
        TfIdfEmbeddingStoryMethod vetoAll = new TfIdfEmbeddingStoryMethod(new TfIdfStoryMethod(0.99),
                new TfIdfEmbeddingStoryMethod.EmbeddingSignal(model, Set.of("en"), 0.82, 0.99, 0.66, 0.99, 80, true));
        assertTrue(method.similarity(rewrite, report) >= 1.0, String.valueOf(method.similarity(rewrite, report)));
        assertTrue(vetoAll.similarity(rewrite, report) < 1.0);
    }

    @Test
    void theLeadIsTheTitleAndTheFirstWords() {
        assertEquals("Title one two three", TfIdfEmbeddingStoryMethod.lead(" Title ", "one  two\nthree four", 3));
        assertEquals("one", TfIdfEmbeddingStoryMethod.lead(null, "one", 80));
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
