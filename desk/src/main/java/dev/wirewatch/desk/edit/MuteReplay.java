package dev.wirewatch.desk.edit;

/**
 * Sends what a lifted mute held back: the desk's "lift and send" button. The launcher supplies it from the alert
 * service's replayer, so the desk does not depend on the alerts module.
 *
 * <p>Implementations are thread safe.
 */
@FunctionalInterface
public interface MuteReplay {

    /** Re-publishes what mute {@code muteId} held back (call it after the mute is lifted); returns how many. */
    int replay(String muteId);
}
