package dev.wirewatch.config;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition a sink puts on the topics it takes, in Alertmanager's matcher syntax: {@code label=defence} (the
 * topic carries the label), {@code label!=markets} (it does not), {@code label=~"asia-.*"} (some label matches the
 * regular expression, whole), {@code label!~"test.*"} (none does); {@code topic=...} the same on the topic id. The
 * value may be double-quoted.
 *
 * <p>Immutable and thread safe.
 */
public record RouteMatcher(String field, String op, String value, Pattern pattern) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(label|topic)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*");

    /**
     * Parses one matcher.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static RouteMatcher parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a matcher: expected label=NAME, label!=NAME, "
                    + "label=~REGEX, label!~REGEX (or the same on topic), e.g. label=defence");
        }
        String value = m.group(3);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no value after " + m.group(2));
        }
        String field = m.group(1).toLowerCase(Locale.ROOT);
        String op = m.group(2);
        Pattern pattern = null;
        if (op.endsWith("~")) {
            try {
                pattern = Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + text + "': the regular expression does not compile: "
                        + e.getDescription());
            }
        }
        return new RouteMatcher(field, op, value, pattern);
    }

    /** Whether a topic with this id and these labels satisfies the matcher. */
    public boolean matches(String topicId, Collection<String> labels) {
        Collection<String> values = field.equals("topic") ? java.util.List.of(topicId) : labels;
        return switch (op) {
            case "=" -> values.contains(value);
            case "!=" -> !values.contains(value);
            case "=~" -> values.stream().anyMatch(v -> pattern.matcher(v).matches());
            default -> values.stream().noneMatch(v -> pattern.matcher(v).matches());
        };
    }

    @Override
    public String toString() {
        return field + op + value;
    }
}
