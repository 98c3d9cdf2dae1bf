package dev.wirewatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MuteTest {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    @Test
    void aDurationEndsThatLongFromNow() {
        assertEquals(Instant.parse("2026-12-01T22:00:00Z"), Mute.endAfter("PT4H", NOW));
        assertEquals(Instant.parse("2026-12-02T18:00:00Z"), Mute.endAfter(" P1D ", NOW));
    }

    @Test
    void textThatIsNoPositiveDurationIsRefusedSayingWhatWasExpected() {
        for (String bad : List.of("4 hours", "PT0S", "-PT1H", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mute.endAfter(bad, NOW));
            assertTrue(e.getMessage().contains("'" + bad + "' is not a positive ISO-8601 duration such as PT4H"),
                    e.getMessage());
        }
    }

    @Test
    void mutesAreListedOldestFirstThenById() {
        Mute later = Mute.of(Mute.Scope.TOPIC, "c-130", null, null, NOW.plusSeconds(1), "ed", null);
        Mute b = Mute.of(Mute.Scope.TOPIC, "su-35", null, null, NOW, "ed", null);
        Mute a = Mute.of(Mute.Scope.STORY, "s1", null, null, NOW, "ed", null);

        assertEquals(List.of(a, b, later), Stream.of(later, b, a).sorted(Mute.OLDEST_FIRST).toList());
    }
}
