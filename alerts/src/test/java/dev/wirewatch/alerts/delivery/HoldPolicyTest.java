package dev.wirewatch.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.SinkSchedule;
import dev.wirewatch.model.Mention;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldPolicyTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh"); // UTC+7, no daylight saving

    private static SinkSchedule quiet(String from, String to) {
        return new SinkSchedule(HANOI, LocalTime.parse(from), LocalTime.parse(to), HANOI, null, null, null, HANOI);
    }

    private static SinkSchedule digestAt(String at, DayOfWeek on) {
        return new SinkSchedule(HANOI, null, null, HANOI, null, LocalTime.parse(at), on, HANOI);
    }

    private static Mention detected(String at, boolean urgent) {
        return new Mention(1, "su-35", null, "s1", "a1", "https://x.example/1", null, "Post", null, List.of(), null,
                Instant.parse(at), false, List.of(), urgent);
    }

    @Test
    void aMentionInQuietHoursAcrossMidnightWaitsUntilTheyEndAndOneOutsideGoesAtOnce() {
        HoldPolicy policy = new HoldPolicy(quiet("22:00", "07:00"));
        // 23:30 in Hanoi is 16:30 UTC; the window ends at 07:00 Hanoi, 00:00 UTC the next day
        assertEquals(Instant.parse("2026-12-02T00:00:00Z"), policy.releaseAt(detected("2026-12-01T16:30:00Z", false)));
        // 05:00 in Hanoi (22:00 UTC the day before) ends the same morning
        assertEquals(Instant.parse("2026-12-02T00:00:00Z"), policy.releaseAt(detected("2026-12-01T22:00:00Z", false)));
        assertNull(policy.releaseAt(detected("2026-12-02T00:00:00Z", false)), "07:00 is no longer quiet");
        assertNull(policy.releaseAt(detected("2026-12-01T08:00:00Z", false)), "15:00 in Hanoi");
        assertNull(policy.releaseAt(detected("2026-12-01T16:30:00Z", true)), "an urgent topic passes");
    }

    @Test
    void aFollowUpWaitsOutQuietHoursUnlessItsTopicIsUrgentAndNoDigestHoldsIt() {
        HoldPolicy night = new HoldPolicy(quiet("22:00", "07:00"));
        Instant quietTime = Instant.parse("2026-12-01T16:30:00Z"); // 23:30 in Hanoi
        assertTrue(night.holdsFollowUp(false, quietTime));
        assertFalse(night.holdsFollowUp(true, quietTime), "an urgent topic's follow-up passes, as its alert did");
        assertFalse(night.holdsFollowUp(false, Instant.parse("2026-12-01T08:00:00Z")), "15:00 in Hanoi");
        assertFalse(new HoldPolicy(digestAt("07:00", null)).holdsFollowUp(false, quietTime));
    }

    @Test
    void aWindowWithinOneDayHoldsOnlyInsideIt() {
        HoldPolicy lunch = new HoldPolicy(quiet("12:00", "13:30"));
        assertEquals(Instant.parse("2026-12-01T06:30:00Z"), lunch.releaseAt(detected("2026-12-01T05:10:00Z", false)));
        assertNull(lunch.releaseAt(detected("2026-12-01T04:59:00Z", false)));
    }

    @Test
    void aDailyDigestTakesEverythingUntilItsNextTimeAndAWeeklyOneUntilItsDay() {
        HoldPolicy daily = new HoldPolicy(digestAt("08:00", null));
        assertEquals(Instant.parse("2026-12-02T01:00:00Z"), daily.releaseAt(detected("2026-12-01T02:00:00Z", false)),
                "09:00 Hanoi: the next digest is tomorrow 08:00");
        assertEquals(Instant.parse("2026-12-01T01:00:00Z"), daily.releaseAt(detected("2026-11-30T20:00:00Z", false)),
                "03:00 Hanoi: this morning's");
        assertNull(daily.releaseAt(detected("2026-12-01T02:00:00Z", true)));
        HoldPolicy weekly = new HoldPolicy(digestAt("08:00", DayOfWeek.MONDAY));
        // Tuesday 1 Dec 2026 → Monday 7 Dec 08:00 Hanoi
        assertEquals(Instant.parse("2026-12-07T01:00:00Z"), weekly.releaseAt(detected("2026-12-01T02:00:00Z", false)));
        // Monday 7 Dec 09:00 Hanoi → the Monday after
        assertEquals(Instant.parse("2026-12-14T01:00:00Z"), weekly.releaseAt(detected("2026-12-07T02:00:00Z", false)));
    }

    @Test
    void noScheduleHoldsNothing() {
        assertNull(new HoldPolicy(SinkSchedule.NONE).releaseAt(detected("2026-12-01T16:30:00Z", false)));
    }
}
