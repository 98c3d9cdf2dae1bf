package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.MetricsSettings;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.launcher.Pipeline;
import dev.wirewatch.launcher.metrics.MetricsEndpoint;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a pipeline for a command: metrics endpoint, services, then either one pass ({@code --once}) with a summary,
 * or until SIGTERM/Ctrl-C, when a named shutdown hook stops everything cleanly.
 */
final class PipelineRunner {

    private final PrintWriter out;
    private final PrintWriter err;

    private final String deskSignIn;
    private final String deskToken;

    PipelineRunner(PrintWriter out, PrintWriter err) {
        this(out, err, null, null);
    }

    /**
     * @param deskSignIn how to sign in to the desk, printed with its address (the demo's user), or null
     * @param deskToken  an API token to print for scripts (the demo's), or null
     */
    PipelineRunner(PrintWriter out, PrintWriter err, String deskSignIn, String deskToken) {
        this.out = out;
        this.err = err;
        this.deskSignIn = deskSignIn;
        this.deskToken = deskToken;
    }

    /**
     * @param metricsPort overrides {@code metrics.port} when not null
     * @param anyFreePortIfTaken use a free port (with a warning) when the metrics port is taken, instead of failing
     */
    int run(WirewatchConfig config, Set<Pipeline.Service> services, boolean once, Integer metricsPort,
            boolean anyFreePortIfTaken) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        AtomicReference<Pipeline> running = new AtomicReference<>();
        MetricsSettings metrics = metricsPort == null ? config.metrics()
                : config.metrics().withPort(metricsPort);
        MetricsEndpoint endpoint;
        try {
            endpoint = startMetrics(metrics, registry, running, anyFreePortIfTaken);
        } catch (IOException e) {
            err.printf("wirewatch: cannot serve metrics on %s:%d: %s (set metrics.port or --metrics-port)%n",
                    metrics.bindAddress(), metrics.port(), e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        if (anyFreePortIfTaken && config.desk().port() > 0 && taken(config.desk().bindAddress(), config.desk().port())) {
            err.printf("wirewatch: port %d is taken; the desk listens on a free port instead%n", config.desk().port());
            config = config.withDesk(config.desk().withPort(0));
        }
        Pipeline pipeline;
        try {
            pipeline = Pipeline.start(config, services, registry, Clock.systemUTC());
        } catch (RuntimeException e) {
            closeQuietly(endpoint);
            Throwable refused = authenticationFailure(e);
            if (refused != null) {
                err.println("wirewatch: Kafka at " + config.kafka().bootstrapServers() + " refused the credentials "
                        + "(kafka.securityProtocol " + config.kafka().securityProtocol() + ", kafka.sasl, kafka.ssl): "
                        + refused.getMessage());
                err.flush();
                return ExitCodes.BAD_CONFIG;
            }
            err.println("wirewatch: could not start: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        running.set(pipeline);
        out.printf("wirewatch: Kafka at %s%s%n", pipeline.bootstrapServers(), endpoint == null ? ""
                : "; metrics at " + endpoint.url() + "/metrics, health at " + endpoint.url() + "/health");
        if (pipeline.deskPort() >= 0) {
            String host = config.desk().bindAddress();
            host = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
            out.printf("wirewatch: desk at http://%s:%d/%s%n", host, pipeline.deskPort(),
                    deskSignIn == null ? "" : " (" + deskSignIn + ")");
            if (deskToken != null) {
                out.printf("wirewatch: desk API at http://%s:%d/api/v1/ with Authorization: Bearer %s%n", host,
                        pipeline.deskPort(), deskToken);
            }
        }
        out.flush();
        return once ? runOnce(pipeline, endpoint) : runUntilStopped(pipeline, endpoint);
    }

    private int runOnce(Pipeline pipeline, MetricsEndpoint endpoint) {
        try {
            Pipeline.Summary summary = pipeline.runOnce();
            out.println("wirewatch: done: " + summary.describe());
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            err.println("wirewatch: run failed: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            out.flush();
            err.flush();
            pipeline.close();
            closeQuietly(endpoint);
        }
    }

    private int runUntilStopped(Pipeline pipeline, MetricsEndpoint endpoint) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pipeline.close();
            closeQuietly(endpoint);
            stopped.countDown();
        }, "wirewatch-shutdown"));
        pipeline.run();
        out.println("wirewatch: running; Ctrl-C or SIGTERM stops it cleanly");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private static MetricsEndpoint startMetrics(MetricsSettings metrics, PrometheusMeterRegistry registry,
                                                AtomicReference<Pipeline> running, boolean anyFreePortIfTaken)
            throws IOException {
        if (!metrics.enabled()) {
            return null;
        }
        java.util.function.BooleanSupplier ready = () -> running.get() != null && running.get().ready();
        java.util.function.BooleanSupplier live = () -> running.get() == null || running.get().alive();
        try {
            return MetricsEndpoint.start(metrics, metrics.port(), registry, ready, live);
        } catch (java.net.BindException e) {
            if (!anyFreePortIfTaken) {
                throw e;
            }
            return MetricsEndpoint.start(metrics, 0, registry, ready, live);
        }
    }

    /** The authentication or TLS failure behind {@code e} (a wrong password, an untrusted certificate), or null. */
    private static Throwable authenticationFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.AuthenticationException) {
                return t;
            }
        }
        return null;
    }

    private static boolean taken(String host, int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void closeQuietly(MetricsEndpoint endpoint) {
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
