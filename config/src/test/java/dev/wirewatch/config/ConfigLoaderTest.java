package dev.wirewatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static WirewatchConfig parse(String yaml, Map<String, String> env) throws ConfigException {
        return ConfigLoader.parse(yaml, "test.yml", env::get);
    }

    private static ConfigException failure(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml, Map.of()));
    }

    @Test
    void fullConfigBindsToTypedRecords() throws Exception {
        WirewatchConfig config = parse("""
                kafka: { bootstrapServers: "", dataDir: /tmp/ww, partitions: 4 }
                feeds:
                  - { url: "https://example.org/rss.xml", name: "Example", pollInterval: PT2M }
                  - url: https://news.example.com/atom.xml
                ingest: { allowPrivateNetworks: true, userAgent: "Wirewatch/test (+https://example.org)" }
                topics:
                  - { id: su-35, name: "Su-35 fighter", query: '"Su-35"' }
                alerts: { sinks: [ { type: file, path: /tmp/alerts.jsonl }, { type: console } ] }
                metrics: { port: 9999 }
                processing: { backfillWindow: P3D, storyRetention: PT240H }
                """, Map.of());
        assertEquals(4, config.kafka().partitions());
        assertTrue(config.kafka().embedded());
        assertEquals(Duration.ofMinutes(2), config.feeds().get(0).pollInterval());
        assertEquals("news.example.com", config.feeds().get(1).name());
        assertEquals(FeedSettings.DEFAULT_POLL_INTERVAL, config.feeds().get(1).pollInterval());
        assertTrue(config.ingest().allowPrivateNetworks());
        assertEquals("Su-35 fighter", config.topics().get(0).name());
        SinkSettings.File file = assertInstanceOf(SinkSettings.File.class, config.alerts().sinks().get(0));
        assertEquals("/tmp/alerts.jsonl", file.path());
        assertInstanceOf(SinkSettings.Console.class, config.alerts().sinks().get(1));
        assertEquals(9999, config.metrics().port());
        assertEquals(Duration.ofDays(3), config.processing().backfillWindow());
        assertEquals(Duration.ofDays(10), config.processing().storyRetention());
    }

    @Test
    void processingThreadsAndStandbysBindAndAreChecked() throws Exception {
        WirewatchConfig config = parse("processing: { streamThreads: 3, standbyReplicas: 1 }", Map.of());
        assertEquals(3, config.processing().streamThreads());
        assertEquals(1, config.processing().standbyReplicas());
        assertEquals(Runtime.getRuntime().availableProcessors(), parse("", Map.of()).processing().streamThreads());

        ConfigException e = failure("processing: { streamThreads: 0, standbyReplicas: 9 }");
        assertTrue(e.getMessage().contains("processing.streamThreads"), e.getMessage());
        assertTrue(e.getMessage().contains("processing.standbyReplicas"), e.getMessage());
    }

    @Test
    void theEmbeddingSignalBindsAndItsModelFilesResolveAgainstTheConfigFile(@org.junit.jupiter.api.io.TempDir
                                                                             java.nio.file.Path dir) throws Exception {
        WirewatchConfig defaults = parse("", Map.of());
        assertTrue(defaults.processing().embedding().enabled());
        assertTrue(defaults.processing().embedding().shippedModel());
        assertEquals(java.util.List.of("en"), defaults.processing().embedding().languages());
        assertTrue(defaults.processing().embedding().matchingOnly());
        assertFalse(parse("processing: { embedding: { scope: all } }", Map.of()).processing().embedding()
                .matchingOnly());
        ConfigException scope = failure("processing: { embedding: { scope: sometimes } }");
        assertTrue(scope.getMessage().contains("processing.embedding.scope")
                && scope.getMessage().contains("matching (the default) or all"), scope.getMessage());

        java.nio.file.Files.writeString(dir.resolve("model.onnx"), "x");
        java.nio.file.Files.writeString(dir.resolve("tokenizer.json"), "{}");
        java.nio.file.Path file = dir.resolve("wirewatch.yml");
        java.nio.file.Files.writeString(file, "processing:\n  embedding:\n    model: model.onnx\n"
                + "    tokenizer: tokenizer.json\n    languages: [en, de]\n    threshold: 0.8\n");
        StoryEmbeddingSettings e = ConfigLoader.load(file, Map.<String, String>of()::get).processing().embedding();
        assertEquals(dir.resolve("model.onnx").toString(), e.model());
        assertEquals(dir.resolve("tokenizer.json").toString(), e.tokenizer());
        assertEquals(0.8, e.threshold());

        java.nio.file.Files.writeString(file, "processing:\n  embedding:\n    model: missing.onnx\n"
                + "    tokenizer: tokenizer.json\n");
        ConfigException missing = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(file, Map.<String, String>of()::get));
        assertTrue(missing.getMessage().contains("processing.embedding.model")
                && missing.getMessage().contains("missing.onnx"), missing.getMessage());
    }

    @Test
    void aBadEmbeddingSettingSaysWhichKeyAndWhatWouldBeRight() {
        ConfigException e = failure("processing: { embedding: { model: m.onnx, threshold: 1.5, leadWords: 2, "
                + "languages: [English] } }");
        assertTrue(e.getMessage().contains("processing.embedding.tokenizer"), e.getMessage());
        assertTrue(e.getMessage().contains("processing.embedding.threshold"), e.getMessage());
        assertTrue(e.getMessage().contains("processing.embedding.leadWords"), e.getMessage());
        assertTrue(e.getMessage().contains("processing.embedding.languages[0]"), e.getMessage());
    }

    @Test
    void theDeskBindsUsersAndTokensWithTheTokenFromTheEnvironment() throws Exception {
        String hash = "$2y$10$" + "a".repeat(53);
        WirewatchConfig config = parse("desk:\n  port: 0\n  bindAddress: 0.0.0.0\n  sessionTimeout: PT2H\n"
                + "  users: [{ name: ed, role: editor, passwordHash: '" + hash + "' }]\n"
                + "  apiTokens: [{ name: ci, role: viewer, token: '${DESK_TOKEN}' }]\n",
                Map.of("DESK_TOKEN", "a-long-enough-token-value"));
        assertEquals(0, config.desk().port());
        assertEquals("0.0.0.0", config.desk().bindAddress());
        assertEquals(java.time.Duration.ofHours(2), config.desk().sessionTimeout());
        assertEquals(hash, config.desk().users().get(0).passwordHash());
        assertEquals("a-long-enough-token-value", config.desk().apiTokens().get(0).token());
        assertTrue(!config.desk().apiTokens().get(0).toString().contains("a-long-enough"), "tokens are not printed");
        assertEquals(8080, parse("", Map.of()).desk().port());
    }

    @Test
    void aBadDeskSettingSaysWhichKeyAndWhatWouldBeRightWithoutPrintingTheToken() {
        ConfigException e = failure("desk:\n  port: 70000\n"
                + "  users: [{ name: ed, role: admin, passwordHash: plain-text }, { name: ed, role: viewer, "
                + "passwordHash: plain }]\n"
                + "  apiTokens: [{ name: ci, role: editor, token: short-secret }]\n");
        for (String key : List.of("desk.port", "desk.users[0].role", "desk.users[0].passwordHash",
                "desk.users[1].name", "desk.apiTokens[0].token")) {
            assertTrue(e.getMessage().contains(key), key + " in " + e.getMessage());
        }
        assertTrue(e.getMessage().contains("wirewatch desk hash-password"), e.getMessage());
        assertTrue(!e.getMessage().contains("short-secret"), e.getMessage());
    }

    @Test
    void metricsAuthenticationBindsAndIsCheckedWithoutPrintingTheToken() throws Exception {
        WirewatchConfig config = parse("metrics: { bearerToken: '${T}' }\n", Map.of("T", "scrape-token-0123456789"));
        assertEquals("scrape-token-0123456789", config.metrics().bearerToken());
        assertTrue(!config.metrics().toString().contains("scrape-token"), config.metrics().toString());
        ConfigException e = failure("metrics: { bearerToken: short-one, basicAuth: { username: p, passwordHash: x } }");
        for (String key : List.of("metrics.bearerToken", "metrics.basicAuth", "metrics.basicAuth.passwordHash")) {
            assertTrue(e.getMessage().contains(key), key + " in " + e.getMessage());
        }
        assertTrue(!e.getMessage().contains("short-one"), e.getMessage());
    }

    @Test
    void kafkaSecurityBindsIntoClientSettingsWithThePasswordQuotedForJaas() throws Exception {
        WirewatchConfig config = parse("kafka:\n  bootstrapServers: k:9093\n  securityProtocol: sasl_ssl\n"
                + "  sasl: { mechanism: SCRAM-SHA-512, username: ww, password: '${P}' }\n"
                + "  ssl: { truststorePassword: '${T}' }\n", Map.of("P", "a\"b\\c #d", "T", "trust-pw"));
        Map<String, String> client = config.kafka().clientSecurity();
        assertEquals("SASL_SSL", client.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", client.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ww\" "
                + "password=\"a\\\"b\\\\c #d\";", client.get("sasl.jaas.config"));
        assertEquals("trust-pw", client.get("ssl.truststore.password"));
        assertTrue(!config.kafka().toString().contains("#d") && !config.kafka().toString().contains("trust-pw"),
                config.kafka().toString());
        assertTrue(parse("", Map.of()).kafka().clientSecurity().isEmpty(), "PLAINTEXT needs no settings");
    }

    @Test
    void badKafkaSecuritySaysWhichKeyAndWhatWouldBeRight() {
        ConfigException e = failure("kafka:\n  bootstrapServers: k:9093\n  securityProtocol: SASL_PLAINTEXT\n"
                + "  sasl: { mechanism: GSSAPI }\n  ssl: { truststoreLocation: /no/such/file.jks }\n");
        for (String key : List.of("kafka.sasl.mechanism", "kafka.sasl.username", "kafka.sasl.password", "kafka.ssl",
                "kafka.ssl.truststoreLocation")) {
            assertTrue(e.getMessage().contains(key), key + " in " + e.getMessage());
        }
        assertTrue(failure("kafka: { securityProtocol: SSL }").getMessage().contains("needs kafka.bootstrapServers"));
        assertTrue(failure("kafka: { bootstrapServers: 'k:1', securityProtocol: TLS }").getMessage()
                .contains("not a protocol"));
    }

    @Test
    void theRemovedOrderingGraceSaysWhyInsteadOfUnknown() {
        ConfigException e = failure("processing: { orderingGrace: PT2S }");
        assertTrue(e.getMessage().contains("processing.orderingGrace"), e.getMessage());
        assertTrue(e.getMessage().contains("was removed"), e.getMessage());
    }

    @Test
    void emptyFileGivesDefaults() throws Exception {
        WirewatchConfig config = parse("", Map.of());
        assertEquals(KafkaSettings.DEFAULT_PARTITIONS, config.kafka().partitions());
        assertEquals(KafkaSettings.DEFAULT_DATA_DIR, config.kafka().dataDir());
        assertEquals(List.of(), config.feeds());
        assertInstanceOf(SinkSettings.Console.class, config.alerts().sinks().get(0));
    }

    @Test
    void typoAndBadDurationAreBothReportedWithTheirLines() {
        ConfigException e = failure("""
                kafka:
                  partitons: 3
                feeds:
                  - url: https://example.org/rss.xml
                    pollInterval: 5 minutes
                """);
        assertEquals(2, e.problems().size(), e.getMessage());
        ConfigProblem typo = e.problems().get(0);
        assertEquals(2, typo.line());
        assertEquals("kafka.partitons", typo.path());
        assertTrue(typo.message().contains("did you mean 'partitions'"), typo.message());
        ConfigProblem duration = e.problems().get(1);
        assertEquals(5, duration.line());
        assertEquals("feeds[0].pollInterval", duration.path());
        assertTrue(duration.message().contains("PT5M"), duration.message());
        assertTrue(e.getMessage().contains("test.yml:2: kafka.partitons"), e.getMessage());
    }

    @Test
    void semanticProblemsNameKeyAndLine() {
        ConfigException e = failure("""
                kafka: { partitions: 0 }
                feeds:
                  - url: ftp://example.org/feed
                topics:
                  - { id: "Su 35", query: "x" }
                  - { id: c-130 }
                alerts:
                  sinks:
                    - type: slak
                    - type: file
                """);
        List<String> described = e.problems().stream().map(p -> p.line() + " " + p.path()).toList();
        assertEquals(List.of("1 kafka.partitions", "3 feeds[0].url", "5 topics[0].id", "6 topics[1]",
                "9 alerts.sinks[0].type", "10 alerts.sinks[1]"), described, e.getMessage());
        assertTrue(e.getMessage().contains("unknown sink type 'slak'"), e.getMessage());
    }

    @Test
    void slackEmailAndWebhookSinksBindWithSecretsFromTheEnvironment() throws Exception {
        WirewatchConfig config = parse("""
                alerts:
                  sinks:
                    - { type: slack, id: desk, webhookUrl: "${SLACK_URL}", topics: [su-35], groupWait: PT30S,
                        rateLimit: { messages: 1, per: PT1S } }
                    - { type: email, host: smtp.example.org, username: ww, password: "${SMTP_PASSWORD}",
                        from: ww@example.org, to: [desk@example.org], digest: PT15M }
                    - { type: webhook, url: "https://hooks.example.org/in", secret: "${HOOK_SECRET}", maxAttempts: 3 }
                """, Map.of("SLACK_URL", "https://hooks.slack.com/services/T/B/x", "SMTP_PASSWORD", "pw",
                "HOOK_SECRET", "k"));
        SinkSettings.Slack slack = assertInstanceOf(SinkSettings.Slack.class, config.alerts().sinks().get(0));
        assertEquals("https://hooks.slack.com/services/T/B/x", slack.webhookUrl());
        assertEquals(java.time.Duration.ofSeconds(30), slack.delivery().groupWait());
        assertEquals(1, slack.delivery().rateLimit().messages());
        SinkSettings.Email email = assertInstanceOf(SinkSettings.Email.class, config.alerts().sinks().get(1));
        assertEquals(587, email.port());
        assertEquals("starttls", email.security());
        assertEquals(java.time.Duration.ofMinutes(15), email.delivery().groupWait());
        SinkSettings.Webhook hook = assertInstanceOf(SinkSettings.Webhook.class, config.alerts().sinks().get(2));
        assertEquals(3, hook.delivery().maxAttempts());
        assertEquals(8, slack.delivery().maxAttempts());
    }

    @Test
    void sinkProblemsAreReportedWithoutPrintingSecrets() {
        ConfigException e = failure("""
                alerts:
                  sinks:
                    - { type: slack, webhookUrl: "not a url with s3cret" }
                    - { type: email, host: smtp.example.org, security: ssl, from: nobody, username: only-user }
                    - { type: webhook, maxAttempts: 0, initialBackoff: PT10M, rateLimit: { messages: 0 } }
                """);
        List<String> described = e.problems().stream().map(p -> p.line() + " " + p.path()).toList();
        assertEquals(List.of("3 alerts.sinks[0].webhookUrl", "4 alerts.sinks[1].security", "4 alerts.sinks[1].from",
                "4 alerts.sinks[1]", "4 alerts.sinks[1]", "5 alerts.sinks[2]", "5 alerts.sinks[2].maxAttempts",
                "5 alerts.sinks[2].initialBackoff", "5 alerts.sinks[2].rateLimit.messages",
                "5 alerts.sinks[2].rateLimit.per"), described, e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void topicLabelsAndSinkMatchersBindAndBadOnesSayWhichEntryIsWrong() throws Exception {
        WirewatchConfig ok = parse("""
                topics:
                  - { id: su-35, query: "Su-35", labels: [defence, asia] }
                alerts:
                  sinks:
                    - { type: console, matchers: ["label=defence", 'label!~"test.*"'] }
                """, Map.of());
        assertEquals(List.of("defence", "asia"), ok.topics().get(0).labels());
        assertEquals(List.of("label=defence", "label!~\"test.*\""), ok.alerts().sinks().get(0).matchers());
        assertTrue(SinkRoute.of(ok.alerts().sinks().get(0)).accepts("su-35", ok.topics().get(0).labels()));

        ConfigException e = failure("""
                topics:
                  - { id: su-35, query: "Su-35", labels: [Defence Desk] }
                alerts:
                  sinks:
                    - { type: console, matchers: ["label=defence", "desk=asia", "label=~(open"] }
                """);
        List<String> described = e.problems().stream().map(p -> p.line() + " " + p.path()).toList();
        assertEquals(List.of("2 topics[0].labels[0]", "5 alerts.sinks[0].matchers[1]",
                "5 alerts.sinks[0].matchers[2]"), described, e.getMessage());
        assertTrue(e.getMessage().contains("expected label=NAME"), e.getMessage());
        assertTrue(e.getMessage().contains("does not compile"), e.getMessage());
    }

    @Test
    void quietHoursDigestsAndZonesBindAndBadOnesSayWhichKeyIsWrong() throws Exception {
        WirewatchConfig ok = parse("""
                topics:
                  - { id: su-35, query: "Su-35", urgent: true }
                alerts:
                  sinks:
                    - type: file
                      path: /tmp/a.jsonl
                      zone: Asia/Ho_Chi_Minh
                      quietHours: { from: 22:00, to: "07:00" }
                    - { type: file, id: weekly, path: /tmp/b.jsonl, digest: { at: "08:00", zone: Europe/Berlin, on: MON } }
                    - { type: email, host: smtp.example.org, from: a@example.org, to: [b@example.org], digest: PT15M }
                """, Map.of());
        assertTrue(ok.topics().get(0).urgent());
        SinkSchedule night = SinkSchedule.of(ok.alerts().sinks().get(0));
        assertEquals(java.time.LocalTime.of(22, 0), night.quietFrom(), "an unquoted 22:00 reads as a time");
        assertEquals(java.time.ZoneId.of("Asia/Ho_Chi_Minh"), night.quietZone(), "the sink's zone by default");
        SinkSchedule weekly = SinkSchedule.of(ok.alerts().sinks().get(1));
        assertEquals(java.time.DayOfWeek.MONDAY, weekly.digestOn());
        assertEquals(java.time.ZoneId.of("Europe/Berlin"), weekly.digestZone());
        assertEquals(java.time.Duration.ofMinutes(15), ok.alerts().sinks().get(2).delivery().groupWait(),
                "a digest period is still one window over every topic");

        ConfigException e = failure("""
                alerts:
                  sinks:
                    - { type: file, path: /a, zone: Mars/Olympus, quietHours: { from: "25:00", to: "07:00" } }
                    - { type: file, id: b, path: /b, digest: { at: "08:00", on: FUNDAY } }
                    - { type: file, id: c, path: /c, digest: { every: PT1H, at: "08:00" } }
                """);
        List<String> described = e.problems().stream().map(p -> p.line() + " " + p.path()).toList();
        assertEquals(List.of("3 alerts.sinks[0].zone", "3 alerts.sinks[0].quietHours.from",
                "4 alerts.sinks[1].digest.on", "5 alerts.sinks[2].digest"), described, e.getMessage());
    }

    @Test
    void aSlackBotWithFollowUpsBindsWithItsTokenFromTheEnvironmentAndBadOnesAreNamed() throws Exception {
        WirewatchConfig ok = parse("""
                alerts:
                  sinks:
                    - { type: slack, botToken: "${SLACK_BOT_TOKEN}", channel: C0123, followUp: { atSites: [20, 5] } }
                """, Map.of("SLACK_BOT_TOKEN", "xoxb-s3cret"));
        SinkSettings.Slack bot = (SinkSettings.Slack) ok.alerts().sinks().get(0);
        assertEquals("xoxb-s3cret", bot.botToken());
        assertEquals(List.of(5, 20), bot.followUp().atSites(), "sorted");

        ConfigException e = failure("""
                alerts:
                  sinks:
                    - { type: slack, id: both, webhookUrl: "https://hooks.slack.com/x", botToken: xoxb-s3cret }
                    - { type: slack, id: nochannel, botToken: xoxb-s3cret }
                    - { type: slack, id: none }
                    - { type: file, path: /f, followUp: { atSites: [1] } }
                """);
        List<String> described = e.problems().stream().map(p -> p.line() + " " + p.path()).toList();
        assertEquals(List.of("3 alerts.sinks[0]", "4 alerts.sinks[1]", "5 alerts.sinks[2]",
                "6 alerts.sinks[3].followUp.atSites"), described, e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void anOpmlEntryStandsForTheFeedsItListsRelativeToTheConfigFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("subscriptions.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Desk</title></head><body>
                  <outline text="Asia">
                    <outline type="rss" text="Mekong Wire" xmlUrl="https://mekong.example/rss.xml"/>
                    <outline type="rss" title="Saigon Daily" text="sd" xmlUrl="https://saigon.example/atom.xml"/>
                  </outline>
                  <outline type="link" text="Not a feed" url="https://example.org/"/>
                  <outline type="rss" text="Listed twice" xmlUrl="https://herald.example/rss.xml"/>
                </body></opml>
                """);
        Path config = Files.writeString(dir.resolve("wirewatch.yml"), """
                feeds:
                  - { url: "https://herald.example/rss.xml", name: Herald }
                  - { opml: subscriptions.opml, pollInterval: PT15M }
                """);
        WirewatchConfig loaded = ConfigLoader.load(config, name -> null);
        assertEquals(List.of("Herald", "Mekong Wire", "Saigon Daily"), loaded.feeds().stream().map(FeedSettings::name)
                .toList());
        assertEquals(java.time.Duration.ofMinutes(15), loaded.feeds().get(1).pollInterval());
        Path single = Files.writeString(dir.resolve("single.yml"), "feeds: { opml: subscriptions.opml }\n");
        assertEquals(3, ConfigLoader.load(single, name -> null).feeds().size(), "feeds: { opml: FILE } alone");
    }

    @Test
    void anUnreadableOrHostileOpmlFileIsAProblemOnItsLine(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("evil.opml"), """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <opml><body><outline xmlUrl="https://a.example/&x;"/></body></opml>
                """);
        Path config = Files.writeString(dir.resolve("wirewatch.yml"), """
                kafka: { partitions: 3 }
                feeds:
                  - { opml: evil.opml }
                  - { opml: missing.opml }
                """);
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigLoader.load(config, name -> null));
        assertEquals(List.of(3, 4), e.problems().stream().map(ConfigProblem::line).toList(), e.getMessage());
        assertTrue(e.problems().get(0).message().contains("DOCTYPE"), e.getMessage());
        assertTrue(e.problems().get(1).message().contains("cannot read OPML file"), e.getMessage());
    }

    @Test
    void wrongTypeIsReportedNotThrown() {
        ConfigException e = failure("""
                kafka:
                  partitions: three
                ingest:
                  allowPrivateNetworks: maybe
                """);
        assertEquals(List.of(2, 4), e.problems().stream().map(ConfigProblem::line).toList(), e.getMessage());
        assertTrue(e.problems().get(0).message().contains("whole number"));
        assertTrue(e.problems().get(1).message().contains("true or false"));
    }

    @Test
    void environmentVariablesAreSubstitutedAndMissingOnesReported() throws Exception {
        WirewatchConfig config = parse("""
                # ${NOT_IN_A_COMMENT} is ignored
                kafka: { bootstrapServers: "${KAFKA}", dataDir: "${DATA:-/var/ww}" }
                """, Map.of("KAFKA", "broker:9092"));
        assertEquals("broker:9092", config.kafka().bootstrapServers());
        assertEquals("/var/ww", config.kafka().dataDir());

        ConfigException e = failure("kafka: { bootstrapServers: \"${MISSING_BROKER}\" }\n");
        assertEquals(1, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("MISSING_BROKER is not set"), e.getMessage());
    }

    @Test
    void brokenYamlSyntaxIsReportedWithItsLine() {
        ConfigException e = failure("""
                kafka:
                  partitions: 3
                 feeds: [
                """);
        assertTrue(e.problems().get(0).line() >= 2, e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void extraChecksAddTheirProblemsWithLines() {
        ConfigCheck noQueries = config -> List.of(ConfigProblem.at("topics[0].query", "bad query"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                topics:
                  - id: su-35
                    query: "(("
                """, "t.yml", k -> null, noQueries));
        assertEquals(3, e.problems().get(0).line(), e.getMessage());
    }
}
