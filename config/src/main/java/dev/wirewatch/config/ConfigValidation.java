package dev.wirewatch.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks on values that bind but make no sense (a zero partition count, a feed URL that is not http, two topics
 * with one id). Each problem names its key path; {@link ConfigLoader} adds the line.
 *
 * <p>Stateless and thread safe.
 */
final class ConfigValidation {

    private static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(10);

    private ConfigValidation() {
    }

    static List<ConfigProblem> check(WirewatchConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        checkKafka(config.kafka(), problems);
        checkFeeds(config.feeds(), problems);
        checkIngest(config.ingest(), problems);
        checkTopics(config.topics(), problems);
        checkSinks(config.alerts().sinks(), problems);
        checkPositive("processing.backfillWindow", config.processing().backfillWindow(), "P7D", problems);
        checkPositive("processing.storyRetention", config.processing().storyRetention(), "P14D", problems);
        checkProcessing(config.processing(), problems);
        int port = config.metrics().port();
        if (port < -1 || port > 65535) {
            problems.add(ConfigProblem.at("metrics.port", port
                    + " is not a port: expected 1-65535, 0 for any free port, or -1 to turn metrics off"));
        }
        checkMetricsAuth(config.metrics(), problems);
        checkDesk(config.desk(), problems);
        return problems;
    }

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    private static final int MIN_TOKEN_LENGTH = 16;

    private static void checkMetricsAuth(MetricsSettings metrics, List<ConfigProblem> problems) {
        if (metrics.bearerToken() != null && metrics.basicAuth() != null) {
            problems.add(ConfigProblem.at("metrics.basicAuth", "give metrics.bearerToken or metrics.basicAuth, not "
                    + "both: Prometheus sends one of them"));
        }
        if (metrics.bearerToken() != null && metrics.bearerToken().length() < MIN_TOKEN_LENGTH) {
            problems.add(ConfigProblem.at("metrics.bearerToken", "shorter than " + MIN_TOKEN_LENGTH
                    + " characters: use a long random value from the environment, e.g. ${WIREWATCH_METRICS_TOKEN}"));
        }
        MetricsSettings.BasicAuth basic = metrics.basicAuth();
        if (basic != null) {
            if (basic.username() == null || basic.username().isBlank()) {
                problems.add(ConfigProblem.at("metrics.basicAuth.username", "missing"));
            }
            if (basic.passwordHash() == null || !BCRYPT.matcher(basic.passwordHash()).matches()) {
                problems.add(ConfigProblem.at("metrics.basicAuth.passwordHash", "not a bcrypt hash: expected $2a$, "
                        + "$2b$ or $2y$ with a cost of 04-31 and 53 more characters; make one with "
                        + "'wirewatch desk hash-password' or htpasswd -nB"));
            }
        }
    }

