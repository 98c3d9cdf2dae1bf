package dev.wirewatch.processing.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds near-copies among the articles seen so far: MinHash signatures of word shingles, LSH banding to find
 * candidates in constant time per article, and verification of each candidate by estimated Jaccard and containment.
 *
 * <p>Kafka-free; not thread safe. A copy's {@code originalId} is the first article of its cluster, so a chain of
 * copies points at one original. Held in memory: callers that must bound it use a window (see the topology).
 */
public final class NearDuplicateDetector {

    private final NearDuplicateSettings settings;
    private final MinHasher hasher;
    private final Map<Long, List<String>> buckets = new HashMap<>();
    private final Map<String, Retained> retained = new HashMap<>();

    private record Retained(Signature signature, String originalId) {
    }

    public NearDuplicateDetector(NearDuplicateSettings settings) {
        this.settings = settings;
        this.hasher = new MinHasher(settings.hashes());
    }

    /** The signature of {@code text} under these settings. */
    public Signature sign(String text) {
        return hasher.sign(Shingles.of(text, settings.shingleWords()));
    }

    /** Screens {@code text} against every retained article, then retains it. */
    public DedupVerdict screen(String id, String text) {
        Signature signature = sign(text);
        DedupVerdict verdict = judge(signature);
        String originalId = verdict instanceof DedupVerdict.NearCopyOf copy ? copy.originalId() : id;
        if (retained.putIfAbsent(id, new Retained(signature, originalId)) == null) {
            for (long key : bandKeys(signature)) {
                buckets.computeIfAbsent(key, k -> new ArrayList<>(2)).add(id);
            }
        }
        return verdict;
    }

    /** The verdict for {@code signature} against the retained articles, without retaining it. */
    public DedupVerdict judge(Signature signature) {
        Set<String> candidates = new LinkedHashSet<>();
        for (long key : bandKeys(signature)) {
            List<String> ids = buckets.get(key);
            if (ids != null) {
                candidates.addAll(ids);
            }
        }
        double best = 0;
        DedupVerdict.NearCopyOf copy = null;
        for (String candidate : candidates) {
            Retained other = retained.get(candidate);
            double jaccard = signature.jaccard(other.signature());
            double containment = signature.containment(other.signature(), jaccard);
            String rule = jaccard >= settings.jaccardThreshold() ? "jaccard"
                    : containment >= settings.containmentThreshold()
                    && jaccard >= settings.containmentMinJaccard() ? "containment" : null;
            if (rule != null && (copy == null || jaccard > copy.similarity())) {
                copy = new DedupVerdict.NearCopyOf(other.originalId(), jaccard, rule);
            }
            best = Math.max(best, jaccard);
        }
        return copy != null ? copy : new DedupVerdict.Original(best);
    }

    /** One key per band: the band's index and its rows, hashed; equal keys make two articles candidates. */
    public long[] bandKeys(Signature signature) {
        int rows = settings.bandRows();
        long[] keys = new long[settings.bands()];
        if (signature.shingles() == 0) {
            return new long[0];
        }
        for (int b = 0; b < keys.length; b++) {
            long h = b;
            for (int r = 0; r < rows; r++) {
                h = Shingles.Mix.mix64(h * 31 + signature.mins()[b * rows + r]);
            }
            keys[b] = h;
        }
        return keys;
    }

    /** Articles retained so far. */
    public int size() {
        return retained.size();
    }
}
