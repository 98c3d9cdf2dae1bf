package dev.wirewatch.processing.triage;

import static dev.wirewatch.processing.Fixtures.story;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wirewatch.model.ContentHash;
import dev.wirewatch.processing.story.DocumentFrequencies;
import dev.wirewatch.processing.story.StoryMethod;
import dev.wirewatch.processing.story.TermVector;
import dev.wirewatch.processing.story.TfIdfStoryMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bytes a story method cannot read — another method's, after a swap without a reset, or a damaged encoding — are
 * counted and skipped; triage goes on deciding.
 */
class UnreadableStoryBytesTest {

    private final TriageSettings settings = TriageSettings.defaults();
    private final TriageStorage storage = TriageStorage.inMemory();
    private final List<String> problems = new ArrayList<>();

    /** TF-IDF under another name: the same bytes, another method's tag. */
    private static final class Renamed implements StoryMethod<TfIdfStoryMethod.Features, TermVector> {
        private final TfIdfStoryMethod inner = new TfIdfStoryMethod(0.35);

        @Override
        public String name() {
            return "renamed";
        }

        @Override
        public TfIdfStoryMethod.Features features(String title, String text) {
            return inner.features(title, text);
        }

        @Override
        public TermVector admit(TfIdfStoryMethod.Features f, DocumentFrequencies s, long timestamp) {
            return inner.admit(f, s, timestamp);
        }

        @Override
        public long[] candidateKeys(TermVector profile) {
            return inner.candidateKeys(profile);
        }

        @Override
        public double similarity(TermVector a, TermVector b) {
            return inner.similarity(a, b);
        }

        @Override
        public double threshold() {
            return inner.threshold();
        }

        @Override
        public byte[] encodeFeatures(TfIdfStoryMethod.Features f) {
            return inner.encodeFeatures(f);
        }

        @Override
        public TfIdfStoryMethod.Features decodeFeatures(byte[] bytes) {
            return inner.decodeFeatures(bytes);
        }

        @Override
        public byte[] encodeProfile(TermVector p) {
            return inner.encodeProfile(p);
        }

        @Override
        public TermVector decodeProfile(byte[] bytes) {
            return inner.decodeProfile(bytes);
        }
    }

    private Triage<?, ?> triage(StoryMethod<?, ?> method) {
        return Triage.of(settings, method, storage, (what, id, reason) -> problems.add(what + " of " + id));
    }

    private static TriageItem item(String id, StoryMethod<?, ?> method, String title, String text) {
        ArticleFeatures f = new FeatureExtractor(TriageSettings.defaults().duplicates(), method)
                .features(ContentHash.of(text), title, text);
        return new TriageItem(1, id, "https://a.example/" + id, title, "a", null, f, List.of());
    }

    @Test
    void aMethodSwappedWithoutAResetSkipsTheOldProfilesAndGoesOn() {
        TfIdfStoryMethod tfidf = new TfIdfStoryMethod(0.35);
        triage(tfidf).decide(item("report", tfidf, "Vietnam to buy 40 Su-35s", story("jets-original")), 1);

        Renamed renamed = new Renamed();
        Decision rewrite = triage(renamed).decide(item("rewrite", renamed, "Russia set to supply Vietnam",
                story("jets-rewrite")), 2).decision();

        assertEquals("rewrite", rewrite.storyId(), "the old profile cannot be compared, so no story is joined");
        assertEquals(List.of("profile of report"), problems);
    }

    @Test
    void featuresOfAnotherMethodOrDamagedOnesStartTheirOwnStory() {
        TfIdfStoryMethod tfidf = new TfIdfStoryMethod(0.35);
        Triage<?, ?> triage = triage(tfidf);
        triage.decide(item("report", tfidf, "Vietnam to buy 40 Su-35s", story("jets-original")), 1);

        Decision foreign = triage.decide(item("foreign", new Renamed(), "Russia set to supply Vietnam",
                story("jets-rewrite")), 2).decision();
        TriageItem damaged = item("damaged", tfidf, "Su-35 crashes in training", story("jets-crash"));
        ArticleFeatures f = damaged.features();
        Decision broken = triage.decide(new TriageItem(1, "damaged", damaged.url(), damaged.title(), "a", null,
                new ArticleFeatures(f.contentHash(), f.mins(), f.shingles(), MethodBytes.tag("tfidf",
                        new byte[] {1, 9, 9})), List.of()), 3).decision();

        assertEquals("foreign", foreign.storyId());
        assertEquals("damaged", broken.storyId());
        assertEquals(List.of("features of foreign", "features of damaged"), problems);
    }
}
