package dev.wirewatch.processing.triage;

import dev.wirewatch.model.Mention;
import dev.wirewatch.processing.dedup.CandidateVerifier;
import dev.wirewatch.processing.dedup.NearCopy;
import dev.wirewatch.processing.dedup.Signature;
import dev.wirewatch.processing.mention.FirstMentions;
import dev.wirewatch.processing.mention.MentionOutcome;
import dev.wirewatch.processing.mention.TopicHit;
import dev.wirewatch.processing.story.StoryMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The single-writer decision: for each article, in triage order, whether it copies an earlier one (same content
 * hash, or a near-copy by MinHash among the LSH bands' candidates and, where those have no original, the story
 * keys'), which story it belongs to (the story method's closest earlier candidate), and which of its topic matches
 * is the first of its (topic, story).
 *
 * <p>Every decision depends only on the articles before it in triage order and on their triage times (record time,
 * never the wall clock), so replaying the same input gives the same decisions. A copy takes its original's story, so
 * a chain of copies points at one original and a story keeps one id however it grew.
 *
 * <p>Kafka-free; not thread safe: one instance owns its storage.
 *
 * @param <F> the story method's features
 * @param <P> the story method's profile
 */
public final class Triage<F, P> {

    /** Story candidates taken per candidate key: the most recent ones. */
    static final int MAX_POSTINGS_PER_KEY = 50;
    /**
     * Story candidates loaded per article at most: those filed under the most of its keys (then the latest). Each is
     * a read across the retained articles' segments, and under the heavy words of a busy window the keys' latest
     * postings name about 90 different articles, most of them sharing one word with it (BENCHMARKS.md); on the dev
     * pairs and the near-copy stream no decision changes with 32 (two with 16).
     */
    static final int STORY_CANDIDATES = 32;
    private static final long[] NO_KEYS = new long[0];

    /** Told of bytes triage cannot read: the story method's features or a retained profile. */
    public interface Problems {
        /**
         * {@code what} is {@code features}, {@code profile}, {@code term-set} or {@code fingerprint-set};
         * {@code articleId} the article they belong to (for a term or fingerprint set, the time it was filed at).
         */
        void unreadable(String what, String articleId, String reason);

        Problems NONE = (what, articleId, reason) -> { };
    }

    private final TriageSettings settings;
    private final StoryMethod<F, P> method;
    private final Problems problems;
    private final TriageStorage storage;
    private final CandidateVerifier verifier;
    private final FirstMentions firstMentions;

    public Triage(TriageSettings settings, StoryMethod<F, P> method, TriageStorage storage, Problems problems) {
        this.settings = settings;
        this.method = method;
        this.problems = problems;
        this.storage = storage;
        this.verifier = new CandidateVerifier(settings.duplicates());
        this.firstMentions = new FirstMentions(storage.tallies(), settings.storyRetention());
    }

    /** A triage over {@code storage} with {@code method}, whatever its type parameters. */
    public static Triage<?, ?> of(TriageSettings settings, StoryMethod<?, ?> method, TriageStorage storage,
                                  Problems problems) {
        return new Triage<>(settings, method, storage, problems);
    }

    /**
     * The story keys a retained article was filed under, from its profile: how a task that starts rebuilds its story
     * postings. None for an article without a profile (a copy) or (reported to {@code problems}) with one
     * {@code method} cannot read.
     */
    public static <P> Function<Retained, long[]> storyKeysOf(StoryMethod<?, P> method, Problems problems) {
        return retained -> {
            if (retained.profile().length == 0) {
                return NO_KEYS;
            }
            P profile = read(method, problems, "profile", retained.id(), retained.profile(), method::decodeProfile);
            return profile == null ? NO_KEYS : method.candidateKeys(profile);
        };
    }

    /** Decides {@code item} at triage time {@code now} (epoch millis, not before any earlier item's). */
    public TriageOutcome decide(TriageItem item, long now) {
        long from = now - settings.retention().toMillis();
        Retained before = storage.articles().find(item.articleId(), from, now);
        if (item.backfill() || before != null) {
            Decision known = before != null ? before.decision() : null;
            return new TriageOutcome(item, known, true, mentions(item, known, now));
        }
        Decision decision = exactCopy(item, from, now);
        if (decision == null) {
            decision = admit(item, from, now);
        }
        return new TriageOutcome(item, decision, false, mentions(item, decision, now));
    }

    /** A copy of the first article with the same content hash, or null (then this article is that first). */
    private Decision exactCopy(TriageItem item, long from, long now) {
        String hash = item.features().contentHash();
        String first = storage.contentHashes().first(hash, from, now);
        if (first == null) {
            storage.contentHashes().put(hash, item.articleId(), now);
            return null;
        }
        Retained original = storage.articles().find(first, from, now);
        String originalId = original == null ? first : original.decision().originalId();
        String storyId = original == null ? first : original.decision().storyId();
        return new Decision(item.articleId(), now, originalId, 1, Decision.EXACT_CONTENT, storyId, 0);
    }

