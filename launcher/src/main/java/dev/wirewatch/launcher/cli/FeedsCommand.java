package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.FeedSettings;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.model.FeedStatus;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.TopicReader;
import dev.wirewatch.model.topic.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch feeds status}: each feed's health as the ingest service last recorded it; {@code feeds import}:
 * an OPML subscription list as config entries.
 */
@Command(name = "feeds", mixinStandardHelpOptions = true, description = "Feed status; add, change or remove feeds while Wirewatch runs; import OPML.",
        subcommands = {FeedsCommand.Status.class, FeedsCommand.Import.class, FeedsCommand.Put.class,
                FeedsCommand.Remove.class})
final class FeedsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print each configured feed's last success, last error, failures in a row, items seen, "
                    + "articles ingested and next poll, from the feed-status topic. Exit 1 when a feed is failing.")
    static final class Status implements Callable<Integer> {

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "the config with the feeds")
        Path config;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                description = "Kafka to read from; overrides kafka.bootstrapServers of the config")
        String bootstrapServers;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            WirewatchConfig loaded = Configs.loadOrReport(config, spec.commandLine().getErr());
            if (loaded == null) {
                return ExitCodes.BAD_CONFIG;
            }
            KafkaConnection kafka = Configs.kafkaOrReport(loaded, config, bootstrapServers, spec.commandLine().getErr());
            if (kafka == null) {
                return ExitCodes.BAD_CONFIG;
            }
            Map<String, FeedStatus> statuses = read(kafka);
            PrintWriter out = spec.commandLine().getOut();
            boolean anyFailing = false;
            for (FeedSettings feed : loaded.feeds()) {
                FeedStatus s = statuses.get(feed.url());
                if (s == null) {
                    out.printf("%-8s %s (%s): not polled yet%n", "NEW", feed.name(), feed.url());
                    continue;
                }
                boolean failing = s.failing();
                anyFailing |= failing;
                String state = failing ? "FAILING" : s.consecutiveFailures() > 0 ? "RETRYING" : "OK";
                out.printf("%-8s %s (%s)%n", state, feed.name(), feed.url());
                out.printf("         last poll %s: %s; last success %s; failures in a row %d%n", s.lastPollAt(),
                        s.lastOutcome(), s.lastSuccessAt() == null ? "never" : s.lastSuccessAt(),
                        s.consecutiveFailures());
                out.printf("         items in feed %d; articles ingested %d; next poll %s%n", s.itemsSeen(),
                        s.articlesTotal(), s.nextPollAt());
                if (s.lastError() != null) {
                    out.printf("         last error %s: %s%n", s.lastErrorAt(), s.lastError());
                }
            }
            out.flush();
            return anyFailing ? ExitCodes.FAILED : ExitCodes.OK;
        }

        private static Map<String, FeedStatus> read(KafkaConnection bootstrap) {
            Map<String, FeedStatus> statuses = new HashMap<>();
            TopicReader.readToEnd(bootstrap, Topics.standard().feedStatus(), (url, status) -> {
                if (status == null) {
                    statuses.remove(url);
                } else {
                    statuses.put(url, status);
                }
            });
            return statuses;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Print the feeds of an OPML file (a feed reader's export) as entries for the 'feeds' list "
                    + "of a config. To follow the file itself instead, put '- { opml: FILE }' in 'feeds'.")
    static final class Import implements Callable<Integer> {

        @picocli.CommandLine.Parameters(paramLabel = "FILE.opml", description = "the OPML file")
        Path opml;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            List<FeedSettings> feeds;
            try {
                feeds = dev.wirewatch.config.OpmlReader.read(opml);
            } catch (dev.wirewatch.config.OpmlReader.OpmlException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.BAD_CONFIG;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("feeds:");
            var json = dev.wirewatch.model.json.Json.mapper();
            for (FeedSettings feed : feeds) {
                // JSON strings are valid YAML flow scalars: names with quotes or colons stay intact
                out.printf("  - { url: %s, name: %s }%n", json.writeValueAsString(feed.url()),
                        json.writeValueAsString(feed.name()));
            }
            out.flush();
            spec.commandLine().getErr().printf("%d feeds from %s%n", feeds.size(), opml);
            return ExitCodes.OK;
        }
    }

    /** The feed a put/remove is about, and the Kafka to write to. */
    abstract static class Target extends KafkaTarget {
        @Option(names = "--url", required = true, paramLabel = "URL", description = "the feed's URL")
        String url;
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Add a feed while Wirewatch runs, or change its name or interval; an ingest instance "
                    + "starts polling it within a second.")
    static final class Put extends Target implements Callable<Integer> {

        @Option(names = "--name", paramLabel = "NAME", description = "display name (default: the URL's host)")
        String name;

        @Option(names = "--poll-interval", paramLabel = "DURATION", description = "e.g. PT5M (default), at least PT10S")
        Duration pollInterval;

        @Override
        public Integer call() {
            FeedSettings feed = new FeedSettings(url, name, pollInterval);
            List<dev.wirewatch.config.ConfigProblem> problems = dev.wirewatch.config.ConfigLoader
                    .problemsOf(new WirewatchConfig(null, List.of(feed), null, null, null, null, null, null));
            if (!problems.isEmpty()) {
                spec.commandLine().getErr().println(problems.get(0).path().replace("feeds[0]", "--url") + ": "
                        + problems.get(0).message());
                return ExitCodes.BAD_CONFIG;
            }
            KafkaConnection kafka = kafka();
            if (kafka == null) {
                return ExitCodes.BAD_CONFIG;
            }
            dev.wirewatch.launcher.TopicPublisher.publishFeeds(kafka, Topics.standard().feeds(), List.of(feed));
            spec.commandLine().getOut().printf("feed %s published; an ingest instance polls it from now on%n", url);
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop polling a feed.")
    static final class Remove extends Target implements Callable<Integer> {

        @Override
        public Integer call() {
            KafkaConnection kafka = kafka();
            if (kafka == null) {
                return ExitCodes.BAD_CONFIG;
            }
            dev.wirewatch.launcher.TopicPublisher.removeFeed(kafka, Topics.standard().feeds(), url);
            spec.commandLine().getOut().printf("feed %s removed%n", url);
            return ExitCodes.OK;
        }
    }
}
