package dev.wirewatch.launcher.cli;

import dev.wirewatch.launcher.broker.EmbeddedKafka;
import dev.wirewatch.launcher.disk.DataDirSpace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch broker --data-dir DIR}: the embedded KRaft broker alone, for running the services as separate
 * processes on one machine without a Kafka installation. A restart on the same directory keeps the data and the
 * address.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run only the embedded Kafka broker (KRaft, one node) on DIR and print its address; the "
                + "services then run with kafka.bootstrapServers set to it. Stops on Ctrl-C or SIGTERM; a restart on "
                + "the same DIR keeps its data and, when the ports are free, its address.")
final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "where the broker keeps its log")
    Path dataDir;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "partitions of topics the broker creates by default (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--min-free-disk-mb", paramLabel = "MB", defaultValue = "512",
            description = "refuse to start with less free space in DIR (as kafka.minFreeDiskMb; 0: no check)")
    int minFreeDiskMb;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (partitions < 1) {
            spec.commandLine().getErr().println("--partitions " + partitions + ": expected 1 or more");
            return ExitCodes.BAD_CONFIG;
        }
        EmbeddedKafka kafka;
        try {
            new DataDirSpace(dataDir, minFreeDiskMb).requireMinimum();
            kafka = EmbeddedKafka.start(dataDir, partitions, Duration.ofSeconds(120));
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("wirewatch: the broker did not start on " + dataDir + ": "
                    + e.getMessage());
            return ExitCodes.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "wirewatch-broker-shutdown"));
        spec.commandLine().getOut().println("wirewatch: kafka at " + kafka.bootstrapServers() + " (data in "
                + dataDir + ")");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