    /** The best near-copy verdict among the candidates looked at so far, its story and the best Jaccard seen. */
    private record CopySearch(NearCopy copy, String storyId, double bestJaccard) {
        static final CopySearch NONE = new CopySearch(null, null, 0);
    }

    /** {@code so} far, improved by the {@code candidates} (handle → filing time) that verify as originals. */
    private CopySearch nearCopy(TriageItem item, Signature signature, Map<Long, Long> candidates,
                                Map<Long, Retained> loaded, CopySearch so) {
        NearCopy copy = so.copy();
        String copyStory = so.storyId();
        double bestJaccard = so.bestJaccard();
        for (Map.Entry<Long, Long> candidate : candidates.entrySet()) {
            Retained other = load(candidate, loaded);
            if (other != null && !other.id().equals(item.articleId())) {
                double jaccard = signature.jaccard(other.signature());
                NearCopy better = CandidateVerifier.better(copy, verifier.verify(signature,
                        other.decision().originalId(), other.signature(), jaccard));
                if (better != copy) {
                    copy = better;
                    copyStory = other.decision().storyId();
                }
                bestJaccard = Math.max(bestJaccard, jaccard);
            }
        }
        return new CopySearch(copy, copyStory, bestJaccard);
    }

    /**
     * Near-copy candidates come from the LSH bands, and where the bands found no original, from the story keys as
     * well: a copy shares its original's heaviest words, so the story keys find most copies the bands miss (within
     * the story window, among each key's latest postings), and their candidates are loaded for the story decision
     * anyway. An original the bands found is taken without looking at the story keys' candidates.
     */
    private Decision admit(TriageItem item, long from, long now) {
        ArticleFeatures features = item.features();
        Signature signature = new Signature(features.mins(), features.shingles());
        long[] bandKeys = Bands.keys(signature, settings.duplicates());
        long handle = Bands.handle(item.articleId());
        Map<Long, Retained> loaded = new HashMap<>();
        CopySearch search = nearCopy(item, signature, candidates(bandKeys,
                key -> storage.bands().find(key, from, now), Integer.MAX_VALUE), loaded, CopySearch.NONE);
        F storyFeatures = storyFeatures(item);
        P profile = storyFeatures == null ? null : method.admit(storyFeatures, storage.frequencies(), now);
        long[] storyKeys = new long[0];
        Map<Long, Long> storyCandidates = Map.of();
        if (search.copy() == null && profile != null) {
            storyKeys = method.candidateKeys(profile);
            long storyFrom = now - settings.storyWindow().toMillis();
            storyCandidates = candidates(storyKeys,
                    key -> storage.storyKeys().latest(key, storyFrom, now, MAX_POSTINGS_PER_KEY), STORY_CANDIDATES);
            search = nearCopy(item, signature, storyCandidates, loaded, search);
        }
        Decision decision;
        byte[] kept = new byte[0];
        if (search.copy() != null) { // found through its original's story keys, not its own
            NearCopy copy = search.copy();
            decision = new Decision(item.articleId(), now, copy.originalId(), copy.similarity(),
                    "near-copy-" + copy.rule(), search.storyId(), 0);
        } else if (profile == null) { // unreadable features: no story to look for, none to offer
            decision = new Decision(item.articleId(), now, null, search.bestJaccard(), Decision.NEW_STORY,
                    item.articleId(), 0);
        } else {
            decision = storyOf(item, profile, storyCandidates, loaded, search.bestJaccard(), now);
            for (long key : storyKeys) {
                storage.storyKeys().add(key, handle, now);
            }
            kept = MethodBytes.tag(method.name(), method.encodeProfile(profile));
        }
        for (long key : bandKeys) {
            storage.bands().add(key, handle, now);
        }
        storage.articles().put(new Retained(item.articleId(), now, epochMillis(item.publishedAt()),
                features.mins(), features.shingles(), kept, decision));
        return decision;
    }

