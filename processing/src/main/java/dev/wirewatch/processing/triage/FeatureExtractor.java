package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.dedup.MinHasher;
import dev.wirewatch.processing.dedup.NearDuplicateSettings;
import dev.wirewatch.processing.dedup.Shingles;
import dev.wirewatch.processing.dedup.Signature;
import dev.wirewatch.processing.story.StoryMethod;

/**
 * Computes an article's {@link ArticleFeatures}: the body alone is signed (a copy under a new headline is still a
 * copy); the story method sees title and body.
 *
 * <p>Immutable and thread safe: the parallel half of triage.
 */
public final class FeatureExtractor {

    private final NearDuplicateSettings settings;
    private final MinHasher hasher;
    private final StoryMethod<?, ?> method;

    public FeatureExtractor(NearDuplicateSettings settings, StoryMethod<?, ?> method) {
        this.settings = settings;
        this.hasher = new MinHasher(settings.hashes());
        this.method = method;
    }

    /** The features of an article whose story can alert; {@code title} may be null. */
    public ArticleFeatures features(String contentHash, String title, String text) {
        return features(contentHash, title, text, true);
    }

    /** {@code alerting}: the article matched a tracked topic ({@link StoryMethod#features(String, String, boolean)}). */
    public ArticleFeatures features(String contentHash, String title, String text, boolean alerting) {
        Signature signature = hasher.sign(Shingles.of(text, settings.shingleWords()));
        return new ArticleFeatures(contentHash, signature.mins(), signature.shingles(),
                story(method, title, text, alerting));
    }

    private static <F> byte[] story(StoryMethod<F, ?> method, String title, String text, boolean alerting) {
        return MethodBytes.tag(method.name(), method.encodeFeatures(method.features(title, text, alerting)));
    }
}
