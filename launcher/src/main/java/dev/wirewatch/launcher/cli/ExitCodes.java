package dev.wirewatch.launcher.cli;

/**
 * The exit codes of every {@code wirewatch} command.
 */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** The run failed (broker, timeout, I/O). */
    public static final int FAILED = 1;
    /** Bad configuration or usage; nothing was started. */
    public static final int BAD_CONFIG = 2;

    private ExitCodes() {
    }
}
