package dev.wirewatch.launcher.cli;

import dev.wirewatch.model.kafka.KafkaConnection;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of the commands that change a running Wirewatch through Kafka: which Kafka to write to. */
abstract class KafkaTarget {

    @Option(names = "--config", paramLabel = "FILE", description = "the config naming kafka.bootstrapServers")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka to write to (e.g. the embedded broker address 'run' prints); overrides --config")
    String bootstrapServers;

    @Spec
    CommandSpec spec;

    /** The Kafka to write to, or null after printing why there is none. */
    KafkaConnection kafka() {
        return Configs.kafkaOrReport(config, bootstrapServers, spec.commandLine().getErr());
    }
}
