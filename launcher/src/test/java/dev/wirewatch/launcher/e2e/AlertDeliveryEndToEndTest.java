package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.AlertService;
import dev.wirewatch.alerts.AlertSink;
import dev.wirewatch.alerts.ConfiguredSink;
import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.alerts.Sinks;
import dev.wirewatch.alerts.delivery.DlqReplayer;
import dev.wirewatch.alerts.delivery.Sleeper;
import dev.wirewatch.config.DigestSettings;
import dev.wirewatch.config.QuietHours;
import dev.wirewatch.config.SinkSettings;
import dev.wirewatch.launcher.broker.EmbeddedKafka;
import dev.wirewatch.launcher.once.Backlog;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.model.DeadAlert;
import dev.wirewatch.model.Duplicate;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.json.Json;
import dev.wirewatch.model.topic.TopicProvisioner;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert delivery on a real broker with real receivers: retries until a flaky Slack answers, SMTP coming up late,
 * digests, a crash mid-batch, a dead sink next to a healthy one, and the dead-letter replay.
 */
class AlertDeliveryEndToEndTest {

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static Admin admin;

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final Sleeper recordingSleeper = pauses::add; // retries and windows are recorded, not waited for

    @BeforeAll
    static void broker() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 2, Duration.ofSeconds(60));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        admin.close();
        kafka.close();
    }

    private static Topics topics() {
        Topics topics = Topics.withPrefix("t" + UUID.randomUUID().toString().substring(0, 8) + ".");
        new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(topics.all(), 2);
        return topics;
    }

    private static Mention mention(String topic, String story) {
        return new Mention(1, topic, topic.toUpperCase(), story, "a-" + story, "https://news.example/" + story,
                "Story " + story + " <b>&</b>", "Coastal Ledger", "the **" + topic + "** order", List.of(topic),
                Instant.now().minusSeconds(600), Instant.now().minusSeconds(60), false);
    }

    private static void produce(Topics topics, List<Mention> mentions) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, Mention> producer = new KafkaProducer<>(p, new StringSerializer(),
                topics.mentions().valueSerde().serializer())) {
            mentions.forEach(m -> producer.send(new ProducerRecord<>(topics.mentions().name(), m.key(), m)));
        }
    }

    private static AlertService service(Topics topics, List<ConfiguredSink> sinks, Sleeper sleeper, boolean flush) {
        AlertService service = new AlertService(kafka.bootstrapServers(), topics, sinks, new SimpleMeterRegistry(),
                Clock.systemUTC(), flush, sleeper);
        service.start();
        return service;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, Duration.ofSeconds(60));
    }

    private static void await(String what, BooleanSupplier condition, Duration atMost) {
        Await.until(what, atMost, condition, () -> "");
    }

    private static void awaitDrained(Topics topics, AlertService service) throws InterruptedException {
        Backlog backlog = new Backlog(admin);
        await("every sink committed its input", () -> service.groupIds().stream()
                .mapToLong(g -> backlog.of(g, t -> t.equals(topics.mentions().name()))).sum() == 0);
    }

    private static SinkSettings.Webhook webhook(String id, String url) {
        return new SinkSettings.Webhook(id, null, null, url, "k3y", null, null, null, 3, Duration.ofMillis(10),
                Duration.ofMillis(100), null, null, null, null);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A local HTTP receiver: {@code answer} gets the request number (1-based) and the body, returns the status. */
    private static HttpServer receiver(Function<Integer, Integer> answer, List<String> accepted,
                                       Map<Integer, String> retryAfter) throws Exception {
        AtomicInteger count = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int n = count.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answer.apply(n);
            if (status == 200) {
                accepted.add(body);
            }
            if (retryAfter.containsKey(n)) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter.get(n));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T1/B1/s3cr3t";
    }

    @Test
    void slackAnswering429Then500Then200GetsTheAlertExactlyOnce() throws Exception {
        Topics topics = topics();
        List<String> accepted = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        HttpServer slack = receiver(n -> {
            requests.incrementAndGet();
            return n == 1 ? 429 : n == 2 ? 500 : 200;
        }, accepted, Map.of(1, "3"));
        produce(topics, List.of(mention("su-35", "s1")));
        SinkSettings.Slack settings = new SinkSettings.Slack("slack-flaky", null, null, url(slack), null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        try (AlertService service = service(topics, Sinks.from(List.of(settings), Clock.systemUTC()),
                recordingSleeper, false)) {
            await("Slack accepted the message", () -> accepted.size() == 1);
            awaitDrained(topics, service);
        } finally {
            slack.stop(0);
        }
        assertEquals(1, accepted.size());
        assertEquals(3, requests.get());
        assertTrue(accepted.get(0).contains("Story s1 &lt;b&gt;&amp;&lt;/b&gt;"), accepted.get(0));
        assertEquals(Duration.ofSeconds(3), pauses.get(0), "Retry-After honoured: " + pauses);
        assertTrue(pauses.get(1).compareTo(Duration.ofSeconds(3)) < 0, "then our own backoff: " + pauses);
    }

    /** A clock that moves only when the service pauses: ten minutes of retries pass in milliseconds. */
    static final class PausedClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void slackFailingForTenMinutesOnACompressedClockDeliversOnceAfterwardsWithTheRetriesInTheMetrics()
            throws Exception {
        Topics topics = topics();
        PausedClock clock = new PausedClock();
        Instant recovers = clock.instant().plus(Duration.ofMinutes(10));
        List<String> accepted = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        HttpServer slack = receiver(n -> {
            requests.incrementAndGet();
            return clock.instant().isBefore(recovers) ? 500 : 200;
        }, accepted, Map.of());
        produce(topics, List.of(mention("c-130", "s10")));
        SinkSettings.Slack settings = new SinkSettings.Slack("slack-down", null, null, url(slack), Duration.ZERO, null, null,
                20, Duration.ofSeconds(5), Duration.ofMinutes(2), null, null, null, null, null, null, null);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AlertService service = new AlertService(kafka.bootstrapServers(), topics, Sinks.from(List.of(settings), clock),
                registry, clock, false, clock::advance);
        service.start();
        try (service) {
            await("Slack accepted the message after its outage", () -> accepted.size() == 1);
            awaitDrained(topics, service);
        } finally {
            slack.stop(0);
        }
        assertEquals(1, accepted.size(), "delivered once, nothing lost");
        assertTrue(!clock.instant().isBefore(recovers), "ten minutes passed on the service's clock");
        double failed = registry.find("wirewatch.alerts.failed").tag("sink", "slack-down").counter().count();
        double retried = registry.find("wirewatch.alerts.retried").tag("sink", "slack-down").counter().count();
        assertEquals(requests.get() - 1, (int) failed, "every 500 counted");
        assertTrue(retried >= failed && failed >= 5, "retries visible: failed " + failed + ", retried " + retried);
        assertEquals(0.0, registry.find("wirewatch.alerts.dead.lettered").tag("sink", "slack-down").counter().count());
    }

    @Test
    void quietHoursHoldWhatIsNotUrgentUntilTheMorningDigestWhichShowsHanoiTimes() throws Exception {
        Topics topics = topics();
        PausedClock clock = new PausedClock();
        clock.now = Instant.parse("2026-12-01T16:00:00Z"); // 23:00 in Hanoi
        List<String> accepted = new CopyOnWriteArrayList<>();
        HttpServer slack = receiver(n -> 200, accepted, Map.of());
        Instant night = clock.instant();
        produce(topics, List.of(detectedAt("su-35", "q1", night, false), detectedAt("c-130", "q2", night, false),
                detectedAt("c-130", "q2b", night.plusSeconds(60), false), detectedAt("ruble", "q3", night, true)));
        SinkSettings.Slack settings = new SinkSettings.Slack("slack-night", null, null, url(slack), null, null, null,
                null, null, null, "Asia/Ho_Chi_Minh", new QuietHours("22:00", "07:00", null), null, null, null, null,
                null);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (AlertService service = new AlertService(kafka.bootstrapServers(), topics,
                Sinks.from(List.of(settings), clock), registry, clock, false, recordingSleeper)) {
            service.start();
            await("the urgent alert went out at once and three wait", () -> accepted.size() == 1
                    && registry.find("wirewatch.alerts.pending").tag("sink", "slack-night").gauge().value() == 3);
            assertTrue(accepted.get(0).contains("RUBLE"), accepted.get(0));
            assertTrue(accepted.get(0).contains("1 Dec 2026 22:50 ICT"), "published 10 minutes before, Hanoi time: "
                    + accepted.get(0));
            clock.advance(Duration.ofHours(7).plusMinutes(59)); // 06:59 in Hanoi: still quiet
            await("nothing more while it is quiet", () -> registry.find("wirewatch.alerts.pending")
                    .tag("sink", "slack-night").gauge().value() == 3);
            assertEquals(1, accepted.size());
            clock.advance(Duration.ofMinutes(1)); // 07:00
            await("the morning digest arrived", () -> accepted.size() == 2);
            awaitDrained(topics, service);
        } finally {
            slack.stop(0);
        }
        String digest = accepted.get(1);
        assertTrue(digest.contains("Digest: 3 alerts on 2 topics"), digest);
        assertTrue(digest.contains("SU-35* · 1 story") && digest.contains("C-130* · 2 stories"), digest);
        assertEquals(2, accepted.size(), "one message for everything held");
    }

    private static Mention detectedAt(String topic, String story, Instant at, boolean urgent) {
        return new Mention(1, topic, topic.toUpperCase(), story, "a-" + story, "https://news.example/" + story,
                "Story " + story, "Coastal Ledger", "the **" + topic + "** order", List.of(topic),
                at.minusSeconds(600), at, false, List.of(), urgent);
    }

    @Test
    void closingTheServiceEndsEveryWorkerCleanlyAndLeavesItsConsumerGroup() throws Exception {
        Topics topics = topics();
        List<String> accepted = new CopyOnWriteArrayList<>();
        HttpServer slack = receiver(n -> 200, accepted, Map.of());
        produce(topics, List.of(mention("su-35", "leave")));
        SinkSettings.Slack settings = new SinkSettings.Slack("slack-leaving", null, null, url(slack), null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        List<String> groups;
        try (AlertService service = service(topics, Sinks.from(List.of(settings), Clock.systemUTC()),
                recordingSleeper, false)) {
            await("Slack got the message", () -> accepted.size() == 1);
            awaitDrained(topics, service);
            groups = service.groupIds();
        } finally {
            slack.stop(0);
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertEquals(List.of(), uncaught, "a worker interrupted while closing its consumer dies of it");
        // A member that did not leave stays until its session times out (45 s); one that left is gone at once.
        await("the sink's consumer left its group", () -> {
            try {
                return admin.describeConsumerGroups(groups).all().get().values().stream()
                        .allMatch(g -> g.members().isEmpty());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(10));
    }

    @Test
    void slackMessageSaysOnHowManyOtherSitesTheStoryRan() throws Exception {
        Topics topics = topics();
        List<String> accepted = new CopyOnWriteArrayList<>();
        HttpServer slack = receiver(n -> 200, accepted, Map.of());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, Duplicate> producer = new KafkaProducer<>(p, new StringSerializer(),
                topics.duplicates().valueSerde().serializer())) {
            for (String url : List.of("https://mekong.example/x", "https://saigon.example/y")) {
                producer.send(new ProducerRecord<>(topics.duplicates().name(), url, new Duplicate(1, url, url, "a-c1",
                        1.0, "exact-content", Instant.now())));
            }
        }
        SinkSettings.Slack settings = new SinkSettings.Slack("slack-copies", null, null, url(slack), null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        try (AlertService service = service(topics, Sinks.from(List.of(settings), Clock.systemUTC()),
                recordingSleeper, false)) {
            await("the copies were read", () -> service.copiesSeen() == 2);
            produce(topics, List.of(mention("su-35", "c1")));
            await("Slack got the message", () -> accepted.size() == 1);
        } finally {
            slack.stop(0);
        }
        assertTrue(accepted.get(0).contains("· also on 2 sites"), accepted.get(0));
    }

    @Test
    void smtpDownAtStartThenUpGetsTheEmailExactlyOnceAndDigestsGroupByTopic() throws Exception {
        Topics topics = topics();
        int port = freePort();
        GreenMail[] smtp = new GreenMail[1];
        Sleeper startSmtpOnFirstRetry = pause -> {
            pauses.add(pause);
            if (smtp[0] == null) {
                smtp[0] = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp[0].start();
            }
        };
        produce(topics, List.of(mention("su-35", "e1"), mention("c-130", "e2"), mention("su-35", "e3")));
        SinkSettings.Email digest = new SinkSettings.Email("mail-digest", null, null, "127.0.0.1", port, "none", null,
                null, "wirewatch@ledger.example", List.of("desk@ledger.example"), null,
                new DigestSettings("PT15M", null, null, null), null, null, null, null, null, Duration.ofMillis(10),
                Duration.ofMillis(100), null, null, null);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (AlertService service = new AlertService(kafka.bootstrapServers(), topics,
                Sinks.from(List.of(digest), Clock.systemUTC()), registry, Clock.systemUTC(), true,
                startSmtpOnFirstRetry)) {
            service.start();
            await("the digest arrived", () -> smtp[0] != null && smtp[0].getReceivedMessages().length > 0);
            awaitDrained(topics, service);
            assertEquals(1, smtp[0].getReceivedMessages().length);
            assertEquals(3.0, registry.find("wirewatch.alerts.delivered").tag("sink", "mail-digest").counter()
                    .count(), "none lost");
            assertTrue(registry.find("wirewatch.alerts.failed").tag("sink", "mail-digest").counter().count() >= 1
                    && registry.find("wirewatch.alerts.retried").tag("sink", "mail-digest").counter().count() >= 1,
                    "the outage is visible in the metrics");
            String subject = smtp[0].getReceivedMessages()[0].getSubject(); // topic order follows partition order
            assertTrue(subject.startsWith("[Wirewatch] Digest: 3 mentions: ") && subject.contains("SU-35 (2)")
                    && subject.contains("C-130 (1)"), subject);
        } finally {
            if (smtp[0] != null) {
                smtp[0].stop();
            }
        }
        assertFalse(pauses.isEmpty(), "the first attempt failed while SMTP was down");
    }

    @Test
    void serviceKilledMidBatchAndRestartedDeliversEveryMentionExactlyOncePerSink() throws Exception {
        Topics topics = topics();
        List<String> accepted = new CopyOnWriteArrayList<>();
        HttpServer hook = receiver(n -> 200, accepted, Map.of());
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            mentions.add(mention("topic-" + i, "k" + i)); // ten topics: ten messages
        }
        produce(topics, mentions);
        Path file = dir.resolve("killed-" + UUID.randomUUID() + ".jsonl");
        SinkSettings.File fileSettings = new SinkSettings.File("file-killed", null, file.toString());
        ConfiguredSink real = Sinks.from(List.of(webhook("hook-killed", url(hook))), Clock.systemUTC()).get(0);
        AtomicInteger calls = new AtomicInteger();
        AlertSink crashing = new AlertSink() {
            @Override
            public String id() {
                return real.sink().id();
            }

            @Override
            public boolean accepts(Mention mention) {
                return true;
            }

            @Override
            public void deliver(AlertBatch batch) throws DeliveryException {
                if (calls.incrementAndGet() == 5) {
                    throw new Error("simulated crash of the delivery thread in the middle of the batch");
                }
                real.sink().deliver(batch);
            }
        };
        ConfiguredSink fileSink = Sinks.from(List.of(fileSettings), Clock.systemUTC()).get(0);
        try (AlertService first = service(topics, List.of(new ConfiguredSink(crashing, real.delivery(), false, real.schedule(), List.of()),
                fileSink), recordingSleeper, false)) {
            await("the webhook thread died after four messages", () -> calls.get() >= 5);
            await("the file sink delivered all", () -> lines(file) == 10);
        }
        assertEquals(4, accepted.size());
        ConfiguredSink fileAgain = Sinks.from(List.of(fileSettings), Clock.systemUTC()).get(0);
        try (AlertService second = service(topics, List.of(real, fileAgain), recordingSleeper, false)) {
            await("the webhook got the rest", () -> accepted.size() >= 10);
            awaitDrained(topics, second);
        } finally {
            hook.stop(0);
        }
        Map<String, Long> perStory = accepted.stream().map(body -> {
            try {
                return Json.mapper().readTree(body).get("alerts").get(0).get("storyId").asText();
            } catch (Exception e) {
                throw new AssertionError(body, e);
            }
        }).collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(10, perStory.size(), perStory.toString());
        assertTrue(perStory.values().stream().allMatch(n -> n == 1), "exactly once per story: " + perStory);
        assertEquals(10, lines(file), "the file sink was not repeated either");
    }

    @Test
    void deadSinkBlocksNoOtherGoesToTheDlqAndIsReplayedOnce() throws Exception {
        Topics topics = topics();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger mode = new AtomicInteger(404);
        List<String> accepted = new CopyOnWriteArrayList<>();
        HttpServer hook = receiver(n -> {
            try {
                release.await(30, TimeUnit.SECONDS); // a receiver that hangs until the test lets it answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return mode.get();
        }, accepted, Map.of());
        produce(topics, List.of(mention("su-35", "d1"), mention("c-130", "d2")));
        Path file = dir.resolve("healthy-" + UUID.randomUUID() + ".jsonl");
        List<SinkSettings> settings = List.of(webhook("hook-dead", url(hook)),
                new SinkSettings.File("file-healthy", null, file.toString()));
        try (AlertService service = service(topics, Sinks.from(settings, Clock.systemUTC()), recordingSleeper,
                false)) {
            await("the healthy sink delivered while the other hangs", () -> lines(file) == 2);
            release.countDown();
            awaitDrained(topics, service);
        }
        List<DeadAlert> dead = deadAlerts(topics, 2);
        assertEquals(2, dead.size());
        assertEquals("hook-dead", dead.get(0).sinkId());
        assertTrue(dead.get(0).error().contains("HTTP 404"), dead.get(0).error());
        assertFalse(dead.get(0).error().contains("s3cr3t"), dead.get(0).error());

        mode.set(200);
        DlqReplayer replayer = new DlqReplayer(kafka.bootstrapServers(), topics,
                Sinks.from(settings, Clock.systemUTC()), Clock.systemUTC(), recordingSleeper);
        DlqReplayer.Result result = replayer.replay(null);
        assertEquals(2, result.delivered());
        assertEquals(0, result.failedAgain());
        assertEquals(2, accepted.size());
        assertEquals(0, replayer.replay(null).delivered(), "a second replay finds nothing left");
        assertEquals(2, accepted.size());
        hook.stop(0);
    }

    @Test
    void aSinkThatThrowsOnOneMentionDeadLettersItAndDeliversTheRest() throws Exception {
        Topics topics = topics();
        produce(topics, List.of(mention("su-35", "ok1"), mention("c-130", "bad"), mention("ruble", "ok2")));
        List<String> delivered = new CopyOnWriteArrayList<>();
        AlertSink buggy = new AlertSink() {
            @Override
            public String id() {
                return "buggy";
            }

            @Override
            public boolean accepts(Mention mention) {
                return true;
            }

            @Override
            public void deliver(AlertBatch batch) {
                if (batch.alerts().stream().anyMatch(a -> a.storyId().equals("bad"))) {
                    throw new IllegalStateException("renderer bug");
                }
                batch.alerts().forEach(a -> delivered.add(a.storyId()));
            }
        };
        try (AlertService service = service(topics, List.of(ConfiguredSink.of(buggy)), recordingSleeper, false)) {
            await("the healthy mentions were delivered", () -> delivered.size() == 2);
            awaitDrained(topics, service);
        }
        List<DeadAlert> dead = deadAlerts(topics, 1);
        assertEquals(1, dead.size());
        assertEquals("bad", dead.get(0).mention().storyId());
        assertTrue(dead.get(0).error().contains("renderer bug"), dead.get(0).error());
        assertEquals(Set.of("ok1", "ok2"), Set.copyOf(delivered));
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<DeadAlert> deadAlerts(Topics topics, int expected) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "test-dlq-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadAlert> found = new ArrayList<>();
        try (KafkaConsumer<String, DeadAlert> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                topics.alertsDlq().valueSerde().deserializer())) {
            consumer.subscribe(List.of(topics.alertsDlq().name()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> found.add(r.value()));
            }
        }
        return found;
    }
}
