package dev.wirewatch.desk.view;

import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.model.DeadAlert;
import dev.wirewatch.model.DeliveryRecord;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.FeedStatus;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.MutedAlert;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.TopicDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The desk's materialized view of Wirewatch's topics: processing's story decisions, the mentions, what each sink sent,
 * gave up on or held back for a mute, the mutes in force, the feeds with their health, and the tracked topics. Rebuilt from the topics on start.
 *
 * <p>Thread safe: one reader applies records while page and API handlers query. Applying a record twice changes
 * nothing, so the view can be rebuilt by reading a topic again. Each {@code apply} returns what editors should see
 * change (an empty list while nothing visible changed). A story is forgotten (its members, mentions and deliveries)
 * once its latest record is older than {@code retention} before the newest record seen: record time, not the wall
 * clock, so a rebuilt view forgets the same stories. Dead letters stay until they are delivered.
 */
public final class DeskView {

    private final Map<String, StoryAssignment> assignments = new HashMap<>();
    private final Map<String, Map<String, StoryAssignment>> membersByStory = new HashMap<>();
    private final Map<String, Mention> mentions = new LinkedHashMap<>();
    private final Map<String, Map<String, Mention>> mentionsByStory = new HashMap<>();
    private final Map<String, DeliveryRecord> ledger = new LinkedHashMap<>();
    private final Map<String, Map<String, DeliveryRecord>> ledgerByStory = new HashMap<>();
    private final Map<String, DeadAlert> deadAlerts = new LinkedHashMap<>();
    private final Map<String, MutedAlert> muted = new LinkedHashMap<>();
    private final Map<String, Mute> mutes = new TreeMap<>();
    private final Map<String, FeedStatus> feedStatus = new TreeMap<>();
    private final Map<String, FeedDefinition> feeds = new TreeMap<>();
    private final Map<String, TopicDefinition> topics = new TreeMap<>();
    private final Map<String, SinkRoute> sinkRoutes;
    private final Duration retention;
    private Instant newest = Instant.EPOCH;
    private int appliedSinceEviction;

    /** Records applied between two looks for expired stories. */
    public static final int EVICT_EVERY = 1_000;

    /**
     * @param sinkRoutes the configured sinks, each with its route (topic ids and label matchers), so that the
     *                   desk can tell what a sink still owes
     * @param retention  how long a story is kept after its latest record
     */
    public DeskView(Map<String, SinkRoute> sinkRoutes, Duration retention) {
        this.sinkRoutes = new LinkedHashMap<>(sinkRoutes);
        this.retention = retention;
    }

    /** A view that keeps stories for 14 days. */
    public DeskView(Map<String, SinkRoute> sinkRoutes) {
        this(sinkRoutes, Duration.ofDays(14));
    }

    /** Routes by topic ids alone (an empty list: every topic), in the map's order. */
    public static Map<String, SinkRoute> topicRoutes(Map<String, List<String>> topicIds) {
        Map<String, SinkRoute> routes = new LinkedHashMap<>();
        topicIds.forEach((sink, ids) -> routes.put(sink, SinkRoute.ofTopics(ids)));
        return routes;
    }

    /** Processing's decision on an article; a tombstone (null) forgets the article. */
    public synchronized List<DeskChange> applyAssignment(String articleId, StoryAssignment assignment) {
        StoryAssignment before = assignments.get(articleId);
        if (before != null && before.equals(assignment)) {
            return List.of();
        }
        if (before != null) {
            Map<String, StoryAssignment> members = membersByStory.get(before.storyId());
            if (members != null) {
                members.remove(articleId);
            }
        }
        if (assignment == null) {
            assignments.remove(articleId);
            return before == null ? List.of() : changed(before.storyId());
        }
        assignments.put(articleId, assignment);
        membersByStory.computeIfAbsent(assignment.storyId(), s -> new LinkedHashMap<>()).put(articleId, assignment);
        seen(assignment.decidedAt());
        return changed(assignment.storyId());
    }

    /** A first mention of a topic in a story. */
    public synchronized List<DeskChange> applyMention(Mention mention) {
        if (mention == null || mention.equals(mentions.put(mention.key(), mention))) {
            return List.of();
        }
        mentionsByStory.computeIfAbsent(mention.storyId(), s -> new LinkedHashMap<>()).put(mention.topicId(), mention);
        seen(mention.detectedAt());
        return List.of(DeskChange.story(mention.storyId()));
    }

