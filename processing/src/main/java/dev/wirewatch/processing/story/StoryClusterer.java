package dev.wirewatch.processing.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups different articles about one event into a story: an article joins the story of the most similar retained
 * article (TF-IDF cosine ≥ {@code threshold}, published within {@code window} of it), else starts its own story,
 * whose id is its article id.
 *
 * <p>Kafka-free; not thread safe. Candidates come from an inverted index over each article's heaviest terms, so
 * an article is compared with the few that share its salient words, not with everything retained.
 */
public final class StoryClusterer {

    /** Terms kept per article vector. */
    static final int MAX_TERMS = 100;
    /** Terms of the new article used to look up candidates. */
    static final int LOOKUP_TERMS = 20;

    private final double threshold;
    private final Duration window;
    private final TermVectors vectors = new TermVectors(MAX_TERMS);
    private final Map<String, Member> members = new HashMap<>();
    private final Map<String, List<String>> postings = new HashMap<>();

    private record Member(Map<String, Double> vector, String storyId, Instant time) {
    }

    /** A story decision: the story, and the similarity to the article it was joined through (0 for a new one). */
    public record Assignment(String storyId, double similarity) {
    }

    public StoryClusterer(double threshold, Duration window) {
        this.threshold = threshold;
        this.window = window;
    }

    /** Assigns {@code id} (published at {@code time}, may be null) a story and retains it. */
    public Assignment assign(String id, String text, Instant time) {
        Map<String, Double> vector = vectors.addAndVectorize(text);
        Set<String> candidates = new LinkedHashSet<>();
        vector.keySet().stream().limit(LOOKUP_TERMS).forEach(t -> candidates.addAll(postings.getOrDefault(t,
                List.of())));
        String bestStory = null;
        double best = 0;
        for (String candidate : candidates) {
            Member member = members.get(candidate);
            if (!withinWindow(time, member.time())) {
                continue;
            }
            double similarity = TermVectors.cosine(vector, member.vector());
            if (similarity > best) {
                best = similarity;
                bestStory = member.storyId();
            }
        }
        String storyId = best >= threshold ? bestStory : id;
        join(id, vector, storyId, time);
        return new Assignment(storyId, best >= threshold ? best : 0);
    }

    /** Retains {@code id} as a member of {@code storyId} without deciding (a copy joins its original's story). */
    public void joinAsCopy(String id, String text, String storyId, Instant time) {
        join(id, vectors.addAndVectorize(text), storyId, time);
    }

    private void join(String id, Map<String, Double> vector, String storyId, Instant time) {
        if (members.putIfAbsent(id, new Member(vector, storyId, time)) == null) {
            vector.keySet().forEach(t -> postings.computeIfAbsent(t, k -> new ArrayList<>(2)).add(id));
        }
    }

    private boolean withinWindow(Instant a, Instant b) {
        return a == null || b == null || Duration.between(a, b).abs().compareTo(window) <= 0;
    }
}
