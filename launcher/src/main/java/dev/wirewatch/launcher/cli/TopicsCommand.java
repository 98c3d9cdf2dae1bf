package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.ConfigProblem;
import dev.wirewatch.config.TrackedTopic;
import dev.wirewatch.launcher.TopicPublisher;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.match.TopicMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch topics put|remove}: changes the tracked topics of a running Wirewatch through the compacted
 * {@code topics} topic; processing picks the change up within a second and backfills a new or edited topic.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Add, edit or remove a tracked topic while Wirewatch runs.",
        subcommands = {TopicsCommand.Put.class, TopicsCommand.Remove.class})
final class TopicsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The topic a topics subcommand is about, and the Kafka to write to. */
    abstract static class Target extends KafkaTarget {
        @Option(names = "--id", required = true, paramLabel = "ID", description = "topic id, e.g. su-35")
        String id;
    }

    @Command(name = "put", mixinStandardHelpOptions = true, description = "Add a topic, or replace its definition.")
    static final class Put extends Target implements Callable<Integer> {

        private static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

        @Option(names = "--query", required = true, paramLabel = "QUERY", description = "the standing query")
        String query;

        @Option(names = "--name", paramLabel = "NAME", description = "display name (default: the id)")
        String name;

        @Option(names = "--description", paramLabel = "TEXT", description = "free text for people")
        String description;

        @Option(names = "--label", paramLabel = "LABEL", description = "a label sinks may route by "
                + "(alerts.sinks[].matchers, e.g. label=defence); repeat for more")
        List<String> labels = new ArrayList<>();

        @Option(names = "--urgent", description = "alerts of this topic pass sinks' quiet hours and digests")
        boolean urgent;

        @Override
        public Integer call() {
            TrackedTopic topic = new TrackedTopic(id, name, query, description, labels, urgent);
            List<ConfigProblem> problems = TopicMatcher.problems(List.of(topic));
            if (!TOPIC_ID.matcher(id).matches()) {
                spec.commandLine().getErr().println("--id '" + id + "': expected lower-case letters, digits and '-'");
                return ExitCodes.BAD_CONFIG;
            }
            for (String label : labels) {
                if (!TOPIC_ID.matcher(label).matches()) {
                    spec.commandLine().getErr().println("--label '" + label
                            + "': expected lower-case letters, digits and '-', e.g. defence");
                    return ExitCodes.BAD_CONFIG;
                }
            }
            if (!problems.isEmpty()) {
                spec.commandLine().getErr().println("--query: " + problems.get(0).message());
                return ExitCodes.BAD_CONFIG;
            }
            KafkaConnection kafka = kafka();
            if (kafka == null) {
                return ExitCodes.BAD_CONFIG;
            }
            TopicPublisher.publish(kafka, Topics.standard().topicDefinitions(), List.of(topic));
            spec.commandLine().getOut().printf("topic %s published; processing backfills it over recent articles%n",
                    id);
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop tracking a topic.")
    static final class Remove extends Target implements Callable<Integer> {

        @Override
        public Integer call() {
            KafkaConnection kafka = kafka();
            if (kafka == null) {
                return ExitCodes.BAD_CONFIG;
            }
            TopicPublisher.remove(kafka, Topics.standard().topicDefinitions(), id);
            spec.commandLine().getOut().printf("topic %s removed%n", id);
            return ExitCodes.OK;
        }
    }
}