    /**
     * The story of the closest earlier article among the story-key {@code candidates}, if it is close enough.
     * Candidates come only from the story window, the most recent few per key: a key common enough to fill its
     * postings says little about the story anyway.
     */
    private Decision storyOf(TriageItem item, P profile, Map<Long, Long> candidates, Map<Long, Retained> loaded,
                             double bestJaccard, long now) {
        Long published = epochMillis(item.publishedAt());
        Retained best = null;
        double bestScore = 0;
        for (Map.Entry<Long, Long> candidate : candidates.entrySet()) {
            Retained other = load(candidate, loaded);
            if (other == null || other.id().equals(item.articleId()) || other.profile().length == 0
                    || !withinStoryWindow(published, other.publishedAt())) {
                continue;
            }
            P earlier = profileOf(other);
            if (earlier == null) {
                continue;
            }
            double score = method.similarity(profile, earlier);
            if (best == null || score > bestScore || (score == bestScore && other.id().compareTo(best.id()) < 0)) {
                best = other;
                bestScore = score;
            }
        }
        if (best != null && bestScore >= method.threshold()) {
            return new Decision(item.articleId(), now, null, bestJaccard, Decision.JOINED_STORY,
                    best.decision().storyId(), bestScore);
        }
        return new Decision(item.articleId(), now, null, bestJaccard, Decision.NEW_STORY, item.articleId(), 0);
    }

    /** The item's story features, or null (counted) when this method cannot read them. */
    private F storyFeatures(TriageItem item) {
        return read(method, problems, "features", item.articleId(), item.features().story(), method::decodeFeatures);
    }

    /** A retained article's profile, or null (counted) when this method cannot read it. */
    private P profileOf(Retained other) {
        return read(method, problems, "profile", other.id(), other.profile(), method::decodeProfile);
    }

    private static <T> T read(StoryMethod<?, ?> method, Problems problems, String what, String articleId,
                              byte[] tagged, Function<byte[], T> decode) {
        byte[] body = MethodBytes.untag(method.name(), tagged);
        if (body == null) {
            problems.unreadable(what, articleId, "not written by story method " + method.name());
            return null;
        }
        try {
            return decode.apply(body);
        } catch (IllegalArgumentException e) {
            problems.unreadable(what, articleId, e.getMessage());
            return null;
        }
    }

    /** The first-mention outcome of each topic hit; none for a copy or an unknown article. */
    private List<MentionOutcome> mentions(TriageItem item, Decision decision, long now) {
        if (decision == null || decision.isCopy() || item.hits().isEmpty()) {
            return List.of();
        }
        List<MentionOutcome> outcomes = new ArrayList<>(item.hits().size());
        for (TopicHit hit : item.hits()) {
            Mention mention = new Mention(Mention.SCHEMA_VERSION, hit.topicId(), hit.topicName(), decision.storyId(),
                    item.articleId(), item.url(), item.title(), item.source(), hit.snippet(), hit.matchedTerms(),
                    item.publishedAt(), Instant.ofEpochMilli(now), item.backfill(), hit.labels(),
                    hit.urgent());
            outcomes.add(firstMentions.observe(mention, now));
        }
        return outcomes;
    }

    private Retained load(Map.Entry<Long, Long> candidate, Map<Long, Retained> loaded) {
        return loaded.computeIfAbsent(candidate.getKey(),
                handle -> storage.articles().get(handle, candidate.getValue()));
    }

    /**
     * Handle → filing time of the articles {@code filed} under {@code keys}, each once, in the order first found
     * (key order): the bands read all of a key's postings (forwards, the cheaper way through a store when all are
     * wanted), the story keys only each key's latest. Of more than {@code most}, those filed under the most of the
     * keys are kept, then the latest, then by handle.
     */
    static Map<Long, Long> candidates(long[] keys, LongFunction<List<Postings.Posting>> filed, int most) {
        Map<Long, long[]> found = new LinkedHashMap<>(); // handle -> {filing time, keys it is filed under}
        for (long key : keys) {
            for (Postings.Posting p : filed.apply(key)) {
                found.computeIfAbsent(p.handle(), h -> new long[] {p.timestamp(), 0})[1]++;
            }
        }
        Set<Long> chosen = null; // all
        if (found.size() > most) {
            List<Map.Entry<Long, long[]>> ranked = new ArrayList<>(found.entrySet());
            ranked.sort((a, b) -> a.getValue()[1] != b.getValue()[1]
                    ? Long.compare(b.getValue()[1], a.getValue()[1])
                    : a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                    : Long.compare(a.getKey(), b.getKey()));
            chosen = new HashSet<>();
            for (int i = 0; i < most; i++) {
                chosen.add(ranked.get(i).getKey());
            }
        }
        Map<Long, Long> kept = new LinkedHashMap<>();
        for (Map.Entry<Long, long[]> f : found.entrySet()) {
            if (chosen == null || chosen.contains(f.getKey())) {
                kept.put(f.getKey(), f.getValue()[0]);
            }
        }
        return kept;
    }

    private boolean withinStoryWindow(Long a, Long b) {
        return a == null || b == null || Math.abs(a - b) <= settings.storyWindow().toMillis();
    }

    private static Long epochMillis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
