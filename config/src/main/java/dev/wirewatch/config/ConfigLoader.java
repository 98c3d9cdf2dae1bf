package dev.wirewatch.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a Wirewatch YAML file into a {@link WirewatchConfig}: substitutes {@code ${ENV}} references, binds, and
 * validates, collecting every problem with its key and line before failing.
 *
 * <p>Stateless and thread safe.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Loads {@code file} resolving {@code ${NAME}} through {@code variables}. */
    public static WirewatchConfig load(Path file, Function<String, String> variables, ConfigCheck... extraChecks)
            throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigProblem("", 0,
                    "cannot read the file: " + e.getMessage())));
        }
        return parse(text, file.toString(), variables, extraChecks);
    }

    /** Parses YAML {@code text}; {@code origin} names it in problems (a file name). */
    public static WirewatchConfig parse(String text, String origin, Function<String, String> variables,
                                        ConfigCheck... extraChecks) throws ConfigException {
        EnvSubstitution.Result substituted = EnvSubstitution.apply(text, variables);
        List<ConfigProblem> problems = new ArrayList<>(substituted.problems());
        ProblemCollector collector = new ProblemCollector();
        ObjectMapper mapper = mapper(collector);
        WirewatchConfig config;
        try {
            // The text holds placeholders, not values: the parser never sees (or quotes) a secret.
            JsonNode tree = mapper.readTree(substituted.text().isBlank() ? "{}" : substituted.text());
            config = mapper.treeToValue(substituted.resolve(tree), WirewatchConfig.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.addAll(collector.problems());
            problems.add(new ConfigProblem("", line, "not valid YAML: " + e.getOriginalMessage()));
            throw new ConfigException(origin, redacted(sorted(problems), substituted));
        }
        if (config == null) {
            config = new WirewatchConfig(null, null, null, null, null, null, null, null);
        }
        YamlPaths paths = YamlPaths.index(substituted.text());
        // Bound from the tree, binding problems come without a line: look it up by path.
        List<ConfigProblem> semantic = new ArrayList<>(collector.problems());
        semantic.addAll(ConfigValidation.check(config));
        for (ConfigCheck check : extraChecks) {
            semantic.addAll(check.check(config));
        }
        for (ConfigProblem problem : semantic) {
            problems.add(problem.line() > 0 ? problem : problem.withLine(paths.lineOf(problem.path())));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(origin, redacted(sorted(problems), substituted));
        }
        return expandOpml(resolveModelFiles(config, origin, paths), origin, paths);
    }

    /** Resolves the embedding model's files against the config file's folder; each must be a readable file. */
    private static WirewatchConfig resolveModelFiles(WirewatchConfig config, String origin, YamlPaths paths)
            throws ConfigException {
        StoryEmbeddingSettings embedding = config.processing().embedding();
        if (embedding.shippedModel()) {
            return config;
        }
        Path base = Path.of(origin).toAbsolutePath().getParent();
        List<ConfigProblem> problems = new ArrayList<>();
        String model = resolvedFile("processing.embedding.model", embedding.model(), base, paths, problems);
        String tokenizer = resolvedFile("processing.embedding.tokenizer", embedding.tokenizer(), base, paths,
                problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(origin, sorted(problems));
        }
        return new WirewatchConfig(config.kafka(), config.feeds(), config.ingest(), config.topics(), config.alerts(),
                config.metrics(), config.processing().withEmbedding(embedding.withFiles(model, tokenizer)), config.desk());
    }

    private static String resolvedFile(String key, String file, Path base, YamlPaths paths,
                                       List<ConfigProblem> problems) {
        Path path = base == null ? Path.of(file) : base.resolve(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problems.add(new ConfigProblem(key, paths.lineOf(key), "cannot read '" + path
                    + "': expected a readable file"));
        }
        return path.toString();
    }

    /** Replaces each {@code opml} entry by the feeds its file lists; a feed listed twice is kept once. */
    private static WirewatchConfig expandOpml(WirewatchConfig config, String origin, YamlPaths paths)
            throws ConfigException {
        if (config.feeds().stream().noneMatch(f -> f.opml() != null)) {
            return config;
        }
        Path base = Path.of(origin).toAbsolutePath().getParent();
        List<FeedSettings> feeds = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < config.feeds().size(); i++) {
            FeedSettings feed = config.feeds().get(i);
            if (feed.opml() == null) {
                if (seen.add(feed.url().trim())) {
                    feeds.add(feed);
                }
                continue;
            }
            String at = "feeds[" + i + "].opml";
            try {
                for (FeedSettings listed : OpmlReader.read(base == null ? Path.of(feed.opml())
                        : base.resolve(feed.opml()))) {
                    if (!ConfigValidation.isHttpUrl(listed.url())) {
                        problems.add(new ConfigProblem(at, paths.lineOf(at), "the OPML file lists '" + listed.url()
                                + "', which is not an http(s) URL"));
                    } else if (seen.add(listed.url().trim())) {
                        feeds.add(new FeedSettings(listed.url(), listed.name(), feed.pollInterval()));
                    }
                }
            } catch (OpmlReader.OpmlException e) {
                problems.add(new ConfigProblem(at, paths.lineOf(at), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(origin, sorted(problems));
        }
        return config.withFeeds(feeds);
    }

    /** The problems of a config built in code (e.g. from command-line options), without lines. */
    public static List<ConfigProblem> problemsOf(WirewatchConfig config) {
        return ConfigValidation.check(config);
    }

    private static ObjectMapper mapper(ProblemCollector collector) {
        ObjectMapper mapper = YAMLMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
        mapper.addHandler(collector);
        return mapper;
    }

    /** The problems with every substituted value taken out of their messages: no error names a secret. */
    private static List<ConfigProblem> redacted(List<ConfigProblem> problems, EnvSubstitution.Result substituted) {
        return problems.stream().map(p -> new ConfigProblem(p.path(), p.line(), substituted.redact(p.message())))
                .toList();
    }

    private static List<ConfigProblem> sorted(List<ConfigProblem> problems) {
        return problems.stream().sorted(Comparator.comparingInt(ConfigProblem::line)).toList();
    }
}
