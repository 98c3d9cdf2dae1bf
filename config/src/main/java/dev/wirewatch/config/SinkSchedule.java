package dev.wirewatch.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * When a sink may send, read from its {@code zone}, {@code quietHours} and {@code digest} keys: the zone its
 * messages show times in, the quiet window, and the digest (a period, or a time of day and optionally a weekday).
 *
 * <p>Immutable. {@code quietFrom}/{@code quietTo}, {@code digestAt} and {@code digestEvery} are null when not set.
 */
public record SinkSchedule(ZoneId zone, LocalTime quietFrom, LocalTime quietTo, ZoneId quietZone,
                           Duration digestEvery, LocalTime digestAt, DayOfWeek digestOn, ZoneId digestZone) {

    /** No quiet hours, no digest, times in UTC. */
    public static final SinkSchedule NONE = new SinkSchedule(ZoneOffset.UTC, null, null, ZoneOffset.UTC, null, null,
            null, ZoneOffset.UTC);

    /** The schedule of a validated sink. */
    public static SinkSchedule of(SinkSettings sink) {
        ZoneId zone = sink.zone() == null ? ZoneOffset.UTC : ZoneId.of(sink.zone().trim());
        QuietHours q = sink.quietHours();
        DigestSettings d = sink.digest();
        return new SinkSchedule(zone,
                q == null ? null : LocalTime.parse(q.from().trim()), q == null ? null : LocalTime.parse(q.to().trim()),
                q == null || q.zone() == null ? zone : ZoneId.of(q.zone().trim()),
                d == null || d.every() == null ? null : Duration.parse(d.every().trim()),
                d == null || d.at() == null ? null : LocalTime.parse(d.at().trim()),
                d == null || d.on() == null ? null : dayOf(d.on()),
                d == null || d.zone() == null ? zone : ZoneId.of(d.zone().trim()));
    }

    /** True when the sink holds alerts (quiet hours or a daily or weekly digest). */
    public boolean holds() {
        return quietFrom != null || digestAt != null;
    }

    /** Problems of a sink's schedule keys, each with the key under {@code at}. */
    static void check(String at, SinkSettings sink, List<ConfigProblem> problems) {
        checkZone(at + ".zone", sink.zone(), problems);
        QuietHours q = sink.quietHours();
        if (q != null) {
            checkTime(at + ".quietHours.from", q.from(), problems);
            checkTime(at + ".quietHours.to", q.to(), problems);
            checkZone(at + ".quietHours.zone", q.zone(), problems);
            if (q.from() != null && q.from().trim().equals(q.to() == null ? null : q.to().trim())) {
                problems.add(ConfigProblem.at(at + ".quietHours", "from and to are the same time: the window "
                        + "would be empty (or the whole day); give e.g. {from: \"22:00\", to: \"07:00\"}"));
            }
        }
        DigestSettings d = sink.digest();
        if (d == null) {
            return;
        }
        if ((d.every() == null) == (d.at() == null)) {
            problems.add(ConfigProblem.at(at + ".digest", "give a period (digest: PT15M) or a time of day "
                    + "(digest: {at: \"08:00\", zone: \"Asia/Ho_Chi_Minh\", on: MON}), not both"));
            return;
        }
        if (d.every() != null) {
            try {
                Duration every = Duration.parse(d.every().trim());
                if (every.isNegative() || every.isZero()) {
                    problems.add(ConfigProblem.at(at + ".digest", "must be positive, e.g. PT15M"));
                }
            } catch (DateTimeParseException e) {
                problems.add(ConfigProblem.at(at + ".digest", "'" + d.every() + "' is not an ISO-8601 duration "
                        + "such as PT15M (or give {at: \"08:00\"})"));
            }
            if (d.on() != null) {
                problems.add(ConfigProblem.at(at + ".digest.on", "a weekday needs a time of day: {at: \"08:00\", "
                        + "on: MON}"));
            }
        } else {
            checkTime(at + ".digest.at", d.at(), problems);
        }
        checkZone(at + ".digest.zone", d.zone(), problems);
        if (d.on() != null && dayOf(d.on()) == null) {
            problems.add(ConfigProblem.at(at + ".digest.on", "'" + d.on() + "' is not a weekday: expected MON, TUE, "
                    + "WED, THU, FRI, SAT or SUN"));
        }
    }

    private static void checkTime(String key, String value, List<ConfigProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(ConfigProblem.at(key, "missing: expected a local time such as \"07:00\""));
            return;
        }
        try {
            LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(ConfigProblem.at(key, "'" + value + "' is not a time of day: expected HH:mm such as "
                    + "\"07:00\" (quote it in YAML)"));
        }
    }

    private static void checkZone(String key, String value, List<ConfigProblem> problems) {
        if (value == null) {
            return;
        }
        try {
            ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            problems.add(ConfigProblem.at(key, "'" + value + "' is not a time zone: expected an IANA name such as "
                    + "Asia/Ho_Chi_Minh or Europe/Berlin, or UTC"));
        }
    }

    private static DayOfWeek dayOf(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(t) || day.name().startsWith(t) && t.length() == 3) {
                return day;
            }
        }
        return null;
    }
}
