package dev.wirewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} with variables (the environment, in production) in the
 * parsed values of a config, never in its text: each reference is first swapped for a placeholder that is a plain
 * YAML word, the text is parsed, then every placeholder in a string value is swapped for the variable's value. So a
 * password {@code abc #def} stays whole (no comment), a value with {@code : } or quotes cannot break the file, and
 * the YAML parser never sees a secret to quote in its errors. Lines keep their numbers. Comment lines are left
 * alone.
 *
 * <p>Stateless and thread safe; a {@link Result} is immutable once made. {@link Result#redact} takes every
 * substituted value out of a message, so no error names a secret.
 */
final class EnvSubstitution {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern PLACEHOLDER = Pattern.compile("wirewatchEnvRef(\\d+)x");
    /** Values shorter than this are not taken out of messages: "1" or "true" are not secrets, and are everywhere. */
    private static final int MIN_REDACTED_LENGTH = 4;

    /** A reference and what it resolved to. */
    record Reference(String name, String value) {
    }

    /**
     * The text with placeholders, what each placeholder stands for, and the references that had no value and no
     * default.
     */
    record Result(String text, Map<String, Reference> references, List<ConfigProblem> problems) {

        /** Swaps the placeholders in every string value of {@code tree} for their values, in place. */
        JsonNode resolve(JsonNode tree) {
            if (tree instanceof ObjectNode object) {
                Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
                List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    replaced.add(Map.entry(field.getKey(), resolve(field.getValue())));
                }
                replaced.forEach(e -> object.set(e.getKey(), e.getValue()));
                return object;
            }
            if (tree instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, resolve(array.get(i)));
                }
                return array;
            }
            if (tree != null && tree.isTextual()) {
                return TextNode.valueOf(resolve(tree.asText()));
            }
            return tree;
        }

        private String resolve(String value) {
            Matcher m = PLACEHOLDER.matcher(value);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Reference ref = references.get(m.group());
                m.appendReplacement(out, Matcher.quoteReplacement(ref == null ? m.group() : ref.value()));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** {@code message} with every substituted value (of 4 characters or more) replaced by its reference. */
        String redact(String message) {
            String out = message;
            List<Reference> longestFirst = new ArrayList<>(references.values());
            longestFirst.sort(Comparator.comparingInt((Reference r) -> r.value().length()).reversed());
            for (Reference ref : longestFirst) {
                if (ref.value().length() >= MIN_REDACTED_LENGTH) {
                    out = out.replace(ref.value(), "${" + ref.name() + "}");
                }
            }
            Matcher m = PLACEHOLDER.matcher(out);
            StringBuilder named = new StringBuilder();
            while (m.find()) {
                Reference ref = references.get(m.group());
                m.appendReplacement(named, Matcher.quoteReplacement(ref == null ? m.group() : "${" + ref.name() + "}"));
            }
            m.appendTail(named);
            return named.toString();
        }
    }

    private EnvSubstitution() {
    }

    static Result apply(String text, Function<String, String> variables) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Reference> references = new LinkedHashMap<>();
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
                    String placeholder = "wirewatchEnvRef" + references.size() + "x";
                    references.put(placeholder, new Reference(m.group(1), value));
                    m.appendReplacement(replaced, placeholder);
                }
                m.appendTail(replaced);
                line = replaced.toString();
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return new Result(out.toString(), Map.copyOf(references), problems);
    }
}
