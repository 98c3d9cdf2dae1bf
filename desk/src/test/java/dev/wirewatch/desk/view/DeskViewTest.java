package dev.wirewatch.desk.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.model.DeadAlert;
import dev.wirewatch.model.DeliveryRecord;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.MutedAlert;
import dev.wirewatch.model.StoryAssignment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeskViewTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    final DeskView view = new DeskView(DeskView.topicRoutes(Map.of("slack", List.of(), "email", List.of("c-130"))));

    @Test
    void aStoryCountsItsCopiesAndSitesAndNamesItsFirstArticle() {
        view.applyAssignment("b", assignment("b", "a", null, 0.4, "joined-story", 60, "site-b"));
        view.applyAssignment("a", assignment("a", "a", null, 0, "new-story", 0, "site-a"));
        view.applyAssignment("c", assignment("c", "a", "a", 1, "exact-content", 90, "site-c"));
        view.applyMention(mention("su-35", "a"));
        StorySummary s = view.stories(StoryFilter.all()).get(0);
        assertEquals(3, s.articles());
        assertEquals(1, s.copies());
        assertEquals(List.of("site-a", "site-b", "site-c"), s.sources());
        assertEquals(2, s.alsoOn());
        assertEquals(T0, s.firstSeenAt());
        assertEquals(List.of("first", "rewrite", "copy"), view.story("a").orElseThrow().members().stream()
                .map(StoryMember::role).toList());
    }

    @Test
    void theArticleThatStartedTheStoryHeadsItEvenWhenACopyCarriesAnEarlierTime() {
        view.applyAssignment("copy", assignment("copy", "orig", "orig", 1, "exact-content", -5, "site-b"));
        view.applyAssignment("orig", assignment("orig", "orig", null, 0, "new-story", 0, "site-a"));
        view.applyMention(mention("su-35", "orig"));
        assertEquals(List.of("first", "copy"), view.story("orig").orElseThrow().members().stream()
                .map(StoryMember::role).toList());
        assertEquals("site-a", view.stories(StoryFilter.all()).get(0).source());
    }

    @Test
    void onlyStoriesThatMentionATopicAreListedAndApplyingTwiceAnnouncesNothing() {
        assertTrue(view.applyAssignment("x", assignment("x", "x", null, 0, "new-story", 0, "s")).isEmpty(),
                "a story nobody tracks is not news for the desk");
        assertTrue(view.stories(StoryFilter.all()).isEmpty());
        assertEquals(List.of(DeskChange.story("x")), view.applyMention(mention("su-35", "x")));
        assertTrue(view.applyMention(mention("su-35", "x")).isEmpty());
        DeliveryRecord sent = new DeliveryRecord(1, "slack", "su-35", "x", T0);
        assertEquals(2, view.applyDelivery(sent.key(), sent).size());
        assertTrue(view.applyDelivery(sent.key(), sent).isEmpty());
    }

    @Test
    void aSinkOwesWhatIsRoutedToItUntilItIsSentOrDead() {
        view.applyMention(mention("su-35", "s1"));
        view.applyMention(mention("c-130", "s2"));
        view.applyMention(mention("c-130", "s3"));
        view.applyDelivery("slack/su-35/s1", new DeliveryRecord(1, "slack", "su-35", "s1", T0));
        view.applyDeadAlert("email/c-130/s2", DeadAlert.of("email", mention("c-130", "s2"), "550 no", 5, T0));
        Map<String, SinkDeliveries> bySink = new java.util.HashMap<>();
        view.deliveries(100).forEach(d -> bySink.put(d.sinkId(), d));
        assertEquals(1, bySink.get("slack").sent().size());
        assertEquals(List.of("s2", "s3"), bySink.get("slack").pending().stream().map(Mention::storyId).toList());
        assertEquals(List.of("s3"), bySink.get("email").pending().stream().map(Mention::storyId).toList(),
                "email takes c-130 only, and s2 is dead there");
        assertEquals(1, bySink.get("email").dead().size());
        view.applyDelivery("email/c-130/s2", new DeliveryRecord(1, "email", "c-130", "s2", T0));
        assertTrue(view.deliveries(100).stream().filter(d -> d.sinkId().equals("email")).findFirst().orElseThrow()
                .dead().isEmpty(), "a replayed dead letter that was delivered is no longer dead");
    }

    @Test
    void aMutedAlertIsHeldBackNotOwedAndShownOnItsStoryUntilAReplayRemovesIt() {
        view.applyAssignment("s1", assignment("s1", "s1", null, 0, "new-story", 0, "site-a"));
        view.applyMention(mention("su-35", "s1"));
        Mute mute = Mute.of(Mute.Scope.TOPIC, "su-35", "slack", T0.plusSeconds(3600), T0, "ed", null);
        view.applyMute(mute.id(), mute);
        MutedAlert held = MutedAlert.of("slack", mute, mention("su-35", "s1"), T0.plusSeconds(5));
        assertEquals(List.of(DeskChange.story("s1")), view.applyMuted(held.key(), held));
        assertEquals(List.of(), view.applyMuted(held.key(), held), "applying twice announces nothing");
        SinkDeliveries slack = view.deliveries(100).stream().filter(d -> d.sinkId().equals("slack")).findFirst()
                .orElseThrow();
        assertEquals(List.of(), slack.pending(), "held back, not owed");
        assertEquals(List.of(held), slack.muted());
        assertEquals(List.of(held), view.story("s1").orElseThrow().muted());
        assertEquals(1, view.heldBy(mute.id()));
        assertEquals(List.of(mute), view.mutes(T0));
        assertEquals(List.of(), view.mutes(T0.plusSeconds(3600)), "its time is up");
        view.applyMuted(held.key(), null);
        assertEquals(List.of(), view.story("s1").orElseThrow().muted());
    }

    @Test
    void filtersByTopicTimeAndSource() {
        view.applyAssignment("a", assignment("a", "a", null, 0, "new-story", 0, "wire"));
        view.applyMention(mention("su-35", "a"));
        view.applyAssignment("b", assignment("b", "b", null, 0, "new-story", 7200, "daily"));
        view.applyMention(mention("c-130", "b"));
        assertEquals(List.of("b", "a"), view.stories(StoryFilter.all()).stream().map(StorySummary::id).toList());
        assertEquals(List.of("a"), ids(new StoryFilter("su-35", null, null, null, 10)));
        assertEquals(List.of("b"), ids(new StoryFilter(null, T0.plusSeconds(3600), null, null, 10)));
        assertEquals(List.of("a"), ids(new StoryFilter(null, null, null, "wire", 10)));
        assertEquals(List.of("b"), ids(new StoryFilter(null, null, null, null, 1)));
    }

    @Test
    void aStoryIsForgottenOnceItsLatestRecordIsOlderThanTheRetentionInRecordTime() {
        DeskView short1 = new DeskView(DeskView.topicRoutes(Map.of("slack", List.of())), java.time.Duration.ofDays(2));
        short1.applyAssignment("old", assignment("old", "old", null, 0, "new-story", 0, "s"));
        short1.applyMention(mention("su-35", "old"));
        short1.applyDelivery("slack/su-35/old", new DeliveryRecord(1, "slack", "su-35", "old", T0));
        short1.applyAssignment("kept", assignment("kept", "kept", null, 0, "new-story", 86_400, "s"));
        short1.applyMention(mention("su-35", "kept"));
        short1.applyAssignment("new", assignment("new", "new", null, 0, "new-story", 3 * 86_400, "s"));
        short1.evictExpired();
        assertEquals(List.of("kept"), short1.stories(StoryFilter.all()).stream().map(StorySummary::id).toList());
        assertTrue(short1.story("old").isEmpty());
        assertTrue(short1.alerts(10).isEmpty(), "its deliveries are forgotten with it");
        assertEquals(2, short1.storyCount());
    }

    @Test
    void expiryRunsOnItsOwnAsRecordsArrive() {
        DeskView short1 = new DeskView(DeskView.topicRoutes(Map.of()), java.time.Duration.ofHours(1));
        for (int i = 0; i < DeskView.EVICT_EVERY + 10; i++) {
            short1.applyAssignment("a" + i, assignment("a" + i, "a" + i, null, 0, "new-story", i * 60L, "s"));
        }
        assertTrue(short1.storyCount() < 100, short1.storyCount() + " stories kept of " + (DeskView.EVICT_EVERY + 10));
    }

    private List<String> ids(StoryFilter filter) {
        return view.stories(filter).stream().map(StorySummary::id).toList();
    }

    static StoryAssignment assignment(String id, String story, String original, double similarity, String rule,
                                      long seconds, String source) {
        return new StoryAssignment(1, id, story, original, similarity, rule, T0.plusSeconds(seconds),
                "https://" + source + "/" + id, "title " + id, source, T0);
    }

    static Mention mention(String topic, String story) {
        return new Mention(1, topic, topic, story, story, "https://x/" + story, "t", "x", "s", List.of(), T0, T0,
                false);
    }
}
