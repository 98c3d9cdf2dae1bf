package dev.wirewatch.config;

import java.util.List;

/**
 * A check a service adds to configuration loading (for example, that every topic query parses), so that
 * {@code check-config} reports service-level problems beside structural ones.
 *
 * <p>Implementations must be side-effect free; problems carry key paths, the loader adds lines.
 */
@FunctionalInterface
public interface ConfigCheck {

    /** The problems found in {@code config}; empty when there are none. */
    List<ConfigProblem> check(WirewatchConfig config);
}
