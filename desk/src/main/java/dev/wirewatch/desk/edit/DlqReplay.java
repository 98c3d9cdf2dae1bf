package dev.wirewatch.desk.edit;

/**
 * Sends one sink's dead alerts again: the desk's replay button. The launcher supplies it from the alert service's
 * replayer, so the desk does not depend on the alerts module.
 *
 * <p>Implementations are thread safe or serialize calls themselves.
 */
@FunctionalInterface
public interface DlqReplay {

    /** What a replay did. */
    record Outcome(int delivered, int failedAgain) {
    }

    /**
     * Replays the dead alerts of {@code sinkId}.
     *
     * @throws IllegalArgumentException when no such sink is configured here
     */
    Outcome replay(String sinkId) throws InterruptedException;
}
