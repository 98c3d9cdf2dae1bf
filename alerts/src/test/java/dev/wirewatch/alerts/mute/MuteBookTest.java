package dev.wirewatch.alerts.mute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.model.Mention;
import dev.wirewatch.model.Mute;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MuteBookTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Mention mention(String topic, String story, String source) {
        return new Mention(1, topic, null, story, "a1", "https://x.example/1", null, source, null, List.of(),
                null, NOW, false);
    }

    private static Mute mute(Mute.Scope scope, String value, String sink, Instant until, int minutesAgo) {
        return Mute.of(scope, value, sink, until, NOW.minusSeconds(60L * minutesAgo), "ed", null);
    }

    @Test
    void aTopicMuteCoversThatTopicOnEverySinkAndNothingElse() {
        MuteBook book = new MuteBook();
        Mute m = mute(Mute.Scope.TOPIC, "su-35", null, null, 5);
        book.apply(m.id(), m);
        assertEquals("topic:su-35", book.muting(mention("su-35", "s1", "Post"), "slack", NOW).orElseThrow().id());
        assertEquals("topic:su-35", book.muting(mention("su-35", "s1", "Post"), "email", NOW).orElseThrow().id());
        assertTrue(book.muting(mention("c-130", "s1", "Post"), "slack", NOW).isEmpty());
    }

    @Test
    void aSinkMuteHoldsOnlyThatSinkAndASourceMuteIgnoresCase() {
        MuteBook book = new MuteBook();
        Mute m = mute(Mute.Scope.SOURCE, "harbour post", "slack", null, 5);
        book.apply(m.id(), m);
        assertEquals("source:harbour post@slack", m.id());
        assertTrue(book.muting(mention("su-35", "s1", "Harbour Post"), "slack", NOW).isPresent());
        assertTrue(book.muting(mention("su-35", "s1", "Harbour Post"), "email", NOW).isEmpty());
        assertTrue(book.muting(mention("su-35", "s1", "Harbour Times"), "slack", NOW).isEmpty());
    }

    @Test
    void aMuteStopsCoveringWhenItsTimeIsUpAndATombstoneLiftsIt() {
        MuteBook book = new MuteBook();
        Mute story = mute(Mute.Scope.STORY, "s1", null, NOW.plusSeconds(3600), 5);
        book.apply(story.id(), story);
        assertTrue(book.muting(mention("su-35", "s1", "Post"), "slack", NOW).isPresent());
        assertTrue(book.muting(mention("su-35", "s1", "Post"), "slack", NOW.plusSeconds(3600)).isEmpty());
        assertEquals(List.of(), book.active(NOW.plusSeconds(3600)));
        book.apply(story.id(), null);
        assertTrue(book.muting(mention("su-35", "s1", "Post"), "slack", NOW).isEmpty());
    }

    @Test
    void theOldestOfTwoCoveringMutesIsNamedAndMutingTheSameThingTwiceReplacesIt() {
        MuteBook book = new MuteBook();
        Mute older = mute(Mute.Scope.STORY, "s1", null, null, 30);
        Mute newer = mute(Mute.Scope.TOPIC, "su-35", null, null, 5);
        book.apply(newer.id(), newer);
        book.apply(older.id(), older);
        assertEquals("story:s1", book.muting(mention("su-35", "s1", "Post"), "slack", NOW).orElseThrow().id());
        Mute again = mute(Mute.Scope.TOPIC, "su-35", null, NOW.plusSeconds(60), 1);
        book.apply(again.id(), again);
        assertEquals(2, book.active(NOW).size());
    }

    @Test
    void aMuteNeedsWhatItMutes() {
        assertThrows(IllegalArgumentException.class, () -> mute(Mute.Scope.TOPIC, " ", null, null, 1));
    }
}
