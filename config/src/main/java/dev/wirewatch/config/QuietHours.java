package dev.wirewatch.config;

/**
 * A sink's quiet hours: from {@code from} to {@code to} (local times {@code HH:mm}, the window may cross midnight)
 * in {@code zone} (an IANA zone such as {@code Asia/Ho_Chi_Minh}; default the sink's {@code zone}, else UTC), alerts
 * of topics not marked urgent are held and sent together when the window ends, as one digest.
 *
 * <p>Immutable; the values are checked by validation ({@link SinkSchedule} reads them).
 */
public record QuietHours(String from, String to, String zone) {
}
