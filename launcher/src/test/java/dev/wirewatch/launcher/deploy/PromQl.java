package dev.wirewatch.launcher.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, and the expressions of the shipped dashboard and alert rules: what
 * the build checks against a real {@code /metrics} scrape.
 */
public final class PromQl {

    /** The deploy/ directory, seen from the launcher module where the tests run. */
    public static final Path DEPLOY = Path.of("..", "deploy");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan", "Inf", "NaN", "e");

    private PromQl() {
    }

    /** Metric names in {@code expr}: identifiers that are not functions, keywords, labels or durations. */
    public static Set<String> metricNames(String expr) {
        String stripped = GROUPING.matcher(RANGE.matcher(LABELS.matcher(STRING.matcher(expr).replaceAll(" "))
                .replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(stripped);
        while (m.find()) {
            String word = m.group();
            boolean function = stripped.substring(m.end()).matches("(?s)\\s*\\(.*");
            boolean number = m.start() > 0 && Character.isDigit(stripped.charAt(m.start() - 1));
            if (!function && !number && !KEYWORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    /** Every {@code expr} of the Grafana dashboard. */
    public static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/dashboards/wirewatch.json")
                .toFile());
        List<String> exprs = new ArrayList<>();
        dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> exprs.add(t.get("expr").asText())));
        return exprs;
    }

    /** Every {@code expr} of the Prometheus alerting rules. */
    public static List<String> ruleExpressions() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(DEPLOY.resolve("prometheus/rules.yml")
                .toFile());
        List<String> exprs = new ArrayList<>();
        rules.get("groups").forEach(g -> g.get("rules").forEach(r -> exprs.add(r.get("expr").asText())));
        return exprs;
    }

    /** The metric names used by the dashboard and the rules together. */
    public static Set<String> shippedMetricNames() throws IOException {
        Set<String> names = new TreeSet<>();
        dashboardExpressions().forEach(e -> names.addAll(metricNames(e)));
        ruleExpressions().forEach(e -> names.addAll(metricNames(e)));
        names.removeAll(PROMETHEUS_OWN);
        return names;
    }

    /** Series Prometheus writes itself for every target, which no application exports. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    /** The metric names in a Prometheus text-format scrape. */
    public static Set<String> scrapedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Matcher m = IDENTIFIER.matcher(line);
                if (m.lookingAt()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }
}