    private static void checkDesk(DeskSettings desk, List<ConfigProblem> problems) {
        if (desk.port() < -1 || desk.port() > 65535) {
            problems.add(ConfigProblem.at("desk.port", desk.port()
                    + " is not a port: expected 1-65535 (8080 is the default), 0 for any free port, or -1 to turn "
                    + "the desk off"));
        }
        if (desk.sessionTimeout().isNegative() || desk.sessionTimeout().isZero()) {
            problems.add(ConfigProblem.at("desk.sessionTimeout", desk.sessionTimeout()
                    + " is not positive: expected a duration such as PT12H"));
        }
        if (desk.retention().isNegative() || desk.retention().isZero()) {
            problems.add(ConfigProblem.at("desk.retention", desk.retention()
                    + " is not positive: expected a duration such as P14D"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < desk.users().size(); i++) {
            DeskSettings.User user = desk.users().get(i);
            String at = "desk.users[" + i + "]";
            if (user == null || user.name() == null || user.name().isBlank()) {
                problems.add(ConfigProblem.at(at + ".name", "missing: every user needs a name to sign in with"));
                continue;
            }
            if (!names.add(user.name())) {
                problems.add(ConfigProblem.at(at + ".name", "'" + user.name() + "' is listed twice"));
            }
            checkRole(at, user.role(), problems);
            if (user.passwordHash() == null || !BCRYPT.matcher(user.passwordHash()).matches()) {
                problems.add(ConfigProblem.at(at + ".passwordHash", "not a bcrypt hash: expected $2a$, $2b$ or $2y$ "
                        + "with a cost of 04-31 and 53 more characters; make one with 'wirewatch desk hash-password'"));
            }
        }
        Set<String> tokenNames = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < desk.apiTokens().size(); i++) {
            DeskSettings.ApiToken token = desk.apiTokens().get(i);
            String at = "desk.apiTokens[" + i + "]";
            if (token == null || token.name() == null || token.name().isBlank()) {
                problems.add(ConfigProblem.at(at + ".name", "missing: every token needs a name (shown in logs)"));
                continue;
            }
            if (!tokenNames.add(token.name())) {
                problems.add(ConfigProblem.at(at + ".name", "'" + token.name() + "' is listed twice"));
            }
            checkRole(at, token.role(), problems);
            if (token.token() == null || token.token().length() < MIN_TOKEN_LENGTH) {
                problems.add(ConfigProblem.at(at + ".token", "missing or shorter than " + MIN_TOKEN_LENGTH
                        + " characters: use a long random value from the environment, e.g. ${WIREWATCH_API_TOKEN}"));
            } else if (!tokens.add(token.token())) {
                problems.add(ConfigProblem.at(at + ".token", "the same token is given to two names"));
            }
        }
    }

    private static void checkRole(String at, String role, List<ConfigProblem> problems) {
        if (DeskSettings.Role.named(role) == null) {
            problems.add(ConfigProblem.at(at + ".role", "'" + role + "' is not a role: expected viewer or editor"));
        }
    }

    private static void checkProcessing(ProcessingSettings p, List<ConfigProblem> problems) {
        checkPositive("processing.retention", p.retention(), "P14D", problems);
        checkPositive("processing.storyWindow", p.storyWindow(), "P4D", problems);
        if (p.streamThreads() < 1 || p.streamThreads() > 64) {
            problems.add(ConfigProblem.at("processing.streamThreads", p.streamThreads()
                    + " is out of range: expected 1 to 64 (one per core is the default)"));
        }
        if (p.standbyReplicas() < 0 || p.standbyReplicas() > 3) {
            problems.add(ConfigProblem.at("processing.standbyReplicas", p.standbyReplicas()
                    + " is out of range: expected 0 to 3 (0 is the default, 1 with two or more instances)"));
        }
        checkShare("processing.copyJaccard", p.copyJaccard(), "0.45", problems);
        checkShare("processing.copyContainment", p.copyContainment(), "0.85", problems);
        checkShare("processing.copyContainmentMinJaccard", p.copyContainmentMinJaccard(), "0.25", problems);
        checkShare("processing.storyThreshold", p.storyThreshold(), "0.30", problems);
        checkEmbedding(p.embedding(), problems);
        if (!p.storyWindow().isNegative() && p.storyWindow().compareTo(p.retention()) > 0) {
            problems.add(ConfigProblem.at("processing.storyWindow", p.storyWindow() + " is longer than "
                    + "processing.retention (" + p.retention() + "): articles are forgotten before their story window "
                    + "ends; raise the retention or shorten the window"));
        }
    }

    private static void checkEmbedding(StoryEmbeddingSettings e, List<ConfigProblem> problems) {
        checkShare("processing.embedding.threshold", e.threshold(), "0.82", problems);
        checkShare("processing.embedding.supportedThreshold", e.supportedThreshold(), "0.62", problems);
        checkShare("processing.embedding.supportingLexical", e.supportingLexical(), "0.20", problems);
        if (!(e.lexicalFloor() >= 0 && e.lexicalFloor() < 1)) {
            problems.add(ConfigProblem.at("processing.embedding.lexicalFloor", e.lexicalFloor()
                    + " is out of range: expected a TF-IDF cosine in [0, 1), e.g. 0.10"));
        }
        if (e.leadWords() < 8 || e.leadWords() > 2000) {
            problems.add(ConfigProblem.at("processing.embedding.leadWords", e.leadWords()
                    + " is out of range: expected 8 to 2000 words (80 is the default)"));
        }
        if (!e.scope().equals(StoryEmbeddingSettings.MATCHING) && !e.scope().equals(StoryEmbeddingSettings.ALL)) {
            problems.add(ConfigProblem.at("processing.embedding.scope", "'" + e.scope()
                    + "' is not a scope: expected matching (the default) or all"));
        }
        if ((e.model() == null) != (e.tokenizer() == null)) {
            problems.add(ConfigProblem.at(e.model() == null ? "processing.embedding.model"
                    : "processing.embedding.tokenizer", "give both 'model' (an ONNX file) and 'tokenizer' (its "
                    + "tokenizer.json), or neither for the shipped all-MiniLM-L6-v2"));
        }
        for (int i = 0; i < e.languages().size(); i++) {
            String language = e.languages().get(i);
            if (language == null || !language.matches("[a-z]{2}")) {
                problems.add(ConfigProblem.at("processing.embedding.languages[" + i + "]", "'" + language
                        + "' is not an ISO 639-1 code: expected two lower-case letters such as en"));
            }
        }
    }

    private static void checkShare(String key, double value, String example, List<ConfigProblem> problems) {
        if (!(value > 0 && value <= 1)) {
            problems.add(ConfigProblem.at(key, value + " is not a similarity: expected a number in (0, 1], e.g. "
                    + example));
        }
    }

    private static void checkKafka(KafkaSettings kafka, List<ConfigProblem> problems) {
        if (kafka.minFreeDiskMb() < 0) {
            problems.add(ConfigProblem.at("kafka.minFreeDiskMb", kafka.minFreeDiskMb()
                    + " is negative: expected megabytes, e.g. 512 (0 turns the check off)"));
        }
        if (kafka.partitions() < 1 || kafka.partitions() > 1000) {
            problems.add(ConfigProblem.at("kafka.partitions", kafka.partitions()
                    + " partitions: expected a number from 1 to 1000 (default 3)"));
        }
        if (kafka.embedded() && kafka.dataDir().isBlank()) {
            problems.add(ConfigProblem.at("kafka.dataDir", "must name a directory for the embedded broker"));
        }
        checkKafkaSecurity(kafka, problems);
    }

    private static final Set<String> SECURITY_PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> SASL_MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    private static void checkKafkaSecurity(KafkaSettings kafka, List<ConfigProblem> problems) {
        String protocol = kafka.securityProtocol();
        if (!SECURITY_PROTOCOLS.contains(protocol)) {
            problems.add(ConfigProblem.at("kafka.securityProtocol", "'" + protocol + "' is not a protocol: expected "
                    + "PLAINTEXT (the default), SSL, SASL_PLAINTEXT or SASL_SSL"));
            return;
        }
        if (!protocol.equals("PLAINTEXT") && kafka.embedded()) {
            problems.add(ConfigProblem.at("kafka.securityProtocol", protocol + " needs kafka.bootstrapServers: the "
                    + "embedded broker speaks PLAINTEXT on loopback only"));
        }
        KafkaSettings.Sasl sasl = kafka.sasl();
        if (protocol.startsWith("SASL_")) {
            if (sasl == null || sasl.mechanism() == null
                    || !SASL_MECHANISMS.contains(sasl.mechanism().trim().toUpperCase(java.util.Locale.ROOT))) {
                problems.add(ConfigProblem.at("kafka.sasl.mechanism", (sasl == null || sasl.mechanism() == null
                        ? "missing" : "'" + sasl.mechanism() + "' is not supported") + ": expected PLAIN, "
                        + "SCRAM-SHA-256 or SCRAM-SHA-512 with " + protocol));
            }
            if (sasl == null || sasl.username() == null || sasl.username().isBlank()) {
                problems.add(ConfigProblem.at("kafka.sasl.username", "missing: " + protocol + " signs in with a user"));
            }
            if (sasl == null || sasl.password() == null || sasl.password().isEmpty()) {
                problems.add(ConfigProblem.at("kafka.sasl.password", "missing: give it from the environment, e.g. "
                        + "${KAFKA_PASSWORD}"));
            }
        } else if (sasl != null) {
            problems.add(ConfigProblem.at("kafka.sasl", "set, but kafka.securityProtocol is " + protocol
                    + ": use SASL_PLAINTEXT or SASL_SSL to sign in"));
        }
        KafkaSettings.Ssl ssl = kafka.ssl();
        if (ssl != null) {
            if (!protocol.endsWith("SSL")) {
                problems.add(ConfigProblem.at("kafka.ssl", "set, but kafka.securityProtocol is " + protocol
                        + ": use SSL or SASL_SSL"));
            }
            checkReadable("kafka.ssl.truststoreLocation", ssl.truststoreLocation(), problems);
            checkReadable("kafka.ssl.keystoreLocation", ssl.keystoreLocation(), problems);
        }
    }

    private static void checkReadable(String key, String file, List<ConfigProblem> problems) {
        if (file != null && !file.isBlank() && !java.nio.file.Files.isReadable(java.nio.file.Path.of(file))) {
            problems.add(ConfigProblem.at(key, "'" + file + "' is not a readable file"));
        }
    }

    private static void checkFeeds(List<FeedSettings> feeds, List<ConfigProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < feeds.size(); i++) {
            FeedSettings feed = feeds.get(i);
            String at = "feeds[" + i + "]";
            if (feed == null) {
                problems.add(ConfigProblem.at(at, "empty feed entry: expected { url: ..., name: ... }"));
                continue;
            }
            if (feed.opml() != null) {
                if (feed.url() != null) {
                    problems.add(ConfigProblem.at(at, "give 'url' or 'opml', not both"));
                }
                continue; // the OPML file's feeds are read and checked after the rest
            }
            if (feed.url() == null || feed.url().isBlank()) {
                problems.add(ConfigProblem.at(at, "missing key 'url' (or 'opml' with an OPML file)"));
            } else if (!isHttpUrl(feed.url())) {
                problems.add(ConfigProblem.at(at + ".url", "'" + feed.url()
                        + "' is not an absolute http:// or https:// URL"));
            } else if (!seen.add(feed.url().trim())) {
                problems.add(ConfigProblem.at(at + ".url", "feed '" + feed.url() + "' is listed twice"));
            }
            if (feed.pollInterval() != null && feed.pollInterval().compareTo(MIN_POLL_INTERVAL) < 0) {
                problems.add(ConfigProblem.at(at + ".pollInterval", feed.pollInterval()
                        + " is shorter than PT10S: polling that often is impolite and pointless"));
            }
        }
    }