    /** A sink's delivery record; a tombstone forgets it. */
    public synchronized List<DeskChange> applyDelivery(String key, DeliveryRecord record) {
        if (record == null) {
            DeliveryRecord gone = ledger.remove(key);
            if (gone != null) {
                ledgerByStory.getOrDefault(gone.storyId(), new HashMap<>()).remove(key);
            }
            return List.of();
        }
        if (record.equals(ledger.put(key, record))) {
            return List.of();
        }
        ledgerByStory.computeIfAbsent(record.storyId(), s -> new LinkedHashMap<>()).put(key, record);
        return List.of(DeskChange.alert(entry(record)), DeskChange.story(record.storyId()));
    }

    /** An alert a sink gave up on. */
    public synchronized void applyDeadAlert(String key, DeadAlert dead) {
        if (dead == null) {
            deadAlerts.remove(key);
        } else {
            deadAlerts.put(key, dead);
        }
    }

    /** An alert a mute held back; a tombstone (after a replay) forgets it. */
    public synchronized List<DeskChange> applyMuted(String key, MutedAlert alert) {
        MutedAlert before = alert == null ? muted.remove(key) : muted.put(key, alert);
        if (Objects.equals(before, alert)) {
            return List.of();
        }
        return List.of(DeskChange.story((alert == null ? before : alert).mention().storyId()));
    }

    /** A mute; a tombstone lifts it. */
    public synchronized void applyMute(String id, Mute mute) {
        putOrRemove(mutes, id, mute);
    }

    /** The mutes in force at {@code now}, oldest first. */
    public synchronized List<Mute> mutes(Instant now) {
        return mutes.values().stream().filter(m -> m.activeAt(now))
                .sorted(Mute.OLDEST_FIRST).toList();
    }

    /** The mute {@code id} when it is in force at {@code now}. */
    public synchronized Optional<Mute> mute(String id, Instant now) {
        return Optional.ofNullable(mutes.get(id)).filter(m -> m.activeAt(now));
    }

    /** The configured sinks' ids. */
    public synchronized List<String> sinkIds() {
        return List.copyOf(sinkRoutes.keySet());
    }

    /** Mutes no longer in force (run out or lifted) that still hold alerts back, with how many, by id. */
    public synchronized Map<String, Integer> heldByPastMutes(Instant now) {
        Map<String, Integer> held = new TreeMap<>();
        for (MutedAlert m : muted.values()) {
            Mute mute = mutes.get(m.muteId());
            if (mute == null || !mute.activeAt(now)) {
                held.merge(m.muteId(), 1, Integer::sum);
            }
        }
        return held;
    }

    /** How many alerts the mute {@code id} holds back. */
    public synchronized int heldBy(String muteId) {
        return (int) muted.values().stream().filter(m -> m.muteId().equals(muteId)).count();
    }

    /** A feed's health after its latest poll; a tombstone forgets it. */
    public synchronized void applyFeedStatus(String url, FeedStatus status) {
        putOrRemove(feedStatus, url, status);
    }

    /** A feed definition; a tombstone removes the feed. */
    public synchronized void applyFeed(String url, FeedDefinition feed) {
        putOrRemove(feeds, url, feed);
    }

    /** A tracked topic; a tombstone removes it. */
    public synchronized void applyTopic(String id, TopicDefinition topic) {
        putOrRemove(topics, id, topic);
    }

