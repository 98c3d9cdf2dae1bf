package dev.wirewatch.alerts.delivery;

import dev.wirewatch.alerts.Alert;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.AlertMetrics;
import dev.wirewatch.alerts.AlertSink;
import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.alerts.copies.CopyCounts;
import dev.wirewatch.alerts.growth.StorySites;
import dev.wirewatch.alerts.mute.MuteCheck;
import dev.wirewatch.alerts.mute.MuteReplayer;
import dev.wirewatch.config.DeliverySettings;
import dev.wirewatch.config.SinkSchedule;
import dev.wirewatch.model.DeadAlert;
import dev.wirewatch.model.DeliveryRecord;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.MutedAlert;
import dev.wirewatch.model.json.JsonSerde;
import dev.wirewatch.model.kafka.KafkaConnection;
import dev.wirewatch.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the mentions topic to one sink, on its own thread with its own consumer group, so that a slow or dead sink
 * never holds up the others. The stages around the sink, in order: route (topic filter), ledger (skip what was sent
 * before a restart), mute (hold back what an editor muted, recorded on {@code alerts.muted}; checked again when the
 * group is due), hold (quiet hours and scheduled digests, {@link HoldPolicy}), group (windows), rate limit, send
 * with retries, then ledger record or dead-letter, and only then the offset commit.
 *
 * <p>Guarantee: every mention is sent or dead-lettered; a crash re-reads from the last commit and the ledger skips
 * what was recorded, so a mention is sent twice only when the process dies between the send and the ledger write
 * (at most the one batch in flight per sink).
 */
public final class SinkWorker implements DeliveryLoop {

