package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.dedup.MinHasher;
import dev.wirewatch.processing.dedup.NearDuplicateSettings;
import dev.wirewatch.processing.dedup.Shingles;
import dev.wirewatch.processing.dedup.Signature;
import dev.wirewatch.processing.story.RepeatedParagraphs;
import dev.wirewatch.processing.story.TermVectors;
import java.time.Instant;

/**
 * Turns an article into its {@link Sketch}: the body alone is signed (a copy under a new headline is still a copy),
 * title and body together are counted into words (a headline says what the story is).
 *
 * <p>Immutable and thread safe.
 */
public final class Sketcher {

    private final NearDuplicateSettings settings;
    private final MinHasher hasher;

    public Sketcher(NearDuplicateSettings settings) {
        this.settings = settings;
        this.hasher = new MinHasher(settings.hashes());
    }

    /** {@code title} and {@code publishedAt} may be null. */
    public Sketch sketch(String id, long timestamp, Instant publishedAt, String title, String text) {
        Signature signature = hasher.sign(Shingles.of(text, settings.shingleWords()));
        String words = title == null ? text : title + "\n\n" + text;
        return new Sketch(id, timestamp, publishedAt == null ? null : publishedAt.toEpochMilli(), signature.mins(),
                signature.shingles(), TermVectors.termFrequencies(words), RepeatedParagraphs.edges(text));
    }
}
