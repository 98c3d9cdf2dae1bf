package dev.wirewatch.config;

/**
 * One thing wrong with a configuration file: the key (as a path such as {@code feeds[1].pollInterval}), the line it
 * is on (0 when unknown) and what is wrong and what would be right.
 *
 * <p>Immutable.
 */
public record ConfigProblem(String path, int line, String message) {

    /** A problem whose line is not known yet; {@link ConfigLoader} fills it in from the path. */
    public static ConfigProblem at(String path, String message) {
        return new ConfigProblem(path, 0, message);
    }

    ConfigProblem withLine(int newLine) {
        return new ConfigProblem(path, newLine, message);
    }

    /** {@code file:line: path: message}, the form editors and CI logs link to. */
    public String describe(String file) {
        String where = line > 0 ? file + ":" + line : file;
        return path.isEmpty() ? where + ": " + message : where + ": " + path + ": " + message;
    }
}