    private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);
    private static final Duration MAX_POLL = Duration.ofMillis(500);
    private static final Duration LEDGER_RETENTION = Duration.ofDays(30);

    private final AlertSink sink;
    private final Topics topics;
    private final KafkaConnection kafka;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final DeliveryLedger ledger;
    private final Grouper grouper;
    private final RateLimiter limiter;
    private final RetryPolicy retries;
    private final AlertMetrics metrics;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BooleanSupplier flushWhenIdle;
    private final Settled onSettled;
    private final CopyCounts copies;
    private final MuteCheck mutes;
    private final HoldPolicy holds;
    private final FollowUps followUps;
    private final StorySites storySites;
    private final SinkSchedule schedule;
    private final boolean digest;
    private final JsonSerde<Mention> mentions = new JsonSerde<>(Mention.class);
    private final OffsetTracker offsets = new OffsetTracker();
    private final DeadLetters deadLetters;
    private volatile boolean running = true;

    /** Told when this sink is done with a mention: {@code sent} when it delivered it now. */
    @FunctionalInterface
    public interface Settled {
        void settled(Mention mention, boolean sent);
    }

    /** What a worker needs besides its sink; shared by the workers of one alert service. */
    public record Context(KafkaConnection kafka, Topics topics, KafkaProducer<String, byte[]> producer,
                          AlertMetrics metrics, Clock clock, Sleeper sleeper, RandomGenerator random,
                          BooleanSupplier flushWhenIdle, Settled onSettled, CopyCounts copies, MuteCheck mutes,
                          StorySites storySites) {
    }

    public SinkWorker(AlertSink sink, DeliverySettings delivery, boolean digest, SinkSchedule schedule,
                      List<Integer> followUpAtSites, Context context) {
        this.sink = sink;
        this.topics = context.topics();
        this.kafka = context.kafka();
        this.producer = context.producer();
        this.metrics = context.metrics();
        this.clock = context.clock();
        this.sleeper = context.sleeper();
        this.flushWhenIdle = context.flushWhenIdle();
        this.onSettled = context.onSettled();
        this.copies = context.copies();
        this.mutes = context.mutes();
        this.schedule = schedule;
        this.holds = new HoldPolicy(schedule);
        this.digest = digest;
        this.storySites = context.storySites();
        this.followUps = new FollowUps(followUpAtSites, storySites);
        this.deadLetters = new DeadLetters(producer, topics);
        this.ledger = new DeliveryLedger(topics.alertLedger(), sink.id(), producer, clock, LEDGER_RETENTION);
        this.grouper = new Grouper(delivery.groupWait(), delivery.groupInterval(), digest, sink.maxBatch());
        this.limiter = new RateLimiter(delivery.rateLimit(), clock.instant());
        this.retries = new RetryPolicy(delivery, context.random());
        Properties c = kafka.properties();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(sink.id()));
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId(sink.id()));
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        // retries with backoff happen between polls; the group must not evict a sink that is patiently retrying
        c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The consumer group of a sink: each sink keeps its own position in the mentions topic. */
    public static String groupId(String sinkId) {
        return "wirewatch-alerts-" + sinkId;
    }

    /** The consumer, for client metrics; only this worker's thread may call it otherwise. */
    @Override
    public KafkaConsumer<String, byte[]> consumer() {
        return consumer;
    }

    @Override
    public void run() {
        try {
            ledger.load(kafka, followUps::recorded);
            consumer.subscribe(List.of(topics.mentions().name()), new Rebalance());
            while (running) {
                ConsumerRecords<String, byte[]> records = poll();
                for (ConsumerRecord<String, byte[]> record : records) {
                    accept(record);
                }
                boolean idle = records.isEmpty();
                for (List<Pending> batch : grouper.due(clock.instant(), idle && flushWhenIdle.getAsBoolean())) {
                    send(batch);
                }
                for (FollowUps.Due due : followUps.due()) {
                    followUp(due);
                }
                metrics.pending(sink.id(), grouper.size());
                commit();
            }
        } catch (WakeupException | InterruptException | InterruptedException e) {
            if (running) {
                LOG.error("sink {}: delivery stopped unexpectedly: {}", sink.id(), e.toString());
            }
        } catch (KafkaException e) {
            LOG.error("sink {}: delivery stopped by a Kafka error: {}", sink.id(), e.toString());
        } finally {
            // With the interrupt flag set (a stop during a pause), close would fail instead of leaving the group,
            // and the group would wait a session timeout before handing the partitions to a restarted worker.
            boolean interrupted = Thread.interrupted();
            consumer.close(Duration.ofSeconds(5));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** False for a replayed mention addressed to other sinks (the ones a mute held it back from). */
    private boolean replayedFor(ConsumerRecord<String, byte[]> record) {
        org.apache.kafka.common.header.Header replay = record.headers().lastHeader(MuteReplayer.REPLAY_FOR);
        if (replay == null) {
            return true;
        }
        String sinks = new String(replay.value(), java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.asList(sinks.split(",")).contains(sink.id());
    }

    /** Stops the worker: the batch in flight is abandoned uncommitted and delivered after the next start. */
    @Override
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private ConsumerRecords<String, byte[]> poll() {
        Duration timeout = MAX_POLL;
        Instant next = grouper.nextDue();
        if (next != null) {
            Duration untilDue = Duration.between(clock.instant(), next);
            timeout = untilDue.isNegative() ? Duration.ZERO : untilDue.compareTo(MAX_POLL) < 0 ? untilDue : MAX_POLL;
        }
        return consumer.poll(timeout);
    }

    private void accept(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Mention mention;
        try {
            mention = mentions.read(record.value());
            if (mention == null) {
                throw new SerializationException("empty record where a mention was expected");
            }
        } catch (SerializationException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        if (!sink.accepts(mention) || !replayedFor(record)) {
            return;
        }
        if (ledger.sent(mention)) {
            metrics.skipped(sink.id());
            onSettled.settled(mention, false);
            return;
        }
        Optional<Mute> mute = mutes.muting(mention, sink.id(), clock.instant(), record.timestamp());
        if (mute.isPresent()) {
            holdBack(mention, mute.get());
            return;
        }
        if (grouper.holds(mention.key())) {
            metrics.skipped(sink.id()); // a replayed copy of a mention already waiting here
            return;
        }
        offsets.waiting(partition, record.offset());
        grouper.add(new Pending(mention, Alert.from(mention), partition, record.offset(), record.timestamp(),
                holds.releaseAt(mention)), clock.instant());
    }

    private void send(List<Pending> due) throws InterruptedException {
        List<Pending> batch = unmuted(due);
        if (batch.isEmpty()) {
            return;
        }
        // counted now, not when read: copies that arrived during the group window make it into the message
        AlertBatch alerts = new AlertBatch(batch.stream().map(p -> p.alert().withAlsoOn(
                copies.alsoOn(p.mention().articleId(), p.mention().url()))).toList(),
                digest || batch.get(0).releaseAt() != null, schedule.zone());
        Outcome outcome = sendWithRetries(alerts);
        if (outcome.failure() == null) {
            delivered(batch, outcome.messageRef());
        } else {
            deadLetter(batch, outcome.failure(), outcome.attempts());
        }
    }

    /** How a message ended: sent (with the channel's message id, or null), or given up on after its attempts. */
    private record Outcome(String messageRef, DeliveryException failure, int attempts) {
    }

    /**
     * Sends one message through the rate limit with the sink's retries; returns once it was sent or the last
     * attempt failed. Throws when the worker is stopped meanwhile: nothing is committed, it is sent after the next
     * start.
     */
    private Outcome sendWithRetries(AlertBatch alerts) throws InterruptedException {
        Duration wait = limiter.waitBeforeNext(clock.instant());
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
        for (int attempt = 1; running; attempt++) {
            try {
                String messageRef = deliver(alerts);
                limiter.take(clock.instant());
                return new Outcome(messageRef, null, attempt);
            } catch (DeliveryException e) {
                metrics.failedAttempt(sink.id());
                if (!retries.retry(attempt, e)) {
                    return new Outcome(null, e, attempt);
                }
                Duration delay = retries.delay(attempt, e);
                metrics.retried(sink.id());
                LOG.warn("sink {}: attempt {} of {} failed ({}); next in {} ms", sink.id(), attempt,
                        retries.maxAttempts(), e.getMessage(), delay.toMillis());
                sleeper.sleep(delay);
            }
        }
        throw new InterruptedException("stopped while retrying");
    }

    /** The pending alerts no mute holds back now; the others are recorded as muted (a mute set during the window). */
    private List<Pending> unmuted(List<Pending> due) throws InterruptedException {
        List<Pending> kept = new ArrayList<>(due.size());
        for (Pending p : due) {
            Optional<Mute> mute = mutes.muting(p.mention(), sink.id(), clock.instant(), p.writtenAt());
            if (mute.isPresent()) {
                holdBack(p.mention(), mute.get());
                done(p);
            } else {
                kept.add(p);
            }
        }
        return kept;
    }

    private void holdBack(Mention mention, Mute mute) {
        LOG.info("sink {}: alert {} held back by mute {}", sink.id(), mention.key(), mute.id());
        deadLetters.muted(MutedAlert.of(sink.id(), mute, mention, clock.instant()));
        metrics.muted(sink.id());
        onSettled.settled(mention, false);
    }

    /** A sink that throws instead of reporting has a bug; its batch is dead-lettered rather than wedging the sink. */
    private String deliver(AlertBatch alerts) throws DeliveryException {
        try {
            return sink.send(alerts);
        } catch (RuntimeException e) {
            throw new DeliveryException("sink " + sink.id() + " failed unexpectedly: " + e, false, null, e);
        }
    }

    private void delivered(List<Pending> batch, String messageRef) {
        List<Mention> sent = batch.stream().map(Pending::mention).toList();
        ledger.record(sent, messageRef, storySites::sites).forEach(followUps::recorded);
        Instant now = clock.instant();
        for (Pending p : batch) {
            Mention m = p.mention();
            metrics.delivered(sink.id(), Duration.between(m.detectedAt(), now),
                    m.publishedAt() == null ? null : Duration.between(m.publishedAt(), now));
            onSettled.settled(m, true);
            done(p);
        }
    }

    /**
     * Sends the follow-up "now on N sites" of a story this sink alerted, threaded under the first message where the
     * sink can, with the sink's retries. A mute of its topic, story or source drops it; quiet hours defer it to a
     * later look unless the alerted topic was urgent (a digest does not: a follow-up is its own message). Given up
     * on after the last attempt (counted, logged): the first alert went out.
     */
    private void followUp(FollowUps.Due due) throws InterruptedException {
        DeliveryRecord first = due.first();
        Instant now = clock.instant();
        Mention probe = new Mention(Mention.SCHEMA_VERSION, first.topicId(), null, first.storyId(), "follow-up",
                first.url(), first.title(), first.source(), null, List.of(), null, now, false);
        if (mutes.muting(probe, sink.id(), now, System.currentTimeMillis()).isPresent()) {
            followUps.done(due);
            return;
        }
        if (holds.holdsFollowUp(first.urgent(), now)) {
            followUps.defer(due);
            return;
        }
        AlertBatch batch = new AlertBatch(List.of(Alert.followUp(first.topicId(), first.topicId(), first.storyId(),
                first.url(), first.title(), first.source(), now, due.sites(), first.messageRef())), false,
                schedule.zone());
        Outcome outcome = sendWithRetries(batch);
        if (outcome.failure() == null) {
            ledger.write(due.thresholds().stream().map(t -> DeliveryRecord.followUp(first, t, due.sites(),
                    clock.instant())).toList());
        } else {
            LOG.error("sink {}: follow-up for {} ({} sites) not delivered after {} attempt(s): {}", sink.id(),
                    first.key(), due.sites(), outcome.attempts(), outcome.failure().getMessage());
        }
        followUps.done(due);
        metrics.followUp(sink.id(), outcome.failure() == null);
    }

    private void deadLetter(List<Pending> batch, DeliveryException e, int attempts) {
        LOG.error("sink {}: {} alert(s) not delivered after {} attempt(s), sent to {}: {}", sink.id(), batch.size(),
                attempts, topics.alertsDlq().name(), e.getMessage());
        for (Pending p : batch) {
            deadLetters.alert(DeadAlert.of(sink.id(), p.mention(), e.getMessage(), attempts, clock.instant()));
            metrics.deadLetteredAlert(sink.id());
            onSettled.settled(p.mention(), false);
            done(p);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String error) {
        LOG.warn("sink {}: dead-lettering {}-{}@{}: {}", sink.id(), record.topic(), record.partition(),
                record.offset(), error);
        deadLetters.record(record, "decode-mention", "sink " + sink.id() + ": " + error, clock.instant());
        metrics.deadLettered();
    }

    private void done(Pending p) {
        offsets.done(p.partition(), p.offset());
    }

    /** Commits as far as {@link OffsetTracker} allows; past the last record also steps over transaction markers. */
    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> due = offsets.toCommit(consumer.assignment(), consumer::position);
        if (!due.isEmpty()) {
            consumer.commitSync(due);
            offsets.committed(due);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Set<TopicPartition> revoked = Set.copyOf(partitions);
            grouper.drop(p -> revoked.contains(p.partition())); // the new owner reads them from the last commit
            offsets.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // positions come from the group's committed offsets
        }
    }
}
