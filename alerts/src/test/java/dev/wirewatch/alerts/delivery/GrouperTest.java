package dev.wirewatch.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wirewatch.alerts.Mentions;
import dev.wirewatch.model.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GrouperTest {

    private static final Instant T0 = Instant.parse("2026-03-04T06:00:00Z");
    private static final TopicPartition P0 = new TopicPartition("mentions", 0);

    private static Pending pending(String topic, String story, long offset) {
        Mention m = Mentions.of(topic, story, "title " + story);
        return new Pending(m, dev.wirewatch.alerts.Alert.from(m), P0, offset, 0L, null);
    }

    private static Pending held(String topic, String story, long offset, Instant until) {
        Mention m = Mentions.of(topic, story, "title " + story);
        return new Pending(m, dev.wirewatch.alerts.Alert.from(m), P0, offset, 0L, until);
    }

    private static List<List<String>> stories(List<List<Pending>> batches) {
        return batches.stream().map(b -> b.stream().map(p -> p.mention().storyId()).toList()).toList();
    }

    @Test
    void mentionsOfOneTopicWithinTheWaitGoOutAsOneMessage() {
        Grouper grouper = new Grouper(Duration.ofSeconds(30), Duration.ofMinutes(5), false, 100);
        grouper.add(pending("su-35", "a", 1), T0);
        grouper.add(pending("su-35", "b", 2), T0.plusSeconds(10));
        grouper.add(pending("c-130", "c", 3), T0.plusSeconds(20));
        assertEquals(List.of(), grouper.due(T0.plusSeconds(29), false));
        assertEquals(List.of(List.of("a", "b")), stories(grouper.due(T0.plusSeconds(30), false)));
        assertEquals(T0.plusSeconds(50), grouper.nextDue());
        assertEquals(List.of(List.of("c")), stories(grouper.due(T0.plusSeconds(50), false)));
        assertNull(grouper.nextDue());
    }

    @Test
    void aTopicSentRecentlyWaitsForTheGroupInterval() {
        Grouper grouper = new Grouper(Duration.ZERO, Duration.ofMinutes(5), false, 100);
        grouper.add(pending("su-35", "a", 1), T0);
        assertEquals(1, grouper.due(T0, false).size());
        grouper.add(pending("su-35", "b", 2), T0.plusSeconds(60));
        grouper.add(pending("su-35", "c", 3), T0.plusSeconds(120));
        assertEquals(List.of(), grouper.due(T0.plusSeconds(299), false));
        assertEquals(List.of(List.of("b", "c")), stories(grouper.due(T0.plusSeconds(300), false)));
    }

    @Test
    void digestGroupsEveryTopicAndFlushAllIgnoresWindows() {
        Grouper grouper = new Grouper(Duration.ofMinutes(15), Duration.ofMinutes(15), true, 100);
        grouper.add(pending("su-35", "a", 1), T0);
        grouper.add(pending("c-130", "b", 2), T0.plusSeconds(1));
        assertEquals(List.of(), grouper.due(T0.plusSeconds(60), false));
        assertEquals(List.of(List.of("a", "b")), stories(grouper.due(T0.plusSeconds(60), true)));
    }

    @Test
    void largeGroupsAreCutAtTheSinksMessageSizeAndRevokedPartitionsAreDropped() {
        Grouper grouper = new Grouper(Duration.ZERO, Duration.ZERO, false, 2);
        for (int i = 0; i < 5; i++) {
            grouper.add(pending("su-35", "s" + i, i), T0);
        }
        grouper.drop(p -> p.offset() == 4);
        assertEquals(4, grouper.size());
        assertEquals(List.of(List.of("s0", "s1"), List.of("s2", "s3")), stories(grouper.due(T0, false)));
    }

    @Test
    void heldMentionsOfEveryTopicWaitTogetherUntilTheirReleaseWhateverTheWindows() {
        Grouper grouper = new Grouper(Duration.ofSeconds(30), Duration.ofMinutes(5), false, 100);
        Instant morning = T0.plus(Duration.ofHours(8));
        grouper.add(held("su-35", "a", 1, morning), T0);
        grouper.add(pending("c-130", "now", 2), T0);
        grouper.add(held("c-130", "b", 3, morning), T0.plusSeconds(10));
        assertEquals(List.of(List.of("now")), stories(grouper.due(T0.plusSeconds(30), false)));
        assertEquals(morning, grouper.nextDue());
        assertEquals(List.of(), grouper.due(morning.minusSeconds(1), false));
        assertEquals(List.of(List.of("a", "b")), stories(grouper.due(morning, false)));
        assertNull(grouper.nextDue());
    }

    @Test
    void itKnowsWhichMentionsAreWaitingUntilTheyAreDueOrDropped() {
        Grouper grouper = new Grouper(Duration.ofSeconds(30), Duration.ZERO, false, 100);
        grouper.add(pending("su-35", "a", 1), T0);
        grouper.add(held("c-130", "b", 2, T0.plusSeconds(600)), T0);
        assertEquals(true, grouper.holds("su-35/a"));
        assertEquals(true, grouper.holds("c-130/b"));
        grouper.due(T0.plusSeconds(30), false);
        assertEquals(false, grouper.holds("su-35/a"), "sent");
        grouper.drop(p -> true);
        assertEquals(false, grouper.holds("c-130/b"), "dropped on a rebalance");
    }
}