    private static void checkIngest(IngestSettings ingest, List<ConfigProblem> problems) {
        if (ingest.hostDelay().isNegative()) {
            problems.add(ConfigProblem.at("ingest.hostDelay", ingest.hostDelay()
                    + " is negative: expected a pause such as PT1S (PT0S for none)"));
        }
        if (ingest.maxBodyBytes() < 1024) {
            problems.add(ConfigProblem.at("ingest.maxBodyBytes", ingest.maxBodyBytes()
                    + " bytes is too small for any page: expected at least 1024 (default 5242880)"));
        }
        if (ingest.connectTimeout() != null && (ingest.connectTimeout().isZero() || ingest.connectTimeout()
                .isNegative())) {
            problems.add(ConfigProblem.at("ingest.connectTimeout", "must be positive, e.g. PT10S"));
        }
        if (ingest.requestTimeout() != null && (ingest.requestTimeout().isZero() || ingest.requestTimeout()
                .isNegative())) {
            problems.add(ConfigProblem.at("ingest.requestTimeout", "must be positive, e.g. PT30S"));
        }
    }

    private static void checkTopics(List<TrackedTopic> topics, List<ConfigProblem> problems) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < topics.size(); i++) {
            TrackedTopic topic = topics.get(i);
            String at = "topics[" + i + "]";
            if (topic == null) {
                problems.add(ConfigProblem.at(at, "empty topic entry: expected { id: ..., name: ..., query: ... }"));
                continue;
            }
            if (topic.id() == null || topic.id().isBlank()) {
                problems.add(ConfigProblem.at(at, "missing key 'id'"));
            } else if (!TOPIC_ID.matcher(topic.id()).matches()) {
                problems.add(ConfigProblem.at(at + ".id", "'" + topic.id()
                        + "' is not a topic id: expected lower-case letters, digits and '-', e.g. su-35"));
            } else if (!ids.add(topic.id())) {
                problems.add(ConfigProblem.at(at + ".id", "topic id '" + topic.id() + "' is used twice"));
            }
            if (topic.query() == null || topic.query().isBlank()) {
                problems.add(ConfigProblem.at(at, "missing key 'query'"));
            }
            for (int j = 0; j < topic.labels().size(); j++) {
                String label = topic.labels().get(j);
                if (label == null || !TOPIC_ID.matcher(label).matches()) {
                    problems.add(ConfigProblem.at(at + ".labels[" + j + "]", "'" + label + "' is not a label: "
                            + "expected lower-case letters, digits and '-', e.g. defence"));
                }
            }
        }
    }

    private static void checkSinks(List<SinkSettings> sinks, List<ConfigProblem> problems) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sinks.size(); i++) {
            SinkSettings sink = sinks.get(i);
            String at = "alerts.sinks[" + i + "]";
            if (sink == null) {
                problems.add(ConfigProblem.at(at, "empty sink entry: expected { type: "
                        + String.join("|", SinkSettings.typeNames()) + ", ... }"));
                continue;
            }
            if (sink instanceof SinkSettings.Invalid invalid) {
                problems.add(ConfigProblem.at(invalid.type() == null ? at : at + ".type", invalid.type() == null
                        ? "missing key 'type': expected one of " + SinkSettings.typeNames()
                        : "unknown sink type '" + invalid.type() + "': expected one of " + SinkSettings.typeNames()));
                continue;
            }
            if (!ids.add(sink.id())) {
                problems.add(ConfigProblem.at(at + ".id", "sink id '" + sink.id()
                        + "' is used twice: give each sink its own id"));
            }
            if (sink instanceof SinkSettings.File file && (file.path() == null || file.path().isBlank())) {
                problems.add(ConfigProblem.at(at, "missing key 'path': a file sink needs the file to append to"));
            }
            if (sink instanceof SinkSettings.Slack slack) {
                checkSlack(at, slack, problems);
            }
            if (sink.followUp() != null) {
                List<Integer> sites = sink.followUp().atSites();
                if (sites.isEmpty() || sites.get(0) < 2) {
                    problems.add(ConfigProblem.at(at + ".followUp.atSites", "expected site counts of 2 or more, "
                            + "e.g. [5, 20]"));
                }
            }
            if (sink instanceof SinkSettings.Webhook webhook) {
                checkUrl(at, "url", webhook.url(), "the URL to POST alerts to", problems);
            }
            if (sink instanceof SinkSettings.Email email) {
                checkEmail(at, email, problems);
            }
            for (int j = 0; j < sink.matchers().size(); j++) {
                try {
                    RouteMatcher.parse(sink.matchers().get(j));
                } catch (IllegalArgumentException e) {
                    problems.add(ConfigProblem.at(at + ".matchers[" + j + "]", e.getMessage()));
                }
            }
            SinkSchedule.check(at, sink, problems);
            checkDelivery(at, sink.delivery(), problems);
        }
    }

    private static void checkSlack(String at, SinkSettings.Slack slack, List<ConfigProblem> problems) {
        boolean bot = slack.botToken() != null && !slack.botToken().isBlank();
        if (bot == (slack.webhookUrl() != null && !slack.webhookUrl().isBlank())) {
            problems.add(ConfigProblem.at(at, bot ? "give webhookUrl or botToken, not both"
                    : "missing key 'webhookUrl' (an incoming webhook, e.g. ${SLACK_WEBHOOK_URL}) or 'botToken' with "
                    + "'channel' (the Web API, e.g. ${SLACK_BOT_TOKEN})"));
            return;
        }
        if (!bot) {
            checkUrl(at, "webhookUrl", slack.webhookUrl(), "the Slack incoming-webhook URL", problems);
            return;
        }
        if (slack.channel() == null || slack.channel().isBlank()) {
            problems.add(ConfigProblem.at(at, "missing key 'channel': the channel id (C0123…) or #name the bot posts "
                    + "to"));
        }
        if (slack.apiUrl() != null) {
            checkUrl(at, "apiUrl", slack.apiUrl(), "Slack's chat.postMessage URL", problems);
        }
    }

    private static void checkUrl(String at, String key, String url, String what, List<ConfigProblem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(ConfigProblem.at(at, "missing key '" + key + "': " + what));
        } else if (!isHttpUrl(url)) {
            problems.add(ConfigProblem.at(at + "." + key, "not an http(s) URL (value not shown: it may be a secret)"));
        }
    }

    private static void checkEmail(String at, SinkSettings.Email email, List<ConfigProblem> problems) {
        if (email.host() == null || email.host().isBlank()) {
            problems.add(ConfigProblem.at(at, "missing key 'host': the SMTP server"));
        }
        if (email.port() < 1 || email.port() > 65535) {
            problems.add(ConfigProblem.at(at + ".port", email.port() + " is not a port: expected 1-65535"));
        }
        if (!List.of("starttls", "tls", "none").contains(email.security())) {
            problems.add(ConfigProblem.at(at + ".security", "'" + email.security()
                    + "': expected starttls, tls or none"));
        }
        if (email.from() == null || !email.from().contains("@")) {
            problems.add(ConfigProblem.at(at + ".from", "missing or not an address: expected e.g. wirewatch@example.org"));
        }
        if (email.to().isEmpty()) {
            problems.add(ConfigProblem.at(at, "missing key 'to': a list of recipient addresses"));
        }
        for (int j = 0; j < email.to().size(); j++) {
            if (email.to().get(j) == null || !email.to().get(j).contains("@")) {
                problems.add(ConfigProblem.at(at + ".to[" + j + "]", "not an e-mail address"));
            }
        }
        if ((email.username() == null) != (email.password() == null)) {
            problems.add(ConfigProblem.at(at, "'username' and 'password' go together: give both or neither"));
        }
        checkPositive(at + ".timeout", email.timeout(), "PT30S", problems);
    }

    private static void checkDelivery(String at, DeliverySettings d, List<ConfigProblem> problems) {
        if (d.groupWait().isNegative()) {
            problems.add(ConfigProblem.at(at + ".groupWait", d.groupWait() + " is negative: expected e.g. PT30S"));
        }
        if (d.groupInterval().isNegative()) {
            problems.add(ConfigProblem.at(at + ".groupInterval", d.groupInterval()
                    + " is negative: expected e.g. PT5M"));
        }
        if (d.maxAttempts() < 1) {
            problems.add(ConfigProblem.at(at + ".maxAttempts", d.maxAttempts() + ": expected at least 1 (default 8)"));
        }
        checkPositive(at + ".initialBackoff", d.initialBackoff(), "PT1S", problems);
        checkPositive(at + ".maxBackoff", d.maxBackoff(), "PT5M", problems);
        if (d.initialBackoff().compareTo(d.maxBackoff()) > 0) {
            problems.add(ConfigProblem.at(at + ".initialBackoff", "longer than maxBackoff " + d.maxBackoff()));
        }
        DeliverySettings.RateLimit limit = d.rateLimit();
        if (limit != null) {
            if (limit.messages() == null || limit.messages() < 1) {
                problems.add(ConfigProblem.at(at + ".rateLimit.messages", "expected a count of at least 1"));
            }
            if (limit.per() == null || limit.per().isZero() || limit.per().isNegative()) {
                problems.add(ConfigProblem.at(at + ".rateLimit.per", "expected a positive period, e.g. PT1M"));
            }
        }
    }

    private static void checkPositive(String key, Duration value, String example, List<ConfigProblem> problems) {
        if (value.isZero() || value.isNegative()) {
            problems.add(ConfigProblem.at(key, value + " must be positive, e.g. " + example));
        }
    }

    static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
