package dev.wirewatch.processing.triage;

import static dev.wirewatch.processing.Fixtures.story;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.model.ContentHash;
import dev.wirewatch.processing.Fixtures;
import dev.wirewatch.processing.dedup.NearDuplicateSettings;
import dev.wirewatch.processing.dedup.Signature;
import dev.wirewatch.processing.story.TermVector;
import dev.wirewatch.processing.story.TfIdfStoryMethod;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Near-copy candidates come from the LSH bands and, where those find no original, from the story keys. */
class CopyCandidatesTest {

    private static final TriageSettings DEFAULTS = TriageSettings.defaults();
    /** One band only: a pair of Jaccard 0.6 shares it with probability 0.2, so the bands miss most copies. */
    private static final TriageSettings ONE_BAND = new TriageSettings(new NearDuplicateSettings(3, 252, 3, 1,
            0.45, 0.85, 0.25), DEFAULTS.storyWindow(), DEFAULTS.retention(), DEFAULTS.storyRetention());

    private final TfIdfStoryMethod method = new TfIdfStoryMethod(0.26);
    private final TriageStorage storage = TriageStorage.inMemory();
    private final Triage<?, ?> triage = Triage.of(ONE_BAND, method, storage, Triage.Problems.NONE);

    private TriageItem item(String id, String text) {
        ArticleFeatures f = new FeatureExtractor(ONE_BAND.duplicates(), method).features(ContentHash.of(text), null,
                text);
        return new TriageItem(1, id, "https://a.example/" + id, null, "a", null, f, List.of());
    }

    @Test
    void aCopyTheBandsMissIsFoundThroughTheStoryKeysAndFilesNoStoryKeysOfItsOwn() {
        String original = story("jets-original");
        String copy = Fixtures.truncated(original.replace("forty", "40"), 0.7);
        TriageItem first = item("original", original);
        TriageItem second = item("copy", copy);
        assertFalse(Arrays.equals(bands(first), bands(second)), "precondition: the one band differs");

        triage.decide(first, 1_000);
        Decision decision = triage.decide(second, 2_000).decision();

        assertTrue(decision.isCopy(), decision.toString());
        assertEquals("original", decision.duplicateOf());
        assertEquals("original", decision.storyId());
        assertTrue(decision.rule().startsWith("near-copy-"), decision.rule());
        assertEquals(0, storage.articles().find("copy", 0, 2_000).profile().length,
                "a copy is found through its original's keys, not its own");
        TermVector filed = method.decodeProfile(MethodBytes.untag(method.name(),
                storage.articles().find("original", 0, 2_000).profile()));
        for (long key : method.candidateKeys(filed)) {
            assertEquals(1, storage.storyKeys().find(key, 0, 2_000).size(), "only the original is filed under it");
        }
    }

    @Test
    void aRewriteAmongTheStoryKeysCandidatesIsNoCopy() {
        triage.decide(item("original", story("jets-original")), 1_000);
        Decision rewrite = triage.decide(item("rewrite", story("jets-rewrite")), 2_000).decision();

        assertFalse(rewrite.isCopy(), rewrite.toString());
        assertEquals(Decision.JOINED_STORY, rewrite.rule(), "it was among the story keys' candidates");
        assertEquals("original", rewrite.storyId());
    }

    private static long[] bands(TriageItem item) {
        ArticleFeatures f = item.features();
        return Bands.keys(new Signature(f.mins(), f.shingles()), ONE_BAND.duplicates());
    }
}
