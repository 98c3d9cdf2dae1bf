package dev.wirewatch.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class SupervisedWorkerTest {

    /** A clock the loops move: each run takes as long as it says. */
    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

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
    }

    /** A loop that runs for {@code lasts} of clock time, then fails (or, the last one, ends the test by stopping). */
    record Loop(StepClock clock, Duration lasts, Runnable then) implements DeliveryLoop {
        @Override
        public void run() {
            clock.now = clock.now.plus(lasts);
            then.run();
        }

        @Override
        public void stop() {
        }

        @Override
        public Consumer<?, ?> consumer() {
            return null;
        }
    }

    final StepClock clock = new StepClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<Duration> pauses = new ArrayList<>();

    @Test
    void aFailedLoopIsReplacedAfterABackoffThatGrowsAndTheRestartsAreCounted() {
        AtomicInteger made = new AtomicInteger();
        SupervisedWorker[] self = new SupervisedWorker[1];
        self[0] = new SupervisedWorker("slack", () -> {
            int n = made.incrementAndGet();
            return new Loop(clock, Duration.ofSeconds(5), n < 4 ? () -> {
                throw new KafkaException("fenced");
            } : () -> self[0].stop());
        }, registry, clock, pauses::add);
        self[0].run();
        assertEquals(4, made.get(), "three failures, three replacements");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), pauses);
        assertEquals(3.0, registry.find("wirewatch.worker.restarts").tag("worker", "sink-slack").counter().count());
        assertTrue(self[0].alive());
    }

    @Test
    void itGivesUpAfterFailingAgainAndAgainRightAfterStartingSoLivenessFails() {
        SupervisedWorker worker = new SupervisedWorker("email", () -> new Loop(clock, Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("bug");
        }), registry, clock, pauses::add);
        worker.run();
        assertFalse(worker.alive());
        assertEquals(SupervisedWorker.MAX_QUICK_FAILURES - 1, pauses.size());
    }

    @Test
    void aLoopThatRanSteadilyBeforeFailingStartsTheCountAndTheBackoffOver() {
        AtomicInteger made = new AtomicInteger();
        SupervisedWorker[] self = new SupervisedWorker[1];
        self[0] = new SupervisedWorker("hook", () -> {
            int n = made.incrementAndGet();
            Duration lasts = n % 2 == 0 ? Duration.ofMinutes(10) : Duration.ofSeconds(1);
            return new Loop(clock, lasts, n < 12 ? () -> {
                throw new KafkaException("flaky");
            } : () -> self[0].stop());
        }, registry, clock, pauses::add);
        self[0].run();
        assertTrue(self[0].alive(), "steady runs in between: never five quick failures in a row");
        assertEquals(12, made.get());
        assertTrue(pauses.stream().allMatch(p -> p.compareTo(Duration.ofSeconds(2)) <= 0), pauses.toString());
    }
}
