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
    private final CandidateVerifier verifier;
    private long arrivals;

    private record Retained(BandMember member, String originalId) {
    }

    public NearDuplicateDetector(NearDuplicateSettings settings) {
        this.settings = settings;
        this.hasher = new MinHasher(settings.hashes());
        this.verifier = new CandidateVerifier(settings);
    }

    /** The signature of {@code text} under these settings. */
    public Signature sign(String text) {
        return hasher.sign(Shingles.of(text, settings.shingleWords()));
    }

    /** Screens {@code text} against every retained article (arrival order decides which is first), then retains it. */
    public DedupVerdict screen(String id, String text) {
        Signature signature = sign(text);
        long order = arrivals++;
        DedupVerdict verdict = judge(id, order, signature);
        String originalId = verdict instanceof DedupVerdict.NearCopyOf copy ? copy.originalId() : id;
        BandMember member = new BandMember(id, order, signature.mins(), signature.shingles());
        if (retained.putIfAbsent(id, new Retained(member, originalId)) == null) {
            for (long key : bandKeys(signature)) {
                buckets.computeIfAbsent(key, k -> new ArrayList<>(2)).add(id);
            }
        }
        return verdict;
    }

    private DedupVerdict judge(String id, long order, Signature signature) {
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
            DedupVerdict.NearCopyOf verdict = verifier.verify(id, order, signature, other.member());
            if (verdict != null) {
                copy = CandidateVerifier.better(copy, new DedupVerdict.NearCopyOf(other.originalId(),
                        verdict.similarity(), verdict.rule()));
            }
            best = Math.max(best, signature.jaccard(other.member().signature()));
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
