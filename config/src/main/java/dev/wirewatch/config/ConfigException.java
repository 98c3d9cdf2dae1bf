package dev.wirewatch.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file that cannot be used, with every problem found in it.
 *
 * <p>Immutable. The message lists each problem on its own line as {@code file:line: key: what is wrong}.
 */
public final class ConfigException extends Exception {

    private final String file;
    private final List<ConfigProblem> problems;

    public ConfigException(String file, List<ConfigProblem> problems) {
        super(problems.stream().map(p -> p.describe(file)).collect(Collectors.joining("\n")));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The file that was read. */
    public String file() {
        return file;
    }

    /** Every problem, in file order. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
