package dev.wirewatch.processing.triage;

import dev.wirewatch.model.Article;
import dev.wirewatch.processing.dedup.NearCopy;

/**
 * One index partition's verdict on an article: the near-copy original and story link it found among its own keys
 * (either may be null) and the best Jaccard similarity it saw. Exactly one partition (the carrier) also sends the
 * article itself, so that it travels to the ledger once.
 *
 * <p>Immutable.
 */
public record Partial(String articleId, long timestamp, int partition, NearCopy copy,
                      StoryLink story, double bestJaccard, Article article) {

    public static Partial of(Sketch sketch, int partition, CandidateIndex.Probe probe, Article carried) {
        return new Partial(sketch.id(), sketch.timestamp(), partition, probe.copy(), probe.story(),
                probe.bestJaccard(), carried);
    }

    public Partial withoutArticle() {
        return new Partial(articleId, timestamp, partition, copy, story, bestJaccard, null);
    }
}
