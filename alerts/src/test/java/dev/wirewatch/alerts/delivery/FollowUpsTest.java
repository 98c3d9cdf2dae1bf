package dev.wirewatch.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wirewatch.alerts.Mentions;
import dev.wirewatch.alerts.growth.StorySites;
import dev.wirewatch.model.DeliveryRecord;
import dev.wirewatch.model.StoryAssignment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private final StorySites sites = new StorySites(Duration.ofDays(14));

    {
        sites.markReady();
    }

    private void article(String id, String story, String site) {
        sites.apply(id, new StoryAssignment(1, id, story, null, 0, "joined-story", T0, "https://" + site + "/" + id,
                "t", site, null));
    }

    private static DeliveryRecord first(String story, int sitesThen) {
        return DeliveryRecord.sent("slack", Mentions.of("su-35", story, "Jets"), T0, "1700.01", sitesThen);
    }

    private static List<List<Integer>> thresholds(List<FollowUps.Due> due) {
        return due.stream().map(FollowUps.Due::thresholds).toList();
    }

    @Test
    void aStoryThatGrowsPastAThresholdIsFollowedUpOnceAndAJumpSettlesEveryThresholdItPassed() {
        FollowUps followUps = new FollowUps(List.of(3, 5, 20), sites);
        article("a", "s1", "wire.example");
        article("b", "s1", "daily.example");
        followUps.recorded(first("s1", 2));
        assertEquals(List.of(), followUps.due());
        article("c", "s1", "copy.example");
        article("c2", "s1", "copy.example"); // the same site again counts once
        List<FollowUps.Due> due = followUps.due();
        assertEquals(List.of(List.of(3)), thresholds(due));
        assertEquals(3, due.get(0).sites());
        followUps.done(due.get(0));
        assertEquals(List.of(), followUps.due(), "once");
        for (int i = 0; i < 20; i++) {
            article("x" + i, "s1", "site" + i + ".example");
        }
        assertEquals(List.of(List.of(5, 20)), thresholds(followUps.due()), "one message for the jump to 23 sites");
    }

    @Test
    void thresholdsReachedBeforeTheAlertOrFollowedUpBeforeARestartAreNotDueAgain() {
        for (String site : List.of("a", "b", "c", "d", "e", "f")) {
            article(site, "s2", site + ".example");
        }
        FollowUps restarted = new FollowUps(List.of(3, 5, 7), sites);
        DeliveryRecord sent = first("s2", 4);
        restarted.recorded(DeliveryRecord.followUp(sent, 5, 6, T0.plusSeconds(60))); // compaction may list it first
        restarted.recorded(sent);
        assertEquals(List.of(), restarted.due(), "3 was reached before the alert, 5 was followed up");
        article("g", "s2", "g.example");
        assertEquals(List.of(List.of(7)), thresholds(restarted.due()));
    }

    @Test
    void aDeferredFollowUpIsAskedAgainAtTheNextLook() {
        FollowUps followUps = new FollowUps(List.of(2), sites);
        article("a", "s3", "a.example");
        followUps.recorded(first("s3", 1));
        article("b", "s3", "b.example");
        FollowUps.Due due = followUps.due().get(0);
        followUps.defer(due);
        assertEquals(List.of(List.of(2)), thresholds(followUps.due()));
        assertEquals(List.of(), followUps.due(), "not deferred again: asked once more only");
    }

    @Test
    void anAlertRecordedWhileTheCountsLoadTakesItsBaselineWhenTheyAreReadyAndAnnouncesNoOldGrowth() {
        StorySites loading = new StorySites(Duration.ofDays(14));
        FollowUps followUps = new FollowUps(List.of(3, 5), loading);
        followUps.recorded(first("s9", 0)); // after a restart, before story-assignments is read
        for (String site : List.of("a", "b", "c", "d")) {
            loading.apply(site, new StoryAssignment(1, site, "s9", null, 0, "joined-story", T0, "https://" + site
                    + ".example/", "t", site + ".example", null));
        }
        assertEquals(List.of(), followUps.due(), "not while loading");
        loading.markReady();
        assertEquals(List.of(), followUps.due(), "4 sites were there before: 3 is not news");
        loading.apply("e", new StoryAssignment(1, "e", "s9", null, 0, "joined-story", T0, "https://e.example/", "t",
                "e.example", null));
        assertEquals(List.of(List.of(5)), thresholds(followUps.due()));
    }
}
