package dev.wirewatch.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.ingest.IngestService;
import dev.wirewatch.ingest.KafkaArticleSink;
import dev.wirewatch.ingest.extract.PageExtractor;
import dev.wirewatch.launcher.Pipeline;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.launcher.support.TopicReader;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.json.Json;
import dev.wirewatch.model.topic.Topics;
import dev.wirewatch.processing.match.DefaultTopics;
import dev.wirewatch.processing.match.TopicMatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline against extraction alone, on one generated local web of news sites (issue #15). Prints its
 * figures; asserts none. Run with {@code -Dbenchmarks} (see BENCHMARKS.md); {@code -Dbench.stories=N} changes the
 * web's size, {@code -Dbench.latency=false} skips the latency runs (for profiling the bulk run alone),
 * {@code -Dbench.warm=false} skips the second, warm bulk run,
 * {@code -Dbench.processing="{ embedding: { enabled: false } }"} sets processing keys (a YAML flow map).
 *
 * <ol>
 * <li>Baseline: the same pages through {@link PageExtractor} alone, one thread, as {@code wirewatch extract} runs.</li>
 * <li>Bulk: every feed polled once; articles per second from the first feed request to the last alert delivered
 * (a webhook sink posting to a local receiver), and the CPU each part of the process used per article, the JIT
 * compiler's and the collectors' included; then the same on as many new stories, the code now compiled.</li>
 * <li>Latency from a page's fetch to its alert's delivery: single articles on the quiet pipeline, then new articles
 * published at 25, 50 and 100 % of the bulk rate.</li>
 * </ol>
 */
class PipelineBenchmark {

    private static final int SITES = 12;
    private static final int STORIES = Integer.getInteger("bench.stories", 1000);
    private static final int SITES_PER_STORY = 3;
    private static final List<String> STEPS = List.of("compute-features", "match-topics", "triage");

    @TempDir
    Path dir;

    /** Alert deliveries: article URL → when the receiver got it (epoch millis). */
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();

    @Test
    void pipelineAgainstExtractionOnALocalWeb() throws Exception {
        try (LocalWeb web = LocalWeb.start(SITES, 15)) {
            List<LocalWeb.Page> pages = web.publish(STORIES, SITES_PER_STORY, 4);
            double extraction = extractionRate(pages);
            HttpServer receiver = receiver();
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            MeterRegistry registry = new SimpleMeterRegistry();
            WirewatchConfig config = config(web, hook);
            try (Pipeline pipeline = Pipeline.start(config, EnumSet.of(Pipeline.Service.PROCESS,
                    Pipeline.Service.ALERT), registry, Clock.systemUTC());
                 IngestService ingest = new IngestService(config.feeds(), config.ingest(),
                         new KafkaArticleSink(pipeline.bootstrapServers(), Topics.standard().articles(), registry),
                         registry, Clock.systemUTC())) {
                CpuSampler cpu = CpuSampler.start();
                ingest.pollAllOnce();
                long lastDecision = lastDecision(pipeline.bootstrapServers(), pages.size());
                cpu.stop();
                double rate = bulk("cold JVM", web, pages, extraction, cpu, registry, lastDecision, Map.of());
                if (Boolean.parseBoolean(System.getProperty("bench.warm", "true"))) {
                    // The same again on new stories, with the code compiled: what a pipeline that has been running
                    // a while costs per article, against a baseline that was warmed up too.
                    web.forgetFeedRequests();
                    List<LocalWeb.Page> more = web.publish(STORIES, SITES_PER_STORY, 4);
                    Map<String, HistogramSnapshot> before = stepTimes(registry);
                    CpuSampler warm = CpuSampler.start();
                    ingest.pollAllOnce();
                    long last = lastDecision(pipeline.bootstrapServers(), pages.size() + more.size());
                    warm.stop();
                    rate = bulk("warm JVM, " + pages.size() + " articles already in", web, more, extraction,
                            warm, registry, last, before);
                }
                if (Boolean.parseBoolean(System.getProperty("bench.latency", "true"))) {
                    idleLatency(web, ingest);
                    for (double share : new double[] {0.25, 0.5, 1.0}) {
                        pacedLatency(web, ingest, share, rate);
                    }
                }
            } finally {
                receiver.stop(0);
            }
        }
    }

    /** Reads story-assignments until {@code count} articles are decided; when the last one arrived (epoch ms). */
    private static long lastDecision(String bootstrap, int count) {
        Topics topics = Topics.standard();
        long last = 0;
        Set<String> ids = new HashSet<>();
        try (TopicReader<StoryAssignment> reader = TopicReader.of(bootstrap, topics.storyAssignments())) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            int seen = 0;
            while (ids.size() < count && System.nanoTime() < deadline) {
                List<ConsumerRecord<String, StoryAssignment>> all = reader.poll();
                if (all.size() > seen) {
                    last = System.currentTimeMillis();
                    all.subList(seen, all.size()).forEach(r -> ids.add(r.key()));
                    seen = all.size();
                }
            }
        }
        return last;
    }

    /** Pages per second through the extractor alone: two warm-up rounds, then three timed, best kept. */
    private static double extractionRate(List<LocalWeb.Page> pages) {
        PageExtractor extractor = new PageExtractor();
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (LocalWeb.Page page : pages) {
                extractor.extract(page.html(), "text/html; charset=utf-8", page.url());
            }
            double rate = pages.size() / ((System.nanoTime() - start) / 1e9);
            if (round >= 2) {
                best = Math.max(best, rate);
            }
        }
        return best;
    }

    /** The steps' timers now, to subtract from a later reading. */
    private static Map<String, HistogramSnapshot> stepTimes(MeterRegistry registry) {
        Map<String, HistogramSnapshot> times = new TreeMap<>();
        for (String step : STEPS) {
            Timer t = registry.find("wirewatch.processing.step").tag("step", step).timer();
            if (t != null) {
                times.put(step, t.takeSnapshot());
            }
        }
        return times;
    }

    private double bulk(String label, LocalWeb web, List<LocalWeb.Page> pages, double extraction,
                        CpuSampler cpu, MeterRegistry registry, long lastDecision,
                        Map<String, HistogramSnapshot> stepsBefore) {
        Map<String, Double> cpuMillis = cpu.millis;
        long first = web.firstFeedRequest();
        long lastFetch = pages.stream().map(p -> web.fetchedAt(p.url())).filter(t -> t != null)
                .mapToLong(Long::longValue).max().orElse(first);
        long lastAlert = delivered.values().stream().mapToLong(Long::longValue).max().orElse(first);
        long end = Math.max(lastAlert, lastDecision);
        double seconds = (end - first) / 1000.0;
        double rate = pages.size() / seconds;
        System.out.printf(Locale.ROOT, "%n== %s; local web: %d sites, %d stories on %d sites each = %d pages, "
                + "%.0f KB per page%n", label, SITES, STORIES, SITES_PER_STORY, pages.size(),
                pages.stream().mapToInt(p -> p.html().length).average().orElse(0) / 1024);
        System.out.printf(Locale.ROOT, "extraction alone (1 thread): %.0f pages/s%n", extraction);
        System.out.printf(Locale.ROOT, "pipeline: %d pages in %.1f s from first feed request to last alert or "
                        + "decision = %.0f articles/s (ratio to extraction %.2f); last page fetched after %.1f s, "
                        + "last alert after %.1f s, last decision after %.1f s; %d alerts%n",
                pages.size(), seconds, rate, rate / extraction, (lastFetch - first) / 1000.0,
                (lastAlert - first) / 1000.0, (lastDecision - first) / 1000.0, delivered.size());
        printLatency("bulk (every page at once)", pages, web);
        double total = cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "CPU per article: %.2f ms in all%n", total / pages.size());
        cpuMillis.forEach((part, ms) -> System.out.printf(Locale.ROOT, "  %-22s %.3f ms%n", part, ms / pages.size()));
        System.out.printf(Locale.ROOT, "garbage collection: %.2f ms per article (collectors' own time, wall)%n",
                (double) cpu.gcMillis / pages.size());
        Map<String, Double> allocated = cpu.allocatedMegabytes();
        System.out.printf(Locale.ROOT, "allocated per article: %.2f MB in Java threads%n",
                allocated.values().stream().mapToDouble(Double::doubleValue).sum() / pages.size());
        allocated.forEach((part, mb) -> System.out.printf(Locale.ROOT, "  %-22s %.3f MB%n", part,
                mb / pages.size()));
        stepTimes(registry).forEach((step, now) -> {
            HistogramSnapshot before = stepsBefore.get(step);
            double millis = now.total(TimeUnit.MILLISECONDS)
                    - (before == null ? 0 : before.total(TimeUnit.MILLISECONDS));
            long count = now.count() - (before == null ? 0 : before.count());
            System.out.printf(Locale.ROOT, "  step %-17s %.3f ms per record (%d records)%n", step,
                    millis / Math.max(1, count), count);
        });
        return rate;
    }

    /** One article at a time on the quiet pipeline: from its page's fetch to its alert. */
    private void idleLatency(LocalWeb web, IngestService ingest) {
        List<LocalWeb.Page> pages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LocalWeb.Page page = web.publish(1, 1, 1).get(0);
            pages.add(page);
            ingest.pollAllOnce();
            // this page's alert only: one story that never alerts (it joined an earlier one) must not make every
            // later wait time out as well
            awaitQuietly("the alert of " + page.url(), Duration.ofSeconds(30),
                    () -> allAlerted(List.of(page), web));
        }
        printLatency("idle (one new article at a time)", pages, web);
    }

    /** New stories at {@code share} of {@code rate} pages/s for 20 s, polled every 500 ms. */
    private void pacedLatency(LocalWeb web, IngestService ingest, double share, double rate) throws Exception {
        double pagesPerTick = share * rate / 2;
        List<LocalWeb.Page> pages = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        double[] owed = {0};
        long start = System.nanoTime();
        ticks.scheduleAtFixedRate(() -> {
            owed[0] += pagesPerTick / SITES_PER_STORY;
            int stories = (int) owed[0];
            owed[0] -= stories;
            pages.addAll(web.publish(stories, SITES_PER_STORY, 2));
            ingest.pollAllOnce();
        }, 0, 500, TimeUnit.MILLISECONDS);
        Await.until("20 s of paced load", Duration.ofSeconds(25),
                () -> System.nanoTime() - start > TimeUnit.SECONDS.toNanos(20), () -> "");
        ticks.shutdown();
        ticks.awaitTermination(60, TimeUnit.SECONDS);
        awaitQuietly("every paced alert", Duration.ofSeconds(60), () -> allAlerted(pages, web));
        printLatency(String.format(Locale.ROOT, "%.0f %% of the bulk rate (%.0f pages/s offered, %d pages)",
                share * 100, share * rate, pages.size()), pages, web);
    }

    /**
     * Prints fetch-to-delivery latency per alerted story: from the first fetch of any of its pages to the first
     * alert that names one of them (whichever copy triage saw first is the one alerted).
     */
    private void printLatency(String label, List<LocalWeb.Page> pages, LocalWeb web) {
        Map<Integer, Long> fetched = new TreeMap<>();
        Map<Integer, Boolean> alerting = new TreeMap<>();
        synchronized (pages) {
            for (LocalWeb.Page p : pages) {
                Long at = web.fetchedAt(p.url());
                if (at != null) {
                    fetched.merge(p.story(), at, Math::min);
                    alerting.put(p.story(), p.phrase() != null);
                }
            }
        }
        Map<Integer, Long> alerted = new TreeMap<>();
        delivered.forEach((url, at) -> {
            LocalWeb.Page p = web.page(url);
            if (p != null && fetched.containsKey(p.story())) {
                alerted.merge(p.story(), at, Math::min);
            }
        });
        List<Long> latencies = new ArrayList<>();
        alerted.forEach((story, at) -> latencies.add(at - fetched.get(story)));
        latencies.sort(Long::compare);
        long expected = alerting.values().stream().filter(b -> b).count();
        if (latencies.isEmpty()) {
            System.out.printf(Locale.ROOT, "latency, %s: no alerts (%d stories should alert)%n", label, expected);
            return;
        }
        System.out.printf(Locale.ROOT, "latency fetch→delivery, %s: p50 %d ms, p99 %d ms, max %d ms (%d alerted "
                        + "stories of %d with a tracked phrase)%n", label, percentile(latencies, 0.5),
                percentile(latencies, 0.99), latencies.get(latencies.size() - 1), latencies.size(), expected);
    }

    /** True once every story of {@code pages} that carries a phrase and was fetched has an alert. */
    private boolean allAlerted(List<LocalWeb.Page> pages, LocalWeb web) {
        Map<Integer, Boolean> pending = new TreeMap<>();
        synchronized (pages) {
            for (LocalWeb.Page p : pages) {
                if (p.phrase() != null && web.fetchedAt(p.url()) != null) {
                    pending.putIfAbsent(p.story(), true);
                }
            }
        }
        delivered.keySet().forEach(url -> {
            LocalWeb.Page p = web.page(url);
            if (p != null) {
                pending.remove(p.story());
            }
        });
        return pending.isEmpty();
    }

    /** Waits like {@link Await#until}, but a benchmark reports what did not arrive instead of failing. */
    private static void awaitQuietly(String what, Duration atMost, BooleanSupplier condition) {
        try {
            Await.until(what, atMost, condition, () -> "");
        } catch (AssertionError e) {
            System.out.println("(not all arrived: " + e.getMessage() + ")");
        }
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private WirewatchConfig config(LocalWeb web, String hook) throws Exception {
        StringBuilder yaml = new StringBuilder("kafka: { bootstrapServers: \"\", dataDir: \"" + dir.resolve("data")
                + "\", partitions: 3 }\nfeeds:\n");
        web.feedUrls().forEach(u -> yaml.append("  - { url: \"").append(u).append("\", pollInterval: PT1M }\n"));
        yaml.append("ingest: { allowPrivateNetworks: true, hostDelay: PT0S }\n")
                .append("alerts:\n  sinks:\n    - { type: webhook, url: \"").append(hook).append("\" }\n")
                .append("metrics: { port: -1 }\ndesk: { port: -1 }\n");
        String processing = System.getProperty("bench.processing"); // e.g. "{ embedding: { scope: all } }"
        if (processing != null) {
            yaml.append("processing: ").append(processing).append('\n');
        }
        return ConfigLoader.parse(yaml.toString(), "benchmark config", System::getenv, TopicMatcher.QUERY_CHECK)
                .withTopics(DefaultTopics.load());
    }

    /** A webhook receiver that notes when each alerted URL arrived. */
    private HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                long now = System.currentTimeMillis();
                JsonNode body = Json.mapper().readTree(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                body.path("alerts").forEach(a -> delivered.putIfAbsent(a.path("url").asText(), now));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return server;
    }

    /**
     * Samples every live thread's CPU time every 100 ms, keeping each thread's latest, so that pool threads that
     * end before the run does are still counted; groups threads by the part of the process they belong to.
     */
    private static final class CpuSampler {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Map<Long, Long> before = new ConcurrentHashMap<>();
        private final Map<Long, Long> latest = new ConcurrentHashMap<>();
        private final Map<Long, String> names = new ConcurrentHashMap<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final com.sun.management.OperatingSystemMXBean process =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long processBefore;

        /** Milliseconds the collectors reported between start and stop (pauses and concurrent work, wall time). */
        long gcMillis;
        /** CPU milliseconds per part, once stopped. */
        Map<String, Double> millis = Map.of();
        private long gcBefore;
        private final Map<Long, Long> allocatedBefore = new ConcurrentHashMap<>();
        private final Map<Long, Long> allocated = new ConcurrentHashMap<>();

        static CpuSampler start() {
            CpuSampler s = new CpuSampler();
            s.gcBefore = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
            s.processBefore = s.process.getProcessCpuTime();
            s.sample(s.before);
            s.timer.scheduleAtFixedRate(() -> s.sample(s.latest), 100, 100, TimeUnit.MILLISECONDS);
            return s;
        }

        private void sample(Map<Long, Long> into) {
            for (long id : threads.getAllThreadIds()) {
                long cpu = threads.getThreadCpuTime(id);
                ThreadInfo info = threads.getThreadInfo(id);
                if (cpu >= 0 && info != null) {
                    into.put(id, cpu);
                    names.putIfAbsent(id, info.getThreadName());
                    long bytes = ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(id);
                    (into == before ? allocatedBefore : allocated).put(id, bytes);
                }
            }
        }

        /** Megabytes allocated per part since start. */
        Map<String, Double> allocatedMegabytes() {
            Map<String, Double> byPart = new TreeMap<>();
            allocated.forEach((id, bytes) -> byPart.merge(part(names.get(id)),
                    (bytes - allocatedBefore.getOrDefault(id, 0L)) / 1e6, Double::sum));
            return byPart;
        }

        /** Stops sampling: {@link #millis} is then the CPU milliseconds per part since start. */
        void stop() {
            gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - gcBefore;
            timer.shutdownNow();
            sample(latest);
            Map<String, Double> byPart = new TreeMap<>();
            latest.forEach((id, cpu) -> byPart.merge(part(names.get(id)),
                    (cpu - before.getOrDefault(id, 0L)) / 1e6, Double::sum));
            // The JIT compiler's and the garbage collector's threads are no Java threads: the process's CPU time
            // less every Java thread's is theirs (and that of threads that ended between two samples).
            double threads = byPart.values().stream().mapToDouble(Double::doubleValue).sum();
            byPart.put("JIT compiler and GC", Math.max(0, (process.getProcessCpuTime() - processBefore) / 1e6
                    - threads));
            millis = byPart;
        }

        private static String part(String thread) {
            if (thread.contains("StreamThread")) {
                return "processing (Streams)";
            }
            if (thread.startsWith("wirewatch-ingest") || thread.startsWith("HttpClient")) {
                return "ingest";
            }
            if (thread.startsWith("wirewatch-alerts")) {
                return "alerts";
            }
            if (thread.startsWith("local-web") || thread.startsWith("HTTP-Dispatcher")) {
                return "generated web (not ours)";
            }
            if (thread.startsWith("kafka-producer") || thread.contains("producer")) {
                return "producers (client I/O)";
            }
            if (thread.contains("GlobalStreamThread")) {
                return "processing (Streams)";
            }
            return "broker (and other JVM threads)";
        }
    }
}
