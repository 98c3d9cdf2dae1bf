package dev.wirewatch.alerts.growth;

import dev.wirewatch.model.StoryAssignment;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How many sites carry each story, from processing's decisions: every article of the story, copy or rewrite, counts
 * its site once. Each story keeps the sequence number of its latest change, so a sink asks only about stories that
 * changed since it last looked. A story untouched for the retention (in record time) is forgotten.
 *
 * <p>Thread safe: one follower thread applies decisions, sink workers read.
 */
public final class StorySites {

    private final Duration retention;
    private final Map<String, Story> stories = new HashMap<>();
    private final Map<String, String> storyOfArticle = new HashMap<>();
    private long sequence;
    private Instant newest = Instant.EPOCH;
    private volatile boolean ready;

    private static final class Story {
        final Map<String, String> siteOfArticle = new HashMap<>();
        /** Articles per site: its size is the story's site count, kept as articles come and go. */
        final Map<String, Integer> articlesOfSite = new HashMap<>();
        long changedAt;
        Instant lastSeen;

        void add(String articleId, String site) {
            String was = siteOfArticle.put(articleId, site);
            if (was != null) {
                drop(was);
            }
            articlesOfSite.merge(site, 1, Integer::sum);
        }

        void remove(String articleId) {
            String was = siteOfArticle.remove(articleId);
            if (was != null) {
                drop(was);
            }
        }

        private void drop(String site) {
            articlesOfSite.computeIfPresent(site, (s, n) -> n == 1 ? null : n - 1);
        }

        int sites() {
            return articlesOfSite.size();
        }
    }

    public StorySites(Duration retention) {
        this.retention = retention;
    }

    /** Applies one decision; {@code null} (a tombstone) forgets the article. */
    public synchronized void apply(String articleId, StoryAssignment decision) {
        String before = storyOfArticle.remove(articleId);
        if (before != null && stories.containsKey(before)) {
            Story old = stories.get(before);
            old.remove(articleId);
            old.changedAt = ++sequence;
        }
        if (decision == null || decision.storyId() == null) {
            return;
        }
        Story story = stories.computeIfAbsent(decision.storyId(), id -> new Story());
        String site = decision.source() == null ? articleId : decision.source().toLowerCase(Locale.ROOT);
        int sitesBefore = story.sites();
        story.add(articleId, site);
        storyOfArticle.put(articleId, decision.storyId());
        if (story.sites() != sitesBefore) {
            story.changedAt = ++sequence;
        }
        Instant at = decision.decidedAt() == null ? newest : decision.decidedAt();
        story.lastSeen = story.lastSeen == null || at.isAfter(story.lastSeen) ? at : story.lastSeen;
        newest = at.isAfter(newest) ? at : newest;
    }

    /** Marks the counts as complete: every decision written before the tracker started has been applied. */
    public void markReady() {
        ready = true;
    }

    /** True once the counts hold every decision written before the tracker started (until then they are low). */
    public boolean ready() {
        return ready;
    }

    /** How many distinct sites carry the story (0 when unknown). */
    public synchronized int sites(String storyId) {
        Story story = stories.get(storyId);
        return story == null ? 0 : story.sites();
    }

    /** The sequence number of the latest change anywhere. */
    public synchronized long sequence() {
        return sequence;
    }

    /** The sequence number of the story's latest change in its site count (0 when unknown). */
    public synchronized long changedAt(String storyId) {
        Story story = stories.get(storyId);
        return story == null ? 0 : story.changedAt;
    }

    /** Forgets stories whose latest decision is older than the retention before the newest one seen. */
    public synchronized void expire() {
        Instant cutoff = newest.minus(retention);
        var it = stories.entrySet().iterator();
        while (it.hasNext()) {
            var entry = it.next();
            if (entry.getValue().lastSeen != null && entry.getValue().lastSeen.isBefore(cutoff)) {
                entry.getValue().siteOfArticle.keySet().forEach(storyOfArticle::remove);
                it.remove();
            }
        }
    }
}
