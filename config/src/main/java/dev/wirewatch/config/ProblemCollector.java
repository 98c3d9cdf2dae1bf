package dev.wirewatch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Records binding problems (unknown keys, values of the wrong type) instead of stopping at the first, so that one
 * run of {@code check-config} reports everything wrong in a file.
 *
 * <p>Not thread safe: one instance per load.
 */
final class ProblemCollector extends DeserializationProblemHandler {

    private final List<ConfigProblem> problems = new ArrayList<>();

    /** Keys earlier builds knew, by path, with what to do instead: an upgrade should say why, not "unknown". */
    private static final Map<String, String> REMOVED = Map.of("processing.orderingGrace",
            "processing no longer holds articles for a grace period (triage decides in one ordered place); delete "
                    + "the key");

    List<ConfigProblem> problems() {
        return problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        String path = YamlPaths.pathOf(p.getParsingContext());
        Collection<Object> known = deserializer == null ? List.of() : deserializer.getKnownPropertyNames();
        String removed = REMOVED.get(path);
        String message = removed != null ? "'" + propertyName + "' was removed: " + removed
                : "unknown key '" + propertyName + "'" + suggestion(propertyName, known);
        problems.add(new ConfigProblem(path, p.currentLocation().getLineNr(), message));
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                                         String failureMsg) {
        record(ctxt, "'" + value + "' is not " + expected(targetType));
        return placeholder(targetType);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                                         String failureMsg) {
        record(ctxt, value + " is not " + expected(targetType));
        return placeholder(targetType);
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        String found = t == JsonToken.START_ARRAY ? "a list" : t == JsonToken.START_OBJECT ? "a section" : "'"
                + p.getText() + "'";
        record(ctxt, found + " is not " + expected(targetType.getRawClass()));
        p.skipChildren();
        return placeholder(targetType.getRawClass());
    }

    private void record(DeserializationContext ctxt, String message) {
        JsonParser p = ctxt.getParser();
        problems.add(new ConfigProblem(YamlPaths.pathOf(p.getParsingContext()), p.currentLocation().getLineNr(),
                message));
    }

    private static String expected(Class<?> type) {
        if (type == Duration.class) {
            return "an ISO-8601 duration such as PT5M (5 minutes) or PT30S (30 seconds)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a " + type.getSimpleName().replace("Settings", "").toLowerCase() + " section";
    }

    private static Object placeholder(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    private static String suggestion(String unknown, Collection<Object> known) {
        return known.stream()
                .map(String::valueOf)
                .min(Comparator.comparingInt(k -> editDistance(unknown.toLowerCase(), k.toLowerCase())))
                .filter(best -> editDistance(unknown.toLowerCase(), best.toLowerCase()) <= Math.max(2,
                        unknown.length() / 3))
                .map(best -> " (did you mean '" + best + "'?)")
                .orElseGet(() -> known.isEmpty() ? "" : " (expected one of: " + String.join(", ",
                        known.stream().map(String::valueOf).sorted().toList()) + ")");
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
