package dev.wirewatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in a config text with variables (the environment, in
 * production), line by line so that line numbers survive. Comment lines are left alone.
 *
 * <p>Stateless and thread safe.
 */
final class EnvSubstitution {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    /** The substituted text and the references that had no value and no default. */
    record Result(String text, List<ConfigProblem> problems) {
    }

    private EnvSubstitution() {
    }

    static Result apply(String text, Function<String, String> variables) {
        List<ConfigProblem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.stripLeading().startsWith("#")) {
                Matcher m = REFERENCE.matcher(line);
                StringBuilder replaced = new StringBuilder();
                while (m.find()) {
                    String value = variables.apply(m.group(1));
                    if (value == null) {
                        value = m.group(2);
                    }
                    if (value == null) {
                        problems.add(new ConfigProblem("", i + 1, "environment variable " + m.group(1)
                                + " is not set (set it, or write ${" + m.group(1) + ":-default})"));
                        value = "";
                    }
                    m.appendReplacement(replaced, Matcher.quoteReplacement(value));
                }
                m.appendTail(replaced);
                line = replaced.toString();
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return new Result(out.toString(), problems);
    }
}