    /** Stories that mentioned a tracked topic, newest first by when they were first seen. */
    public synchronized List<StorySummary> stories(StoryFilter filter) {
        return mentionsByStory.keySet().stream().map(this::summary).filter(filter::admits)
                .sorted(Comparator.comparing(StorySummary::firstSeenAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(StorySummary::id))
                .limit(filter.limit()).toList();
    }

    /** A story with its members in time order and its alerts, when any article of it is known. */
    public synchronized Optional<StoryDetail> story(String storyId) {
        if (!membersByStory.containsKey(storyId) && !mentionsByStory.containsKey(storyId)) {
            return Optional.empty();
        }
        List<StoryMember> members = new ArrayList<>();
        List<StoryAssignment> ordered = new ArrayList<>(sortedMembers(storyId));
        String first = firstOf(storyId, ordered);
        // The first article heads the list, the others follow in time order.
        ordered.sort(Comparator.comparing((StoryAssignment a) -> !a.articleId().equals(first)));
        for (StoryAssignment a : ordered) {
            String role = a.isCopy() ? StoryMember.COPY
                    : a.articleId().equals(first) ? StoryMember.FIRST : StoryMember.REWRITE;
            members.add(new StoryMember(a.articleId(), a.url(), a.title(), a.source(), a.publishedAt(), role,
                    a.similarity(), a.decidedAt()));
        }
        List<AlertEntry> alerts = deliveriesOf(storyId).stream()
                .sorted(Comparator.comparing(DeliveryRecord::sentAt)).map(this::entry).toList();
        List<MutedAlert> held = muted.values().stream().filter(m -> m.mention().storyId().equals(storyId))
                .sorted(Comparator.comparing(MutedAlert::mutedAt)).toList();
        return Optional.of(new StoryDetail(summary(storyId), members, alerts, held));
    }

    /** The latest alerts sent, newest first. */
    public synchronized List<AlertEntry> alerts(int limit) {
        return ledger.values().stream().sorted(Comparator.comparing(DeliveryRecord::sentAt).reversed())
                .limit(Math.max(1, limit)).map(this::entry).toList();
    }

    /** Per configured sink (and any other sink the ledger or the dead letters name): sent, pending, dead, muted. */
    public synchronized List<SinkDeliveries> deliveries(int limitPerSink) {
        Set<String> sinkIds = new LinkedHashSet<>(sinkRoutes.keySet());
        ledger.values().forEach(r -> sinkIds.add(r.sinkId()));
        deadAlerts.values().forEach(d -> sinkIds.add(d.sinkId()));
        List<SinkDeliveries> out = new ArrayList<>();
        for (String sink : sinkIds) {
            List<AlertEntry> sent = ledger.values().stream().filter(r -> r.sinkId().equals(sink))
                    .sorted(Comparator.comparing(DeliveryRecord::sentAt).reversed()).limit(limitPerSink)
                    .map(this::entry).toList();
            List<DeadAlert> dead = deadAlerts.values().stream().filter(d -> d.sinkId().equals(sink))
                    .filter(d -> !ledger.containsKey(DeliveryRecord.keyOf(sink, d.mention().topicId(),
                            d.mention().storyId())))
                    .toList();
            Set<String> deadKeys = new HashSet<>();
            dead.forEach(d -> deadKeys.add(d.mention().key()));
            List<MutedAlert> held = muted.values().stream().filter(m -> m.sinkId().equals(sink))
                    .filter(m -> !ledger.containsKey(m.key())).toList();
            held.forEach(m -> deadKeys.add(m.mention().key()));
            SinkRoute route = sinkRoutes.get(sink);
            List<Mention> pending = route == null ? List.of() : mentions.values().stream()
                    .filter(m -> route.accepts(m.topicId(), m.labels()))
                    .filter(m -> !ledger.containsKey(DeliveryRecord.keyOf(sink, m.topicId(), m.storyId())))
                    .filter(m -> !deadKeys.contains(m.key()))
                    .limit(limitPerSink).toList();
            out.add(new SinkDeliveries(sink, sent, pending, dead,
                    held.subList(Math.max(0, held.size() - limitPerSink), held.size())));
        }
        return out;
    }

    /** Every feed with its latest status (null before its first poll), by URL. */
    public synchronized List<FeedRow> feeds() {
        List<FeedRow> rows = new ArrayList<>();
        feeds.values().forEach(f -> rows.add(new FeedRow(f, feedStatus.get(f.url()))));
        return rows;
    }

    /** The tracked topics, by id. */
    public synchronized List<TopicDefinition> topics() {
        return List.copyOf(topics.values());
    }

    /** One tracked topic. */
    public synchronized Optional<TopicDefinition> topic(String id) {
        return Optional.ofNullable(topics.get(id));
    }

    /** The sites of every decided article, for the source filter. */
    public synchronized List<String> sources() {
        return assignments.values().stream().map(StoryAssignment::source).filter(s -> s != null)
                .distinct().sorted().toList();
    }

    /** Whether the article is a copy of another (then the desk's search shows it under its original). */
    public synchronized Optional<StoryAssignment> assignment(String articleId) {
        return Optional.ofNullable(assignments.get(articleId));
    }

    /** A feed and its health. {@code status} is null before the feed's first poll. */
    public record FeedRow(FeedDefinition feed, FeedStatus status) {
    }

    /** How many stories the view holds (with or without a mention). */
    public synchronized int storyCount() {
        return storyIds().size();
    }

    /** Forgets the stories whose latest record is older than the retention before the newest record seen. */
    public synchronized void evictExpired() {
        Instant cutoff = newest.minus(retention);
        for (String storyId : storyIds()) {
            Instant last = latest(storyId);
            if (last != null && last.isBefore(cutoff)) {
                forget(storyId);
            }
        }
        appliedSinceEviction = 0;
    }

    /** Every story the view knows, by its members or by its mentions (a copy: safe to change the maps after). */
    private Set<String> storyIds() {
        Set<String> ids = new HashSet<>(membersByStory.keySet());
        ids.addAll(mentionsByStory.keySet());
        return ids;
    }

    private void seen(Instant at) {
        if (at.isAfter(newest)) {
            newest = at;
        }
        if (++appliedSinceEviction >= EVICT_EVERY) {
            evictExpired();
        }
    }

    private Instant latest(String storyId) {
        Instant last = null;
        for (StoryAssignment a : membersByStory.getOrDefault(storyId, Map.of()).values()) {
            last = last == null || a.decidedAt().isAfter(last) ? a.decidedAt() : last;
        }
        for (Mention m : mentionsByStory.getOrDefault(storyId, Map.of()).values()) {
            last = last == null || m.detectedAt().isAfter(last) ? m.detectedAt() : last;
        }
        return last;
    }

    private void forget(String storyId) {
        Map<String, StoryAssignment> members = membersByStory.remove(storyId);
        if (members != null) {
            members.keySet().forEach(assignments::remove);
        }
        Map<String, Mention> storyMentions = mentionsByStory.remove(storyId);
        if (storyMentions != null) {
            storyMentions.values().forEach(m -> mentions.remove(m.key()));
        }
        Map<String, DeliveryRecord> sent = ledgerByStory.remove(storyId);
        if (sent != null) {
            deadAlerts.values().removeIf(d -> sent.containsKey(DeliveryRecord.keyOf(d.sinkId(), d.mention().topicId(),
                    d.mention().storyId())));
            sent.keySet().forEach(ledger::remove);
        }
    }

    private List<DeskChange> changed(String storyId) {
        return mentionsByStory.containsKey(storyId) ? List.of(DeskChange.story(storyId)) : List.of();
    }

    private StorySummary summary(String storyId) {
        List<StoryAssignment> members = sortedMembers(storyId);
        Map<String, Mention> storyMentions = mentionsByStory.getOrDefault(storyId, Map.of());
        StoryAssignment first = assignments.get(firstOf(storyId, members));
        Mention anyMention = storyMentions.values().stream().findFirst().orElse(null);
        Instant firstSeen = members.isEmpty() ? null : members.get(0).decidedAt();
        Instant lastSeen = members.isEmpty() ? null : members.get(members.size() - 1).decidedAt();
        if (firstSeen == null && anyMention != null) {
            firstSeen = anyMention.detectedAt();
            lastSeen = anyMention.detectedAt();
        }
        Set<String> sources = new LinkedHashSet<>();
        if (first != null && first.source() != null) {
            sources.add(first.source());
        }
        members.stream().map(StoryAssignment::source).filter(s -> s != null).forEach(sources::add);
        if (sources.isEmpty() && anyMention != null) {
            sources.add(anyMention.source());
        }
        Set<String> sinks = new LinkedHashSet<>();
        deliveriesOf(storyId).forEach(r -> sinks.add(r.sinkId()));
        int copies = (int) members.stream().filter(StoryAssignment::isCopy).count();
        String title = first != null && first.title() != null ? first.title()
                : anyMention == null ? null : anyMention.title();
        String url = first != null ? first.url() : anyMention == null ? null : anyMention.url();
        String source = first != null ? first.source() : anyMention == null ? null : anyMention.source();
        return new StorySummary(storyId, title, url, source, firstSeen, lastSeen,
                storyMentions.keySet().stream().sorted().toList(), Math.max(members.size(), storyMentions.isEmpty()
                ? 0 : 1), copies, List.copyOf(sources), List.copyOf(sinks));
    }

    /**
     * The story's first article: the one that started it (a story is named after its first article), else the
     * earliest member that is not a copy. Not simply the earliest by time: decisions carry their records' times,
     * and triage order, not those times, says which article came first.
     */
    private String firstOf(String storyId, List<StoryAssignment> sortedMembers) {
        StoryAssignment named = assignments.get(storyId);
        if (named != null && named.storyId().equals(storyId) && !named.isCopy()) {
            return storyId;
        }
        return sortedMembers.stream().filter(a -> !a.isCopy()).map(StoryAssignment::articleId).findFirst()
                .orElse(storyId);
    }

    private List<StoryAssignment> sortedMembers(String storyId) {
        List<StoryAssignment> members = new ArrayList<>(membersByStory.getOrDefault(storyId, Map.of()).values());
        members.sort(Comparator.comparing(StoryAssignment::decidedAt).thenComparing(StoryAssignment::articleId));
        return members;
    }

    private Collection<DeliveryRecord> deliveriesOf(String storyId) {
        return ledgerByStory.getOrDefault(storyId, Map.of()).values();
    }

    private AlertEntry entry(DeliveryRecord record) {
        Mention mention = mentions.get(Mention.keyOf(record.topicId(), record.storyId()));
        return new AlertEntry(record.topicId(), record.storyId(), mention == null ? null : mention.title(),
                mention == null ? null : mention.url(), record.sinkId(), record.sentAt(), record.followUp());
    }

    private static <V> void putOrRemove(Map<String, V> map, String key, V value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
